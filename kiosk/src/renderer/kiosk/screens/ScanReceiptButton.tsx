// The receipt's QR through the terminal's 2D scanner (replacing the keyboard wedge typed into a field): main
// waits for it and hands back only a receipt code, which the query screen asks about as before.
import { useEffect, useState } from 'react';
import type { ContractError } from '@easydo/core/contract/errors';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { CallError, call, useTerminal } from '@easydo/core/ui/terminal-context';
import type { Lang } from '../screen-props';
import { TerminalFrontArt } from '../hardware-layout';

const TEXT = {
  zh: { start: '扫描回执二维码', waiting: '请把回执上的二维码朝下，放在扫码窗口上方。', cancel: '取消', imager: '扫码窗口' },
  en: { start: 'Scan the receipt QR code', waiting: 'Hold the QR code on your receipt face down above the scan window.', cancel: 'Cancel', imager: 'scan window' },
} as const;

export function ScanReceiptButton({ lang, onPayload }: { lang: Lang; onPayload: (payload: string) => void }) {
  const api = useTerminal();
  const text = TEXT[lang];
  const [available, setAvailable] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  useEffect(() => {
    let alive = true;
    void call(api, 'identity:options', {}).then((o) => alive && setAvailable(o.available)).catch(() => undefined);
    return () => {
      alive = false;
      void api.invoke('identity:cancelScan', {});
    };
  }, [api]);
  if (!available) return null;
  const scan = async () => {
    setError(null);
    setScanning(true);
    try {
      onPayload((await call(api, 'qr:scanReceipt', {})).payload);
    } catch (err) {
      setError(err instanceof CallError ? err.error : { code: 'internal', message: String(err) });
    } finally {
      setScanning(false);
    }
  };
  return (
    <div className="scan-receipt" data-testid="scan-receipt">
      {error && error.reason !== 'cancelled' && <ErrorNotice error={error} />}
      {scanning ? (
        <>
          <TerminalFrontArt part="qrImager" label={text.imager} testId="imager-art" />
          <p role="status" data-testid="scan-receipt-waiting">{text.waiting}</p>
          <button type="button" className="btn btn-secondary" data-testid="scan-receipt-cancel" onClick={() => void api.invoke('identity:cancelScan', {})}>
            {text.cancel}
          </button>
        </>
      ) : (
        <button type="button" className="btn btn-primary" data-testid="scan-receipt-start" onClick={() => void scan()}>
          {text.start}
        </button>
      )}
    </div>
  );
}
