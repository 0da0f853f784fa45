// "Take a number" for the kiosk's start screen (and anywhere a ticket is issued): pick the service category,
// optionally the green channel, and get the number with how many are ahead. The kiosk mounts it as is.
// The number shown is cleared after a short time (visible countdown) so the next person at the kiosk does not
// see it; leaving the kiosk's attract screen unmounts the component, which drops it (and its timer) at once.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '@easydo/core/contract/errors';
import type { QueueCategory, TakeTicketResponse } from '@easydo/core/contract/schemas/counter-queue';
import { secondsLeft } from '@easydo/core/ui/countdown';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { useTerminal } from '@easydo/core/ui/terminal-context';
import './counter.css';

/** Long enough to note the number down or photograph it, short enough to be gone before the next person. */
export const TICKET_SHOWN_SECONDS = 30;

export function TakeTicketButton({ onTaken, clearAfterSeconds = TICKET_SHOWN_SECONDS }: { onTaken?: (r: TakeTicketResponse) => void; clearAfterSeconds?: number }) {
  const { t, i18n } = useTranslation('counter');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const api = useTerminal();
  const [open, setOpen] = useState(false);
  const [categories, setCategories] = useState<QueueCategory[]>([]);
  const [priority, setPriority] = useState(false);
  const [taken, setTaken] = useState<TakeTicketResponse | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [remaining, setRemaining] = useState(clearAfterSeconds);

  useEffect(() => {
    if (!taken) return;
    const started = Date.now();
    setRemaining(clearAfterSeconds);
    const timer = setInterval(() => {
      const left = secondsLeft(started, Date.now(), clearAfterSeconds);
      setRemaining(left);
      if (left === 0) setTaken(null);
    }, 250);
    return () => clearInterval(timer);
  }, [taken, clearAfterSeconds]);

  const show = async () => {
    setTaken(null);
    setError(null);
    const r = await api.invoke('queue:categories', {});
    if (r.ok) {
      setCategories(r.value);
      setOpen(true);
    } else setError(r.error);
  };
  const take = async (category: string) => {
    const r = await api.invoke('queue:takeTicket', { category, priority });
    if (r.ok) {
      setTaken(r.value);
      setOpen(false);
      setPriority(false);
      onTaken?.(r.value);
    } else setError(r.error);
  };

  return (
    <div className="take-ticket" data-testid="take-ticket">
      <button type="button" className="btn btn-secondary" data-testid="take-ticket-open" onClick={() => void show()}>
        {t('takeTicket')}
      </button>
      {open && (
        <div role="dialog" aria-label={t('takeTicketTitle')} className="take-ticket-dialog">
          <h2>{t('takeTicketTitle')}</h2>
          <label>
            <input type="checkbox" checked={priority} onChange={(e) => setPriority(e.target.checked)} data-testid="take-ticket-priority" /> {t('priority')}
          </label>
          <div className="take-ticket-categories">
            {categories.map((c) => (
              <button key={c.code} type="button" className="btn btn-primary" data-testid={`take-ticket-${c.code}`} onClick={() => void take(c.code)}>
                {c.prefix} {c.name[lang]}
                <small>{t('queueWaiting', { n: c.waiting })}</small>
              </button>
            ))}
          </div>
          <button type="button" className="btn btn-secondary" data-testid="take-ticket-close" aria-label={t('takeTicketClose')} onClick={() => setOpen(false)}>
            ✕
          </button>
        </div>
      )}
      {taken && (
        <p className="take-ticket-result" role="status" data-testid="take-ticket-result">
          {t('yourTicket')} <strong>{taken.ticket.number}</strong> · {taken.ticket.categoryName[lang]} · {t('ahead', { n: taken.waitingAhead })}{' '}
          {/* Not re-announced every second: the number is what the live region is for. */}
          <small aria-live="off" data-testid="take-ticket-clears-in">
            {t('ticketClearsIn', { n: remaining })}
          </small>
        </p>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}
