// One terminal: version, config version, outbox, devices, 24 h history chart, and command buttons whose ack
// state follows the live feed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Button } from '@easydo/core/ui/Button';
import { api, type CommandItem, type CommandName, type HistoryPoint, type TerminalDetail } from './api';
import { reasonText } from './i18n';
import { silenceText } from './silence';

const BUTTONS: { name: CommandName; args?: Record<string, unknown>; variant?: 'secondary' | 'danger' }[] = [
  { name: 'drain', variant: 'secondary' },
  { name: 'outOfService', args: { reason: 'maintenance' }, variant: 'danger' },
  { name: 'inService' },
  { name: 'reloadRenderer', variant: 'secondary' },
  { name: 'restartApp', variant: 'danger' },
  { name: 'logBundle', variant: 'secondary' },
  { name: 'screenshot', variant: 'secondary' },
];

export interface TerminalPageProps {
  terminalId: string;
  /** Bumped by the live feed when this terminal changed. */
  revision: number;
  commands: CommandItem[];
  onCommands: (list: CommandItem[]) => void;
  onCommand: (c: CommandItem) => void;
  onBack: () => void;
}

export function TerminalPage({ terminalId, revision, commands, onCommands, onCommand, onBack }: TerminalPageProps) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<TerminalDetail | null>(null);
  const [history, setHistory] = useState<HistoryPoint[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.terminal(terminalId).then((d) => live && setDetail(d), (e: Error) => live && setError(e.message));
    void api.history(terminalId).then((h) => live && setHistory(h.points), () => undefined);
    return () => {
      live = false;
    };
  }, [terminalId, revision]);
  useEffect(() => {
    void api.commands(terminalId).then((c) => onCommands(c.commands), () => undefined);
  }, [terminalId, onCommands]);

  if (error) return <p role="alert">{error}</p>;
  if (!detail) return <p>…</p>;
  const x = detail.terminal;
  const chart = history.map((p) => ({
    time: new Date(p.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
    outbox: p.outboxDepth,
    faulty: Object.values(p.devices).filter((s) => s !== 'online' && s !== 'busy').length,
  }));
  return (
    <section className="terminal-page" aria-labelledby="terminal-heading" data-testid="terminal-page">
      <Button variant="secondary" onClick={onBack}>
        {t('terminal.back')}
      </Button>
      <h2 id="terminal-heading" className={`colour-${x.colour}`}>
        <span className="dot" /> {x.terminalId} <small>{x.district} · {x.street} · {x.centre}</small>
      </h2>
      <dl className="facts">
        <dt>{t('terminal.version')}</dt>
        <dd data-testid="version">{x.version}</dd>
        <dt>{t('terminal.configVersion')}</dt>
        <dd data-testid="config-version">{x.configVersion}</dd>
        <dt>{t('terminal.outbox')}</dt>
        <dd>{x.outboxDepth ?? '—'}</dd>
        <dt>{t('terminal.lastHeartbeat')}</dt>
        <dd>{silenceText(t, x.silentSeconds)}</dd>
        <dt>{t(`colour.${x.colour}`)}</dt>
        <dd>{[t(`service.${x.service}`), ...x.reasons.map((r) => reasonText(t, r))].join('，')}</dd>
      </dl>
      <h3>{t('terminal.devices')}</h3>
      <ul className="devices">
        {detail.devices.map((d) => (
          <li key={d.id} className={d.status === 'online' ? 'ok' : 'bad'}>
            {t(`device.${d.kind}`, { defaultValue: d.kind })}: {t(`deviceStatus.${d.status}`, { defaultValue: d.status })}
            {d.alerts.length > 0 && ` (${d.alerts.join(', ')})`}
          </li>
        ))}
      </ul>
      <h3>{t('terminal.history')}</h3>
      {chart.length === 0 ? (
        <p>{t('terminal.noHistory')}</p>
      ) : (
        <div className="chart" data-testid="history-chart">
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={chart}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="time" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Line type="stepAfter" dataKey="outbox" name={t('terminal.outboxChart')} stroke="#1f6feb" dot={false} isAnimationActive={false} />
              <Line type="stepAfter" dataKey="faulty" name={t('terminal.faultyChart')} stroke="#cf222e" dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <h3>{t('terminal.commands')}</h3>
      <div className="command-buttons">
        {BUTTONS.map((b) => (
          <Button key={b.name} variant={b.variant ?? 'primary'} data-testid={`command-${b.name}`} onClick={() => void api.command(terminalId, b.name, b.args).then(onCommand, (e: Error) => setError(e.message))}>
            {t(`command.${b.name}`)}
          </Button>
        ))}
      </div>
      <table className="commands">
        <tbody>
          {commands.map((c) => (
            <tr key={c.commandId} data-testid="command-row" data-name={c.name} data-status={c.status}>
              <td>{t(`command.${c.name}`)}</td>
              <td className={`status-${c.status}`}>{t(`command.status.${c.status}`)}</td>
              <td>{c.reason ?? ''}</td>
              <td>{c.issuedBy}</td>
              <td>{new Date(c.issuedAt).toLocaleTimeString()}</td>
              <td>
                {(c.name === 'logBundle' || c.name === 'screenshot') && c.status === 'done' && (
                  <a href={`/api/commands/${c.commandId}/upload`} download>
                    {t('command.download')}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
