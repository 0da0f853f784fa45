// Progress in plain words: the current stage with its explanation, then every stage with its time.
import type { ScreenProps } from '../screen-props';

export function QueryResultScreen({ ctx, send, lang, t }: ScreenProps) {
  const list = ctx.query ?? [];
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN');
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
                <dd>{p.dueDate}</dd>
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
      <div className="actions">
        <button type="button" className="btn btn-secondary" data-testid="back" onClick={() => send({ type: 'BACK' })}>
          {t('common.back')}
        </button>
      </div>
    </section>
  );
}
