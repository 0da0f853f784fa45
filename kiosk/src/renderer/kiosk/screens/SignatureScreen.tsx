import { SignaturePad } from '@easydo/core/ui/SignaturePad';
import { useDeviceReasons } from '@easydo/core/ui/errors/DeviceReasons';
import type { ScreenProps } from '../screen-props';
import { canApply, printerNotice } from '../service-rules';
import { BackButton } from '../BackButton';

export function SignatureScreen({ ctx, send, t, service, startedInService = true }: ScreenProps) {
  const blocked = !canApply(service, startedInService);
  const printer = printerNotice(service);
  const reasonsText = useDeviceReasons();
  return (
    <section className="panel signature" data-testid="signature">
      <h2>{t('signature.title')}</h2>
      <p className="hint">{t('signature.hint')}</p>
      <SignaturePad label={t('signature.canvas')} clearLabel={t('signature.clear')} onChange={(d) => send(d ? { type: 'SIGNED', dataUrl: d } : { type: 'CLEAR_SIGNATURE' })} />
      {blocked && (
        <p className="banner banner-warning" role="alert" data-testid="submit-out-of-service">
          {t('submit.outOfService', { reason: reasonsText(service?.reasons ?? []) || service?.manual?.reason || '' })}
        </p>
      )}
      {!blocked && printer === 'noPrint' && (
        <p className="banner banner-warning" role="status" data-testid="receipt-on-screen-notice">
          {t('signature.noPrint')}
        </p>
      )}
      {!ctx.signature && <p className="hint">{t('signature.needed')}</p>}
      <div className="actions">
        <BackButton send={send} t={t} />
        <button type="button" className="btn btn-primary btn-main" data-testid="signature-confirm" disabled={!ctx.signature || blocked} onClick={() => send({ type: 'NEXT' })}>
          {t('signature.confirm')}
        </button>
      </div>
    </section>
  );
}
