// Development/demo only (shown when the terminal reports simulated devices): place and remove synthetic cards.
import { useTranslation } from 'react-i18next';
import { useQuery, useTerminal } from '@easydo/core/ui/terminal-context';

export function SimulatorPanel() {
  const { t } = useTranslation();
  const api = useTerminal();
  const cards = useQuery('sim:cards', {});
  return (
    <aside className="sim-panel" aria-label={t('sim.title')} data-testid="sim-panel">
      <strong>{t('sim.title')}</strong>
      <div className="sim-cards">
        {cards.data?.map((c) => (
          <button key={c.id} type="button" className="sim-card" data-testid={`sim-place-${c.id}`} onClick={() => void api.invoke('sim:placeCard', { cardId: c.id })}>
            {t('sim.place')} {c.label}
          </button>
        ))}
        <button type="button" className="sim-card" data-testid="sim-remove" onClick={() => void api.invoke('sim:removeCard', {})}>
          {t('sim.remove')}
        </button>
      </div>
    </aside>
  );
}
