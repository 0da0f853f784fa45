// The clerk's queue: the ticket being served, call next / recall / no-show / done / transfer, tickets issued
// at the window (with the green channel), and the waiting and no-show lists in call order.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '@easydo/core/contract/errors';
import type { QueueView, Ticket } from '@easydo/core/contract/schemas/counter-queue';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { useEvent } from '@easydo/core/ui/terminal-context';
import { useCounter } from './counter-api';

function TicketLabel({ ticket, lang }: { ticket: Ticket; lang: 'zh' | 'en' }) {
  const { t } = useTranslation('counter');
  return (
    <>
      <strong className="ticket-number">{ticket.number}</strong> {ticket.categoryName[lang]}
      {ticket.priority && <em className="tag tag-green">{t('green')}</em>}
      {ticket.transferred && <em className="tag">{t('transferred')}</em>}
    </>
  );
}

/** Waiting or skipped tickets, each with a button that calls it to this window. */
function TicketRows({ tickets, lang, onCall }: { tickets: Ticket[]; lang: 'zh' | 'en'; onCall: (ticketId: string) => void }) {
  const { t } = useTranslation('counter');
  return (
    <>
      {tickets.map((tk) => (
        <li key={tk.id} data-number={tk.number}>
          <TicketLabel ticket={tk} lang={lang} />
          <button type="button" className="btn btn-secondary btn-small" onClick={() => onCall(tk.id)}>
            {t('callThis')}
          </button>
        </li>
      ))}
    </>
  );
}

export function QueuePanel({ onServe }: { onServe: () => void }) {
  const { t, i18n } = useTranslation('counter');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { invoke } = useCounter();
  const [view, setView] = useState<QueueView | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [issueCategory, setIssueCategory] = useState('');
  const [priority, setPriority] = useState(false);
  const [transferCategory, setTransferCategory] = useState('');
  const [transferWindow, setTransferWindow] = useState('');

  const load = useCallback(async () => {
    const r = await invoke('queue:view', {});
    if (r.ok) setView(r.value);
    else setError(r.error);
  }, [invoke]);
  useEffect(() => void load(), [load]);
  useEvent('queue:changed', useCallback(() => void load(), [load]));

  const act = async (fn: () => Promise<{ ok: boolean; error?: ContractError }>) => {
    setError(null);
    const r = await fn();
    if (!r.ok && r.error) setError(r.error);
    await load();
    return r.ok;
  };

  const current = view?.current ?? null;
  return (
    <section className="queue-panel" data-testid="queue-panel">
      <div className="queue-current" aria-live="polite">
        <h2>{t('queueCurrent')}</h2>
        {current ? (
          <p data-testid="current-ticket" data-number={current.number}>
            <TicketLabel ticket={current} lang={lang} />
          </p>
        ) : (
          <p data-testid="current-ticket" data-number="">{t('queueNone')}</p>
        )}
        <div className="actions">
          <button type="button" className="btn btn-primary" data-testid="call-next" onClick={() => void act(() => invoke('queue:call', {}))}>
            {t('callNext')}
          </button>
          <button type="button" className="btn btn-secondary" data-testid="recall" disabled={!current} onClick={() => void act(() => invoke('queue:recall', {}))}>
            {t('recall')}
          </button>
          <button type="button" className="btn btn-secondary" data-testid="skip" disabled={!current} onClick={() => void act(() => invoke('queue:skip', {}))}>
            {t('skip')}
          </button>
          <button type="button" className="btn btn-secondary" data-testid="finish" disabled={!current} onClick={() => void act(() => invoke('queue:finish', {}))}>
            {t('finish')}
          </button>
          <button type="button" className="btn btn-primary" data-testid="serve" disabled={!current} onClick={onServe}>
            {t('tabIntake')}
          </button>
        </div>
        {current && (
          <div className="transfer">
            <span>{t('transferTo')}</span>
            <select aria-label={t('transferCategory')} data-testid="transfer-category" value={transferCategory} onChange={(e) => setTransferCategory(e.target.value)}>
              <option value="">{t('transferCategory')}</option>
              {view?.categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.prefix} {c.name[lang]}
                </option>
              ))}
            </select>
            <input aria-label={t('transferWindow')} data-testid="transfer-window" placeholder={t('transferWindow')} value={transferWindow} maxLength={16} onChange={(e) => setTransferWindow(e.target.value)} />
            <button
              type="button"
              className="btn btn-secondary"
              data-testid="transfer"
              disabled={!transferCategory && !transferWindow}
              onClick={() =>
                void act(() => invoke('queue:transfer', { ...(transferCategory ? { category: transferCategory } : {}), ...(transferWindow ? { windowNo: transferWindow } : {}) })).then(() => {
                  setTransferCategory('');
                  setTransferWindow('');
                })
              }
            >
              {t('transfer')}
            </button>
          </div>
        )}
        <ErrorNotice error={error} />
      </div>

      <div className="queue-issue">
        <h3>{t('issueTicket')}</h3>
        <select aria-label={t('issueTicket')} data-testid="issue-category" value={issueCategory} onChange={(e) => setIssueCategory(e.target.value)}>
          <option value="">—</option>
          {view?.categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.prefix} {c.name[lang]}（{t('queueWaiting', { n: c.waiting })}）
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" data-testid="issue-priority" checked={priority} onChange={(e) => setPriority(e.target.checked)} /> {t('priority')}
        </label>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="issue-ticket"
          disabled={!issueCategory}
          onClick={() => void act(() => invoke('queue:takeTicket', { category: issueCategory, priority })).then(() => setPriority(false))}
        >
          {t('takeTicket')}
        </button>
      </div>

      <div className="queue-lists">
        <div>
          <h3>
            {t('waitingList')}（{view?.waiting.length ?? 0}）
          </h3>
          {view && view.waiting.length === 0 && <p>{t('noneWaiting')}</p>}
          <ol data-testid="waiting-list">
            <TicketRows tickets={view?.waiting ?? []} lang={lang} onCall={(id) => void act(() => invoke('queue:call', { ticketId: id }))} />
          </ol>
        </div>
        <div>
          <h3>{t('skippedList')}</h3>
          <ul data-testid="skipped-list">
            <TicketRows tickets={view?.skipped ?? []} lang={lang} onCall={(id) => void act(() => invoke('queue:call', { ticketId: id }))} />
          </ul>
          <p>{t('doneToday', { n: view?.doneToday ?? 0, count: view?.doneToday ?? 0 })}</p>
        </div>
      </div>
    </section>
  );
}
