// The reprinted receipt (补打), as the printer made it: take it from the printer, then back to the progress.
import type { ScreenProps } from '../screen-props';
import { ReceiptPaper } from './ReceiptPaper';

export function ReprintScreen({ ctx, send, t }: ScreenProps) {
  const view = ctx.reprint;
  if (!view) return null;
  return (
    <section className="panel receipt" data-testid="reprinted" aria-live="polite" data-speech={view.speech || undefined}>
      <h2>{t('reprint.title')}</h2>
      <p role="status" data-testid="reprint-printed">
        {t('reprint.printed')}
      </p>
      <ReceiptPaper view={view} t={t} image />
      <div className="actions">
        <button type="button" className="btn btn-primary btn-main" data-testid="reprint-done" onClick={() => send({ type: 'BACK' })}>
          {t('reprint.done')}
        </button>
      </div>
    </section>
  );
}
