// Development/demo only (shown when the terminal reports simulated devices): place and remove synthetic cards;
// printer paper states, the reader's USB unplug and the sandbox backend going down (main refuses these when the
// devices or the backend are real). The backend's state is shown, so a developer knows why submissions queue.
import { useTranslation } from 'react-i18next';
import { useQuery, useTerminal } from '@easydo/core/ui/terminal-context';
import { PhoneCodeSimulator } from './PhoneCodeSimulator';

export function SimulatorPanel() {
  const { t } = useTranslation();
  const { t: ta } = useTranslation('admin');
  const api = useTerminal();
  const printer = (state: 'ok' | 'near-end' | 'out' | 'cover-open') => void api.invoke('sim:printerState', { state });
  const reader = (connected: boolean) => void api.invoke('sim:readerConnection', { connected });
  const cards = useQuery('sim:cards', {});
  const backend = useQuery('sim:backend', {});
  const setBackend = (down: boolean) => void api.invoke('sim:backend', { down }).then(() => backend.reload());
  return (
    <aside className="sim-panel" aria-label={t('sim.title')} data-testid="sim-panel">
      <strong>{t('sim.title')}</strong>
      <div className="sim-cards">
        {cards.data?.map((c) => (
          <button key={c.id} type="button" className="sim-card" data-testid={`sim-place-${c.id}`} onClick={() => void api.invoke('sim:placeCard', { cardId: c.id })}>
            {t('sim.place')} {c.label}
          </button>
        ))}
        {cards.data?.[0] && (
          <button type="button" className="sim-card" data-testid="sim-place-unreadable" onClick={() => void api.invoke('sim:placeCard', { cardId: cards.data![0]!.id, unreadable: true })}>
            {t('sim.placeUnreadable')}
          </button>
        )}
        <button type="button" className="sim-card" data-testid="sim-remove" onClick={() => void api.invoke('sim:removeCard', {})}>
          {t('sim.remove')}
        </button>
      </div>
      <PhoneCodeSimulator />
      <div className="sim-cards" data-testid="sim-devices">
        <button type="button" className="sim-card" data-testid="sim-printer-ok" onClick={() => printer('ok')}>{ta('sim.paperOk')}</button>
        <button type="button" className="sim-card" data-testid="sim-printer-near-end" onClick={() => printer('near-end')}>{ta('sim.nearEnd')}</button>
        <button type="button" className="sim-card" data-testid="sim-printer-out" onClick={() => printer('out')}>{ta('sim.paperOut')}</button>
        <button type="button" className="sim-card" data-testid="sim-printer-cover-open" onClick={() => printer('cover-open')}>{ta('sim.coverOpen')}</button>
        <button type="button" className="sim-card" data-testid="sim-reader-unplug" onClick={() => reader(false)}>{ta('sim.unplug')}</button>
        <button type="button" className="sim-card" data-testid="sim-reader-plug" onClick={() => reader(true)}>{ta('sim.plug')}</button>
      </div>
      {backend.data && (
        <div className="sim-cards" data-testid="sim-backend" data-backend={backend.data.down ? 'down' : 'up'}>
          <span role="status" className={backend.data.down ? 'sim-state sim-down' : 'sim-state'}>{ta(backend.data.down ? 'sim.backendIsDown' : 'sim.backendIsUp')}</span>
          {backend.data.down ? (
            <button type="button" className="sim-card" data-testid="sim-backend-up" onClick={() => setBackend(false)}>{ta('sim.backendUp')}</button>
          ) : (
            <button type="button" className="sim-card" data-testid="sim-backend-down" onClick={() => setBackend(true)}>{ta('sim.backendDown')}</button>
          )}
        </div>
      )}
    </aside>
  );
}
