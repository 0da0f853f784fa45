// A receipt as printed, on screen: the virtual printer's PNG of the job when asked for and present (with the
// text lines kept for screen readers and the read-aloud button), otherwise the QR code beside the text lines.
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { TFunction } from 'i18next';
import type { ReceiptView } from '@easydo/core/contract/schemas/journey-receipt';

export function ReceiptPaper({ view, t, image = false }: { view: ReceiptView; t: TFunction<'journey'>; image?: boolean }) {
  const [qr, setQr] = useState<string | null>(null);
  const png = image && view.pngBase64 ? `data:image/png;base64,${view.pngBase64}` : null;
  useEffect(() => {
    if (!png && view.qrPayload) void QRCode.toDataURL(view.qrPayload, { margin: 2, width: 200 }).then(setQr, () => setQr(null));
  }, [png, view.qrPayload]);
  if (png) {
    return (
      <div className="receipt-paper">
        <img src={png} alt={t('reprint.image')} className="receipt-png" data-testid="receipt-png" />
        <pre className="sr-only" data-testid="receipt-lines">{view.lines.join('\n')}</pre>
      </div>
    );
  }
  return (
    <div className="receipt-paper">
      {qr && <img src={qr} alt={t('query.byQr')} width={160} height={160} data-testid="receipt-qr" />}
      <pre data-testid="receipt-lines">{view.lines.join('\n')}</pre>
    </div>
  );
}
