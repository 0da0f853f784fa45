// Diagnostics: test read (masked card), test print (sample receipt; the virtual printer's picture when
// simulated), test scan (the page), reset a device, re-open a port. Each shows a clear result.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useTerminal } from '@easydo/core/ui/terminal-context';
import { useAction } from './useAction';
import { Outcome } from './Outcome';
import { describeDevice, deviceName, type Translate } from '@easydo/core/ui/errors/describe-error';

export function DiagnosticsView() {
  const { t } = useTranslation('admin');
  const { t: te } = useTranslation('errors');
  const api = useTerminal();
  const devices = useQuery('devices:list', {});
  const [read, runRead] = useAction(useCallback(() => api.invoke('admin:testRead', { timeoutMs: 30_000 }), [api]));
  const [print, runPrint] = useAction(useCallback(() => api.invoke('admin:testPrint', {}), [api]));
  const [scan, runScan] = useAction(useCallback(() => api.invoke('admin:testScan', {}), [api]));
  const [action, runAction] = useAction(
    useCallback((deviceId: string, kind: 'reset' | 'reopen') => api.invoke('admin:deviceAction', { deviceId, action: kind }), [api]),
  );

  return (
    <div className="diagnostics">
      <section className="diag" data-testid="diag-read">
        <h3>{t('diag.testRead')}</h3>
        <p className="muted">{t('diag.testReadHint')}</p>
        <button type="button" className="btn btn-primary" data-testid="diag-read-run" disabled={read.running} onClick={() => void runRead()}>
          {t('diag.testRead')}
        </button>
        <Outcome state={read} testId="diag-read-result" ok={(v) => `${t('diag.cardRead')} ${v.card.cardType} · ${v.card.nameMasked} · ${v.card.idNumberMasked}`} />
      </section>

      <section className="diag" data-testid="diag-print">
        <h3>{t('diag.testPrint')}</h3>
        <button type="button" className="btn btn-primary" data-testid="diag-print-run" disabled={print.running} onClick={() => void runPrint()}>
          {t('diag.testPrint')}
        </button>
        <Outcome state={print} testId="diag-print-result" ok={(v) => `${t('diag.printed')} (${v.jobId})`} />
        {print.value?.virtualPng && (
          <figure>
            <figcaption>{t('diag.virtualPrinter')}</figcaption>
            <img className="receipt-png" data-testid="diag-print-png" alt={t('diag.virtualPrinter')} src={`data:image/png;base64,${print.value.virtualPng}`} />
          </figure>
        )}
      </section>

      <section className="diag" data-testid="diag-scan">
        <h3>{t('diag.testScan')}</h3>
        <button type="button" className="btn btn-primary" data-testid="diag-scan-run" disabled={scan.running} onClick={() => void runScan()}>
          {t('diag.testScan')}
        </button>
        <Outcome state={scan} testId="diag-scan-result" ok={(v) => `${t('diag.scanned')} ${v.pages} · ${v.device}`} />
        {scan.value && (
          <figure>
            <figcaption>{t('diag.scannedPage')}</figcaption>
            <img className="scan-page" data-testid="diag-scan-image" alt={t('diag.scannedPage')} src={`data:image/${scan.value.format};base64,${scan.value.image}`} />
          </figure>
        )}
      </section>

      <section className="diag" data-testid="diag-devices">
        <h3>
          {t('diag.reset')} / {t('diag.reopen')}
        </h3>
        <ul className="device-actions">
          {devices.data?.map((d) => (
            <li key={d.id}>
              <strong>{deviceName(d.kind, te as Translate)}</strong> <span className={`status status-${d.status}`}>{t(`status.${d.status}`)}</span>
              <button type="button" className="btn btn-secondary" data-testid={`diag-reset-${d.id}`} disabled={action.running} onClick={() => void runAction(d.id, 'reset').then(() => devices.reload())}>
                {t('diag.reset')}
              </button>
              <button type="button" className="btn btn-secondary" data-testid={`diag-reopen-${d.id}`} disabled={action.running} onClick={() => void runAction(d.id, 'reopen').then(() => devices.reload())}>
                {t('diag.reopen')}
              </button>
            </li>
          ))}
        </ul>
        <Outcome state={action} testId="diag-device-result" ok={(v) => describeDevice({ kind: v.snapshot.kind, status: v.snapshot.status, fault: v.snapshot.lastError?.code }, te as Translate)} />
      </section>
    </div>
  );
}
