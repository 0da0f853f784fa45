// The receipt on screen (what was printed): accepted with number + password, or honestly offline with the
// tracking code. The printed text lines are shown too so the read-aloud button speaks the whole slip.
// When the printer could not print it (paper out mid-visit) the application is in all the same: the slip is
// here on screen (masked, with its QR), 重新打印 opens once the printer is back, and the screen says how to get
// it later (补打 with the number and password here, or the short hand-over code at a counter), or texts number and
// password to the form's mobile number (短信回执).
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { ProgressBar } from '@easydo/core/ui/ProgressBar';
import type { ScreenProps } from '../screen-props';
import { ReceiptPaper } from './ReceiptPaper';

export function ReceiptScreen({ ctx, send, t, service }: ScreenProps) {
  const r = ctx.receipt;
  const view = ctx.receiptView;
  // 重新打印 opens when the printer reports it can print again (service:changed after paper is loaded).
  const printerBack = service?.canPrint === true;
  if (!r) return null;
  const accepted = r.acceptanceNumber !== null;
  return (
    <section className="panel receipt" data-testid="receipt" aria-live="polite" {...(view?.speech ? { 'data-speech': view.speech } : {})}>
      <h2 data-testid="receipt-kind" data-kind={accepted ? 'accepted' : 'offline'}>
        {accepted ? t('receipt.accepted') : t('receipt.offline')}
      </h2>
      {!accepted && <p className="banner banner-warning">{t('receipt.offlineHint')}</p>}
      <dl>
        {accepted ? (
          <>
            <dt>{t('receipt.number')}</dt>
            <dd data-testid="acceptance-number">{r.acceptanceNumber}</dd>
            <dt>{t('receipt.password')}</dt>
            <dd data-testid="query-password" data-speak="skip">{r.queryPassword}</dd>
          </>
        ) : (
          <>
            <dt>{t('receipt.tracking')}</dt>
            <dd data-testid="tracking-code">{r.trackingCode}</dd>
          </>
        )}
      </dl>
      {ctx.printed === 'pending' && <ProgressBar value={null} label={t('receipt.printing')} testId="print-progress" />}
      {ctx.printed === 'printed' && (
        <p role="status" data-testid="receipt-printed">
          {t('receipt.printed')}
        </p>
      )}
      {ctx.printed === 'failed' && (
        <div data-testid="receipt-print-failed">
          <p className="banner banner-warning" role="alert">
            {t('receipt.printFailed')}
          </p>
          <ErrorNotice error={ctx.error} />
          <ul className="receipt-unprinted-help">
            <li>{t('receipt.onScreen')}</li>
            <li>{t('receipt.laterReprint')}</li>
            <li data-testid="handover-code">{t('receipt.handover', { code: r.trackingCode })}</li>
          </ul>
          {!printerBack && <p className="hint" data-testid="print-again-waiting">{t('receipt.printAgainWaiting')}</p>}
          {ctx.smsSentTo !== null && (
            <p role="status" data-testid="receipt-sms-sent">
              {t('receipt.smsSent', { to: ctx.smsSentTo })}
            </p>
          )}
        </div>
      )}
      {view && <ReceiptPaper view={view} t={t} />}
      <div className="actions">
        {ctx.printed === 'failed' && (
          <button type="button" className="btn btn-primary" data-testid="receipt-print-again" disabled={!printerBack} onClick={() => send({ type: 'PRINT_AGAIN' })}>
            {t('receipt.printAgain')}
          </button>
        )}
        {ctx.printed === 'failed' && view?.smsOffered === true && ctx.smsSentTo === null && (
          <button type="button" className="btn btn-secondary" data-testid="receipt-sms" onClick={() => send({ type: 'SEND_SMS' })}>
            {t('receipt.sms')}
          </button>
        )}
        <button type="button" className="btn btn-primary btn-main" data-testid="receipt-continue" disabled={ctx.printed === 'pending'} onClick={() => send({ type: 'NEXT' })}>
          {t('receipt.continue')}
        </button>
      </div>
    </section>
  );
}
