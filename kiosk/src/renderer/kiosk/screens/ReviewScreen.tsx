// Review before signing: the item, the applicant (masked) and every entry; each can be changed.
import { useQuery } from '@easydo/core/ui/terminal-context';
import type { ScreenProps } from '../screen-props';
import { BackButton } from '../BackButton';

export function ReviewScreen({ ctx, send, lang, t }: ScreenProps) {
  const guide = useQuery('catalogue:item', { itemCode: ctx.itemCode ?? '' }, [ctx.itemCode]);
  return (
    <section className="panel review" data-testid="review">
      <h2>{t('review.title')}</h2>
      <dl className="facts">
        <dt>{t('review.item')}</dt>
        <dd data-testid="review-item">{guide.data?.name[lang] ?? ctx.itemCode}</dd>
        {ctx.card && (
          <>
            <dt>{t('review.applicant')}</dt>
            <dd>
              {ctx.card.latinNameMasked ?? ctx.card.nameMasked} {ctx.card.idNumberMasked}
            </dd>
          </>
        )}
        {ctx.form?.fields.map((f) => {
          const v = ctx.values[f.key];
          const shown = v ? (f.options?.find((o) => o.value === v)?.label[lang] ?? v) : f.display;
          return (
            <div key={f.key} className="fact-row">
              <dt>{f.label[lang]}</dt>
              <dd data-testid={`review-${f.key}`}>{shown ?? '—'}</dd>
            </div>
          );
        })}
      </dl>
      <div className="actions">
        <BackButton send={send} t={t} />
        <button type="button" className="btn btn-primary btn-main" data-testid="review-confirm" onClick={() => send({ type: 'NEXT' })}>
          {t('review.confirm')}
        </button>
      </div>
    </section>
  );
}
