// Counter applications waiting for a clerk: the platform refused the clerk's sign-in before they got through
// (needs-clerk), so they are not retried. Shown above the tabs while there are any, with the reason; the clerk
// who took one sends it again under the current sign-in. Rechecked every half minute.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '@easydo/core/contract/errors';
import type { HeldApplication } from '@easydo/core/contract/schemas/counter-held';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { useCounter } from './counter-api';

const REFRESH_MS = 30_000;

export function HeldPanel() {
  const { t, i18n } = useTranslation('counter');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { invoke, clerk } = useCounter();
  const [held, setHeld] = useState<HeldApplication[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  const load = useCallback(async () => {
    const r = await invoke('held:list', {});
    if (r.ok) setHeld(r.value.applications);
  }, [invoke]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const reauthorise = async (a: HeldApplication) => {
    setError(null);
    setSent(null);
    setBusy(a.localId);
    const r = await invoke('held:reauthorise', { localId: a.localId });
    setBusy(null);
    if (r.ok) setSent(r.value.acceptanceNumber ? t('heldAccepted', { number: r.value.acceptanceNumber }) : t('heldQueued'));
    else setError(r.error);
    await load();
  };

  if (held.length === 0 && !sent && !error) return null;
  return (
    <section className="held-panel" data-testid="held" role="region" aria-label={t('heldTitle')}>
      <h2>{t('heldTitle')}</h2>
      <p>{t('heldReason')}</p>
      <ul data-testid="held-list">
        {held.map((a) => (
          <li key={a.localId} data-testid="held-item" data-local-id={a.localId}>
            <strong>{a.itemName[lang]}</strong> · {a.trackingCode} · {a.applicantMasked}
            {a.takenBy ? ` · ${t('heldTakenBy', { staffId: a.takenBy })}` : ''}
            {a.takenBy === null || a.takenBy === clerk.staffId ? (
              <button type="button" className="btn btn-primary btn-small" data-testid="held-reauthorise" disabled={busy !== null} onClick={() => void reauthorise(a)}>
                {t('heldReauthorise')}
              </button>
            ) : (
              <small> {t('heldOtherClerk')}</small>
            )}
          </li>
        ))}
      </ul>
      {sent && <p role="status" data-testid="held-sent">{sent}</p>}
      <ErrorNotice error={error} />
    </section>
  );
}
