// Picking up an application journaled on this terminal: by the tracking code on the resident's slip, by the
// slip's QR on the counter's 2D scanner, or by the card on the reader; continue it at the counter, or print its
// documents (the A4 受理回执 again).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '@easydo/core/contract/errors';
import type { ApplicationSummary } from '@easydo/core/contract/schemas/counter-documents';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { useCounter } from './counter-api';
import { DocumentsPanel } from './DocumentsPanel';
import type { FormValue } from '@easydo/core/contract/schemas/application';

type Resume = { itemCode: string; form: Record<string, FormValue> };

export function PickupPanel({ onResume }: { onResume: (r: Resume) => void }) {
  const { t, i18n } = useTranslation('counter');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { invoke } = useCounter();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<ApplicationSummary[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [scanner, setScanner] = useState(false);
  const [scanning, setScanning] = useState(false);
  useEffect(() => {
    let alive = true;
    void invoke('identity:options', {}).then((r) => alive && r.ok && setScanner(r.value.available));
    return () => {
      alive = false;
      void invoke('identity:cancelScan', {}); // signed out (the panel unmounts): stop waiting for a slip
    };
  }, [invoke]);

  const show = (r: Awaited<ReturnType<typeof invoke<'pickup:find'>>>) => {
    if (r.ok) setFound(r.value.applications);
    else setError(r.error);
  };
  const find = async (byCard: boolean) => {
    setError(null);
    setOpen(null);
    show(await invoke('pickup:find', byCard ? { byCard: true } : { trackingCode: code.trim() }));
  };
  /** The slip's QR on the 2D scanner: main hands back only a receipt code, which finds its application here. */
  const scanSlip = async () => {
    setError(null);
    setOpen(null);
    setScanning(true);
    const scanned = await invoke('qr:scanReceipt', {});
    setScanning(false);
    if (!scanned.ok) {
      if (scanned.error.reason !== 'cancelled') setError(scanned.error);
      return;
    }
    show(await invoke('pickup:find', { receiptQr: scanned.value.payload }));
  };
  const resume = async (localId: string) => {
    setError(null);
    const r = await invoke('pickup:resume', { localId });
    if (r.ok) onResume(r.value);
    else setError(r.error);
  };

  return (
    <section className="pickup-panel" data-testid="pickup">
      <form
        className="pickup-search"
        onSubmit={(e) => {
          e.preventDefault();
          void find(false);
        }}
      >
        <label>
          {t('pickupCode')} <input data-testid="pickup-code" value={code} maxLength={32} onChange={(e) => setCode(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-secondary" data-testid="pickup-find" disabled={code.trim().length < 4}>
          {t('pickupFind')}
        </button>
        <button type="button" className="btn btn-secondary" data-testid="pickup-by-card" onClick={() => void find(true)}>
          {t('pickupByCard')}
        </button>
        {scanner &&
          (scanning ? (
            <>
              <span role="status" data-testid="pickup-scan-waiting">{t('pickupScanWaiting')}</span>
              <button type="button" className="btn btn-secondary" data-testid="pickup-scan-cancel" onClick={() => void invoke('identity:cancelScan', {})}>
                {t('pickupScanCancel')}
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-secondary" data-testid="pickup-scan" onClick={() => void scanSlip()}>
              {t('pickupScan')}
            </button>
          ))}
      </form>
      <ErrorNotice error={error} />
      {found && found.length === 0 && <p role="status">{t('pickupNone')}</p>}
      <ul className="pickup-list" data-testid="pickup-list">
        {found?.map((a) => (
          <li key={a.localId} data-testid="pickup-item">
            <strong>{a.itemName[lang]}</strong> · {a.trackingCode} · {a.applicantMasked} · {t(`stage_${a.localStage}`)} {a.acceptanceNumber ? `· ${a.acceptanceNumber}` : ''}
            <button type="button" className="btn btn-secondary btn-small" onClick={() => void resume(a.localId)}>
              {t('pickupResume')}
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(open === a.localId ? null : a.localId)}>
              {t('pickupDocs')}
            </button>
            {open === a.localId && <DocumentsPanel localId={a.localId} acceptanceNumber={a.acceptanceNumber} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
