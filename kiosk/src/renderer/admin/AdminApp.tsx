// Admin (maintenance) mode: devices, diagnostics, configuration, logs, service state. Reached only after
// admin:login in main; every action it calls is audited there.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTerminal } from '@easydo/core/ui/terminal-context';
import { DashboardView } from './DashboardView';
import { DiagnosticsView } from './DiagnosticsView';
import { ConfigView } from './ConfigView';
import { LogsView } from './LogsView';
import { ServiceView } from './ServiceView';
import './admin.css';

const TABS = ['dashboard', 'diagnostics', 'config', 'logs', 'service'] as const;
type Tab = (typeof TABS)[number];

export function AdminApp() {
  const { t } = useTranslation('admin');
  const api = useTerminal();
  const [tab, setTab] = useState<Tab>('dashboard');
  return (
    <main className="admin" data-testid="admin">
      <header className="admin-header">
        <h1>{t('title')}</h1>
        <button type="button" className="btn btn-secondary" data-testid="admin-logout" onClick={() => void api.invoke('admin:logout', {})}>
          {t('logout')}
        </button>
      </header>
      <nav className="admin-tabs" role="tablist">
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} data-testid={`tab-${id}`} className={tab === id ? 'active' : ''} onClick={() => setTab(id)}>
            {t(`tabs.${id}`)}
          </button>
        ))}
      </nav>
      <section role="tabpanel" className="admin-panel">
        {tab === 'dashboard' && <DashboardView />}
        {tab === 'diagnostics' && <DiagnosticsView />}
        {tab === 'config' && <ConfigView />}
        {tab === 'logs' && <LogsView />}
        {tab === 'service' && <ServiceView />}
      </section>
    </main>
  );
}
