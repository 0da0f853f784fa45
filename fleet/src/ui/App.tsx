// The fleet console web app: sign-in, then the worst-first list with selection and fleet action beside the live
// alert feed; a terminal's page replaces the list. Live updates come from one SSE stream.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@easydo/core/ui/Button';
import { api, ApiFailure, type ActionStatus, type AlertItem, type CommandItem, type Operator, type TerminalList } from './api';
import { AlertFeed } from './AlertFeed';
import { FleetActionPanel } from './FleetActionPanel';
import { useLiveFeed } from './live';
import { SignIn } from './SignIn';
import { TerminalListView } from './TerminalListView';
import { TerminalPage } from './TerminalPage';

const alertKey = (a: AlertItem) => `${a.terminalId}|${a.alertId}`;
/** Command states only move forward; an answer that left before a live ack must not put the ack back. */
const STAGE: Record<CommandItem['status'], number> = { pending: 0, sent: 1, received: 2, done: 3, refused: 3, failed: 3, expired: 3, unsupported: 3 };

function mergeCommand(list: CommandItem[], c: CommandItem): CommandItem[] {
  const known = list.find((x) => x.commandId === c.commandId);
  const winner = known && STAGE[known.status] > STAGE[c.status] ? known : c;
  return [winner, ...list.filter((x) => x.commandId !== c.commandId)].sort((x, y) => y.issuedAt.localeCompare(x.issuedAt));
}
const LIST_REFRESH_MS = 10_000;

export function App() {
  const { t, i18n } = useTranslation();
  const [operator, setOperator] = useState<Operator | null | undefined>(undefined);
  const [list, setList] = useState<TerminalList | null>(null);
  const [alerts, setAlerts] = useState<AlertItem[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [commands, setCommands] = useState<CommandItem[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<ActionStatus | null>(null);

  useEffect(() => {
    void api.session().then((s) => setOperator(s.operator), () => setOperator(null));
  }, []);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('title');
  }, [i18n.language, t]);

  const refreshList = useCallback(() => {
    void api.terminals().then(setList, (e: unknown) => {
      if (e instanceof ApiFailure && e.status === 401) setOperator(null);
    });
  }, []);

  useEffect(() => {
    if (!operator) return;
    refreshList();
    void api.alerts().then((a) => setAlerts(a.alerts), () => undefined);
    const timer = setInterval(refreshList, LIST_REFRESH_MS);
    return () => clearInterval(timer);
  }, [operator, refreshList]);

  useLiveFeed(Boolean(operator), {
    alert: (a) => setAlerts((prev) => [a, ...prev.filter((x) => alertKey(x) !== alertKey(a))].sort((x, y) => y.receivedAt.localeCompare(x.receivedAt))),
    command: (c) => setCommands((prev) => (c.terminalId !== open ? prev : mergeCommand(prev, c))),
    terminals: (ids) => {
      refreshList();
      if (open && ids.includes(open)) setRevision((r) => r + 1);
    },
    action: (a) => setProgress((p) => (p && p.actionId === a.actionId ? a : p)),
  });

  const toggle = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const ack = (a: AlertItem) => void api.ack(a).then((updated) => setAlerts((prev) => prev.map((x) => (alertKey(x) === alertKey(updated) ? updated : x))));
  const upsertCommand = useCallback((c: CommandItem) => setCommands((prev) => mergeCommand(prev, c)), []);
  const switchLanguage = () => {
    const next = i18n.language === 'en' ? 'zh-CN' : 'en';
    localStorage.setItem('fleet.lang', next);
    void i18n.changeLanguage(next);
  };
  const signOut = () => void api.signOut().finally(() => setOperator(null));

  return (
    <div className="app">
      <header>
        <h1>{t('title')}</h1>
        <div className="who">
          {operator && (
            <span data-testid="operator">
              {operator.username} · {t(`roles.${operator.role}`)}
              {operator.street ? ` · ${operator.district} ${operator.street}` : ''}
            </span>
          )}
          <Button variant="secondary" onClick={switchLanguage} data-testid="language">
            {t('language')}
          </Button>
          {operator && (
            <Button variant="secondary" onClick={signOut}>
              {t('signOut')}
            </Button>
          )}
        </div>
      </header>
      {operator === null && <SignIn onSignedIn={setOperator} />}
      {operator && (
        <main>
          <div className="primary">
            {open ? (
              <TerminalPage terminalId={open} revision={revision} commands={commands} onCommands={setCommands} onCommand={upsertCommand} onBack={() => setOpen(null)} />
            ) : (
              list && <TerminalListView list={list} selected={selected} onToggle={toggle} onOpen={(id) => (setCommands([]), setOpen(id))} />
            )}
          </div>
          <aside>
            <AlertFeed alerts={alerts} onAck={ack} onOpen={(id) => (setCommands([]), setOpen(id))} />
            <FleetActionPanel selected={[...selected]} progress={progress} onStarted={setProgress} />
          </aside>
        </main>
      )}
    </div>
  );
}
