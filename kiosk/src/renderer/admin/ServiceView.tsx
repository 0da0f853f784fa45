// Service state by hand (with the reason the attract screen shows), drain the outbox now, exit to desktop.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTerminal } from '@easydo/core/ui/terminal-context';
import { useServiceState } from '../kiosk/useServiceState';
import { useAction } from './useAction';
import { Outcome } from './Outcome';

export function ServiceView() {
  const { t } = useTranslation('admin');
  const api = useTerminal();
  const state = useServiceState();
  const [reason, setReason] = useState('');
  const [change, runChange] = useAction(useCallback((inService: boolean, why: string) => api.invoke('admin:service', { inService, reason: why }), [api]));
  const [drain, runDrain] = useAction(useCallback(() => api.invoke('admin:drain', {}), [api]));
  const [exit, runExit] = useAction(useCallback(() => api.invoke('admin:exit', {}), [api]));
  const [confirmExit, setConfirmExit] = useState(false);

  return (
    <div className="service">
      <section className="diag">
        <h3>{t('service.state')}</h3>
        <p className={state?.inService ? 'ok' : 'bad'} data-testid="service-state">
          {state?.inService ? t('service.inService') : t('service.outOfService')}
          {state?.manual ? ` — ${state.manual.reason}` : ''}
        </p>
        <label className="field">
          <span>{t('service.reason')}</span>
          <input data-testid="service-reason" maxLength={120} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <div className="actions">
          <button type="button" className="btn btn-danger" data-testid="service-out" onClick={() => void runChange(false, reason)}>
            {t('service.takeOut')}
          </button>
          <button type="button" className="btn btn-primary" data-testid="service-in" onClick={() => void runChange(true, '')}>
            {t('service.putIn')}
          </button>
        </div>
        <Outcome state={change} testId="service-result" ok={(v) => (v.inService ? t('service.inService') : `${t('service.outOfService')} — ${v.manual?.reason ?? ''}`)} />
      </section>
      <section className="diag">
        <h3>{t('service.drain')}</h3>
        <button type="button" className="btn btn-secondary" data-testid="outbox-drain" disabled={drain.running} onClick={() => void runDrain()}>
          {t('service.drain')}
        </button>
        <Outcome
          state={drain}
          testId="drain-result"
          ok={(v) =>
            `${v.delivered} ${t('service.delivered')} · ${v.failed} ${t('service.failedN')} · ${v.retryLater} ${t('service.retryLater')}` +
            ` · ${v.needsClerk} ${t('service.needsClerkN')} · ${v.quarantined} ${t('service.quarantinedN')}`
          }
        />
      </section>
      <section className="diag">
        <h3>{t('service.exit')}</h3>
        {!confirmExit ? (
          <button type="button" className="btn btn-danger" data-testid="admin-exit" onClick={() => setConfirmExit(true)}>
            {t('service.exit')}
          </button>
        ) : (
          <div className="actions">
            <span>{t('service.exitConfirm')}</span>
            <button type="button" className="btn btn-danger" data-testid="admin-exit-confirm" onClick={() => void runExit()}>
              {t('service.exit')}
            </button>
          </div>
        )}
        <Outcome state={exit} testId="exit-result" ok={() => t('service.exiting')} />
      </section>
    </div>
  );
}
