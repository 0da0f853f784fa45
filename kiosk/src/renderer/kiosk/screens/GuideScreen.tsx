// One item's guide (办事指南): department, time limit, fee, conditions, materials. Guests may read it. When the
// card in hand has expired and the item does not take it, the guide opens with a designed screen that says what to
// do instead, not an error line.
import { CalendarX } from 'lucide-react';
import { StateScreen } from '@easydo/core/ui/StateScreen';
import { useQuery } from '@easydo/core/ui/terminal-context';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { ProgressBar } from '@easydo/core/ui/ProgressBar';
import type { ScreenProps } from '../screen-props';
import { canApply as canApplyNow } from '../service-rules';
import { PhoneCodeScreen } from './PhoneCodeScreen';
import { BackButton } from '../BackButton';

export function GuideScreen({ ctx, send, lang, t, service, startedInService = true, speak }: ScreenProps) {
  const guide = useQuery('catalogue:item', { itemCode: ctx.itemCode ?? '' }, [ctx.itemCode]);
  const g = guide.data;
  // An expired card stays expired: applying again cannot help, so the guide offers no 办理 for it.
  // (physical-card-required keeps its notice: its words already say to place the card, and 开始办理 goes on.)
  const refusal = ctx.error?.reason === 'card-expired' ? ctx.error.reason : null;
  const canApply = canApplyNow(service, startedInService) && refusal !== 'card-expired';
  return (
    <section className="panel guide" data-testid="guide">
      <h2>{g ? g.name[lang] : t('guide.title')}</h2>
      {guide.loading && <ProgressBar value={null} label={t('guide.loading')} />}
      {refusal === 'card-expired' && (
        <StateScreen
          testId="card-refused"
          title={t('guide.expiredTitle')}
          steps={[t('guide.expiredCounter'), t('guide.expiredTemporary'), t('guide.expiredOther')]}
          art={<CalendarX aria-hidden="true" className="icon state-icon" />}
          speak={speak}
        />
      )}
      <ErrorNotice error={guide.error ?? (refusal ? null : ctx.error)} />
      {ctx.error?.reason === 'card-plus-code-required' && <PhoneCodeScreen send={send} lang={lang} speak={speak} mode="confirm" />}
      {g && (
        <dl className="facts">
          <dt>{t('guide.department')}</dt>
          <dd>{g.department.name}</dd>
          <dt>{t('guide.timeLimit')}</dt>
          <dd data-testid="guide-time-limit">{t('guide.days', { days: g.timeLimitDays, count: g.timeLimitDays })}</dd>
          <dt>{t('guide.fee')}</dt>
          <dd data-testid="guide-fee">{g.fee.amountFen === 0 ? t('guide.free') : `¥${(g.fee.amountFen / 100).toFixed(2)} ${g.fee.description}`}</dd>
          <dt>{t('guide.conditions')}</dt>
          <dd data-testid="guide-conditions">{g.conditions[lang]}</dd>
        </dl>
      )}
      {g && (
        <>
          <h3>{t('guide.materials')}</h3>
          <ul className="materials-list" data-testid="guide-materials">
            {g.materials.map((m) => (
              <li key={m.code}>
                <strong>{m.name[lang]}</strong> {m.count === 0 ? t('guide.optional') : t('guide.copies', { count: m.count })}
                {m.originalsRequired && <span> · {t('guide.originals')}</span>}
                {m.electronicCertificateType && <span> · {t('guide.electronic', { type: m.electronicCertificateType })}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {!canApply && (
        <p className="banner banner-warning" role="status" data-testid="guide-no-apply">
          {t('guide.noApply')}
        </p>
      )}
      <div className="actions">
        <BackButton send={send} t={t} />
        {canApply && (
          <button type="button" className="btn btn-primary btn-main" data-testid="guide-apply" onClick={() => send({ type: 'APPLY' })}>
            {t('guide.apply')}
          </button>
        )}
      </div>
    </section>
  );
}
