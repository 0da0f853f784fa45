// The receipt on screen (what was printed): accepted with number + password, or honestly offline with the
// tracking code. The printed text lines are shown too so the read-aloud button speaks the whole slip.
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { ProgressBar } from '@easydo/core/ui/ProgressBar';
import type { ScreenProps } from '../screen-props';
import { ReceiptPaper } from './ReceiptPaper';

export function ReceiptScreen({ ctx, send, t }: ScreenProps) {
  const r = ctx.receipt;
  const view = ctx.receiptView;
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
        </div>
      )}
      {view && <ReceiptPaper view={view} t={t} />}
      <div className="actions">
        <button type="button" className="btn btn-primary btn-main" data-testid="receipt-continue" disabled={ctx.printed === 'pending'} onClick={() => send({ type: 'NEXT' })}>
          {t('receipt.continue')}
        </button>
      </div>
    </section>
  );
}
