// Counter mode: the clerk signs in, then works the queue, takes applications on the resident's behalf, picks up
// journaled ones and watches the day's workload. The resident-facing display runs on its own page (/display).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClerkView } from '@easydo/core/contract/schemas/counter-clerk';
import { useTerminal } from '@easydo/core/ui/terminal-context';
import { CounterSessionContext, useCounterInvoke } from './counter-api';
import { useIdle } from './useIdle';
import { LoginForm } from './LoginForm';
import { QueuePanel } from './QueuePanel';
import { IntakePanel } from './IntakePanel';
import { PickupPanel } from './PickupPanel';
import { WorkloadPanel } from './WorkloadPanel';
import { HeldPanel } from './HeldPanel';
import { RemoteHelpPanel, RemoteHelpWorkload } from './RemoteHelpPanel';
import './counter.css';
import type { FormValue } from '@easydo/core/contract/schemas/application';

type Tab = 'queue' | 'intake' | 'pickup' | 'workload';

export function CounterApp() {
  const { t } = useTranslation('counter');
  const api = useTerminal();
  const [clerk, setClerk] = useState<ClerkView | null>(null);
  const [checked, setChecked] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('queue');
  const [resume, setResume] = useState<{ itemCode: string; form: Record<string, FormValue> } | null>(null);

  useEffect(() => {
    void api.invoke('counter:clerk', {}).then((r) => {
      if (r.ok) setClerk(r.value.clerk);
      setChecked(true);
    });
  }, [api]);

  const signedOut = useCallback(() => setClerk(null), []);
  const invoke = useCounterInvoke(signedOut);
  const signOut = useCallback(
    (idle: boolean) => {
      void api.invoke('counter:logout', {});
      setClerk(null);
      setNotice(idle ? t('signedOutIdle') : null);
    },
    [api, t],
  );
  useIdle(clerk?.idleTimeoutSeconds ?? 600, useCallback(() => signOut(true), [signOut]), clerk !== null);
  const session = useMemo(() => (clerk ? { clerk, invoke } : null), [clerk, invoke]);

  if (!checked) return <p className="loading">…</p>;
  if (!session) {
    return (
      <main className="counter" data-testid="counter">
        <h1>{t('title')}</h1>
        <LoginForm
          notice={notice}
          onSignedIn={(c) => {
            setNotice(null);
            setClerk(c);
          }}
        />
      </main>
    );
  }
  const tabs: Tab[] = ['queue', 'intake', 'pickup', 'workload'];
  const tabKey = { queue: 'tabQueue', intake: 'tabIntake', pickup: 'tabPickup', workload: 'tabWorkload' } as const;
  return (
    <CounterSessionContext.Provider value={session}>
      <main className="counter" data-testid="counter">
        <header className="counter-head">
          <h1>{t('title')}</h1>
          <span data-testid="clerk">
            {t('window', { no: session.clerk.windowNo })} · {session.clerk.name}（{session.clerk.staffId}）· {session.clerk.department.name}
          </span>
          <button type="button" className="btn btn-secondary" data-testid="sign-out" onClick={() => signOut(false)}>
            {t('signOut')}
          </button>
        </header>
        <HeldPanel />
        <RemoteHelpPanel />
        <nav className="counter-tabs" role="tablist">
          {tabs.map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'tab active' : 'tab'} data-testid={`tab-${k}`} onClick={() => setTab(k)}>
              {t(tabKey[k])}
            </button>
          ))}
        </nav>
        {/* Panels stay mounted so switching tabs never loses an intake in progress. */}
        <div hidden={tab !== 'queue'}>
          <QueuePanel onServe={() => setTab('intake')} />
        </div>
        <div hidden={tab !== 'intake'}>
          <IntakePanel resume={resume} onResumed={() => setResume(null)} />
        </div>
        <div hidden={tab !== 'pickup'}>
          <PickupPanel
            onResume={(r) => {
              setResume(r);
              setTab('intake');
            }}
          />
        </div>
        {tab === 'workload' && (
          <>
            <WorkloadPanel />
            <RemoteHelpWorkload />
          </>
        )}
      </main>
    </CounterSessionContext.Provider>
  );
}
