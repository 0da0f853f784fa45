// The live alert feed: newest first, acknowledge with who and when.
import { useTranslation } from 'react-i18next';
import { Button } from '@easydo/core/ui/Button';
import type { AlertItem } from './api';

export function AlertFeed({ alerts, onAck, onOpen }: { alerts: AlertItem[]; onAck: (a: AlertItem) => void; onOpen: (terminalId: string) => void }) {
  const { t } = useTranslation();
  return (
    <section className="alert-feed" aria-labelledby="alerts-heading" aria-live="polite">
      <h2 id="alerts-heading">{t('alerts.heading')}</h2>
      {alerts.length === 0 && <p>{t('alerts.none')}</p>}
      <ul>
        {alerts.map((a) => (
          <li key={`${a.terminalId}|${a.alertId}`} className={`alert severity-${a.severity}${a.clearedAt ? ' cleared' : ''}`} data-testid="alert" data-terminal={a.terminalId} data-code={a.code}>
            <span className="severity">{t(`alerts.severity.${a.severity}`)}</span>
            <button type="button" className="link" onClick={() => onOpen(a.terminalId)}>
              {a.terminalId}
            </button>
            <span className="code">{a.code}</span>
            <time dateTime={a.at}>{new Date(a.at).toLocaleTimeString()}</time>
            {a.clearedAt && <span className="cleared-tag">{t('alerts.cleared')}</span>}
            {a.ackedBy ? (
              <span className="acked" data-testid="acked">
                {t('alerts.acked', { who: a.ackedBy, at: new Date(a.ackedAt!).toLocaleTimeString() })}
              </span>
            ) : (
              <Button variant="secondary" onClick={() => onAck(a)}>
                {t('alerts.ack')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
