// The receipt on screen (what was printed): accepted with number + password, or honestly offline with the
// tracking code. The printed text lines are shown too so the read-aloud button speaks the whole slip.
// When the printer could not print it (paper out mid-visit) the application is in all the same: the slip is
// here on screen (masked, with its QR), 重新打印 opens once the printer is back, and the screen says how to get
// it later (补打 with the number and password here, or the short hand-over code at a counter), or texts number and
// password to the form's mobile number (短信回执). Both states people meet here — the network down (an honest
// offline receipt) and the printer out of paper — are designed screens with a picture and what to do next.
import { CloudOff, PrinterX } from 'lucide-react';
import { StateScreen } from '@easydo/core/ui/StateScreen';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { ProgressBar } from '@easydo/core/ui/ProgressBar';
import type { ScreenProps } from '../screen-props';
import { ReceiptPaper } from './ReceiptPaper';
import { TerminalFrontArt, usePlaceOf } from '../hardware-layout';

export function ReceiptScreen({ ctx, send, t, service, speak }: ScreenProps) {
  const r = ctx.receipt;
  const view = ctx.receiptView;
  // 重新打印 opens when the printer reports it can print again (service:changed after paper is loaded).
  const printerBack = service?.canPrint === true;
  // Where this cabinet's receipt slot is: one sentence, drawn (the picture's name) and written beside it.
  const takeAt = t('receipt.takeAt', { where: t(`where.${usePlaceOf('receiptSlot')}`) });
  if (!r) return null;
  const accepted = r.acceptanceNumber !== null;
  return (
    <section className="panel receipt" data-testid="receipt" aria-live="polite" {...(view?.speech ? { 'data-speech': view.speech } : {})}>
      {accepted ? (
        <h2 data-testid="receipt-kind" data-kind="accepted">
          {t('receipt.accepted')}
        </h2>
      ) : (
        // Spoken on arrival by the step's own words (voice.receiptOffline), so not again here.
        <StateScreen
          testId="receipt-offline"
          title={t('receipt.offline')}
          titleProps={{ 'data-testid': 'receipt-kind', 'data-kind': 'offline' }}
          steps={[t('receipt.offlineSaved'), t('receipt.offlineDeliver'), t('receipt.offlineTrack')]}
          art={<CloudOff aria-hidden="true" className="icon state-icon" />}
        />
      )}
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
        <div className="receipt-take">
          <TerminalFrontArt part="receiptSlot" label={takeAt} />
          <p role="status" data-testid="receipt-printed">
            {t('receipt.printed')} {takeAt}
          </p>
        </div>
      )}
      {ctx.printed === 'failed' && (
        <div data-testid="receipt-print-failed">
          {/* It comes after arrival (the printer answers late), so it speaks for itself. */}
          <StateScreen
            testId="receipt-unprinted"
            title={t('receipt.printFailed')}
            steps={[t('receipt.onScreen'), t('receipt.laterReprint'), { text: t('receipt.handover', { code: r.trackingCode }), testId: 'handover-code' }]}
            art={<PrinterX aria-hidden="true" className="icon state-icon" />}
            speak={speak}
          />
          <ErrorNotice error={ctx.error} />
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
