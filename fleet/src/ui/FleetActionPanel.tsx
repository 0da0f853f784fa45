// A command to the selected terminals (or a whole street), paced by the console; progress comes live.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@easydo/core/ui/Button';
import { api, type ActionStatus, type CommandName } from './api';

const NAMES: CommandName[] = ['configPush', 'reloadRenderer', 'drain', 'inService', 'logBundle'];

export function FleetActionPanel({ selected, progress, onStarted }: { selected: string[]; progress: ActionStatus | null; onStarted: (a: ActionStatus) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState<CommandName>('configPush');
  const [idle, setIdle] = useState(300);
  const [error, setError] = useState<string | null>(null);
  const run = () => {
    setError(null);
    const args = name === 'configPush' ? { values: { admin: { idleTimeoutSeconds: idle } } } : {};
    void api.action({ terminalIds: selected }, name, args).then(onStarted, (e: Error) => setError(e.message));
  };
  const finished = progress ? progress.counts.done + progress.counts.refused + progress.counts.failed + progress.counts.expired + progress.counts.unsupported : 0;
  return (
    <section className="fleet-action" aria-labelledby="action-heading">
      <h2 id="action-heading">{t('action.heading')}</h2>
      <p data-testid="selected-count">{t('action.selected', { n: selected.length })}</p>
      <select value={name} onChange={(e) => setName(e.target.value as CommandName)} aria-label={t('action.heading')}>
        {NAMES.map((n) => (
          <option key={n} value={n}>
            {t(`command.${n}`)}
          </option>
        ))}
      </select>
      {name === 'configPush' && (
        <label>
          {t('action.idleTimeout')}
          <input type="number" min={30} max={3600} value={idle} onChange={(e) => setIdle(Number(e.target.value))} />
        </label>
      )}
      <Button disabled={selected.length === 0} onClick={run} data-testid="run-action">
        {t('action.run')}
      </Button>
      {error && <p role="alert">{error}</p>}
      <p data-testid="action-progress">{progress ? t('action.progress', { done: finished, total: progress.total, rate: progress.ratePerSecond }) : t('action.idle', { rate: 20 })}</p>
    </section>
  );
}
