// Progress in plain words: the current stage with its explanation, then every stage with its time. After a
// query by number + password or receipt QR the receipt can be reprinted (补打); a failed reprint says why here.
import { useDateTimeText } from '@easydo/core/ui/time-zone';
import type { ScreenProps } from '../screen-props';
import { reprintProblemOf, reprintRequestOf } from '../reprint';
import { BackButton } from '../BackButton';

export function QueryResultScreen({ ctx, send, lang, t }: ScreenProps) {
  const list = ctx.query ?? [];
  const { dateTime: when, date } = useDateTimeText();
  const canReprint = list.length > 0 && reprintRequestOf(ctx.queryRequest) !== null;
  return (
    <section className="panel query-result" data-testid="query-result">
      <h2>{t('progress.title')}</h2>
      {list.length === 0 && <p>{t('query.none')}</p>}
      {list.map((p) => (
        <article key={p.acceptanceNumber ?? p.submittedAt} className="progress-card">
          <h3>{p.itemName[lang]}</h3>
          <dl className="facts">
            <dt>{t('receipt.number')}</dt>
            <dd>{p.acceptanceNumber ?? '—'}</dd>
            <dt>{t('progress.department')}</dt>
            <dd>{p.department.name}</dd>
            <dt>{t('progress.current')}</dt>
            <dd data-testid="progress-stage">
              <strong>{p.stageLabel[lang]}</strong> — {p.explanation[lang]}
            </dd>
            <dt>{t('progress.submittedAt')}</dt>
            <dd>{when(p.submittedAt)}</dd>
            {p.dueDate && (
              <>
                <dt>{t('progress.due')}</dt>
                <dd>{date(p.dueDate)}</dd>
              </>
            )}
          </dl>
          <h4>{t('progress.history')}</h4>
          <ol className="history" data-testid="progress-history">
            {p.history.map((h, i) => (
              <li key={i}>
                <strong>{h.stageLabel[lang]}</strong> <time dateTime={h.at}>{when(h.at)}</time>
                <p>{h.explanation[lang]}</p>
                {h.reason && <p>{h.reason}</p>}
                {h.supplementList.length > 0 && <ul>{h.supplementList.map((s) => <li key={s}>{s}</li>)}</ul>}
              </li>
            ))}
          </ol>
        </article>
      ))}
      {ctx.error && (
        <p className="banner banner-warning" role="alert" data-testid="reprint-failed" data-reason={reprintProblemOf(ctx.error)}>
          {t(`reprint.problems.${reprintProblemOf(ctx.error)}`)}
        </p>
      )}
      <div className="actions">
        {canReprint && (
          <button type="button" className="btn btn-primary btn-main" data-testid="reprint" onClick={() => send({ type: 'REPRINT' })}>
            {t('reprint.action')}
          </button>
        )}
        <BackButton send={send} t={t} />
      </div>
    </section>
  );
}
