// Device dashboard: every device live (device:changed events), backend, outbox, machine, heartbeat, and
// the last 24 h as charts. The rest refreshes every few seconds.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '@easydo/core/contract/schemas/admin-dashboard';
import type { DeviceSnapshot } from '@easydo/core/contract/schemas/device';
import type { ContractError } from '@easydo/core/contract/errors';
import { useEvent, useTerminal } from '@easydo/core/ui/terminal-context';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { HistoryCharts } from './HistoryCharts';
import { useDateTimeText } from '@easydo/core/ui/time-zone';
import { bytes, duration } from './format';
import { alertLabel, labelledPairs, paperLabel } from './device-labels';
import { describeDevice, deviceName, type Translate } from '@easydo/core/ui/errors/describe-error';
import { useDeviceReasons } from '@easydo/core/ui/errors/DeviceReasons';

const REFRESH_MS = 5000;

export function DashboardView() {
  const { t } = useTranslation('admin');
  const { t: tl } = useTranslation('adminLabels');
  const { t: te } = useTranslation('errors');
  // The terminal's zone, as on every screen (not the browser's).
  const { dateTime } = useDateTimeText();
  const time = (iso: string | null) => (iso ? dateTime(iso) : '—');
  const reasonsText = useDeviceReasons();
  const api = useTerminal();
  const [dash, setDash] = useState<Dashboard | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [pinging, setPinging] = useState(false);

  const load = useCallback(async () => {
    const r = await api.invoke('admin:dashboard', {});
    if (r.ok) {
      setDash(r.value);
      setError(null);
    } else setError(r.error);
  }, [api]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  useEvent(
    'device:changed',
    useCallback((d: DeviceSnapshot) => setDash((cur) => (cur ? { ...cur, devices: cur.devices.map((x) => (x.id === d.id ? d : x)) } : cur)), []),
  );

  const ping = async () => {
    setPinging(true);
    const r = await api.invoke('admin:ping', {});
    setPinging(false);
    if (r.ok) setDash((cur) => (cur ? { ...cur, backend: r.value } : cur));
  };

  if (!dash) return <ErrorNotice error={error} />;
  const { backend, outbox, system, heartbeat, service } = dash;
  return (
    <div className="dashboard">
      <ErrorNotice error={error} />
      <p className={`service-line ${service.inService ? 'ok' : 'bad'}`} data-testid="dash-service">
        {t('dash.service')}: {service.inService ? t('dash.inService') : t('dash.outOfService')}
        {service.manual ? ` — ${service.manual.reason}` : ''}
        {service.reasons.length > 0 && ` · ${reasonsText(service.reasons)}`}
      </p>
      <h2>{t('dash.devices')}</h2>
      <table className="devices" data-testid="devices">
        <thead>
          <tr>
            <th scope="col">{t('dash.device')}</th>
            <th scope="col">{t('dash.state')}</th>
            <th scope="col">{t('dash.counters')}</th>
            <th scope="col">{t('dash.alerts')}</th>
            <th scope="col">{t('dash.lastError')}</th>
            <th scope="col">{t('dash.capabilities')}</th>
          </tr>
        </thead>
        <tbody>
          {dash.devices.map((d) => (
            <tr key={d.id} data-testid={`device-${d.id}`} data-status={d.status}>
              <th scope="row">
                {deviceName(d.kind, te as Translate)} <small>({d.required ? t('dash.required') : t('dash.optional')})</small>
              </th>
              <td className={`status status-${d.status}`} data-testid={`device-status-${d.id}`}>
                {t(`status.${d.status}`)}
                {typeof d.detail.paper === 'string' && <small> · {paperLabel(d.detail.paper, tl as Translate)}</small>}
              </td>
              <td data-testid={`device-counters-${d.id}`}>{labelledPairs(d.counters, 'counters', tl as Translate)}</td>
              <td data-testid={`device-alerts-${d.id}`}>{d.alerts.length ? d.alerts.map((a) => alertLabel(a.code, tl as Translate)).join('；') : '—'}</td>
              <td data-testid={`device-error-${d.id}`} title={d.lastError ? `${d.lastError.code}: ${d.lastError.message}` : undefined}>
                {d.lastError ? `${describeDevice({ kind: d.kind, status: 'hardwareError', fault: d.lastError.code }, te as Translate)} (${time(d.lastError.at)})` : '—'}
              </td>
              <td className="caps">{labelledPairs(d.capabilities, 'capabilities', tl as Translate)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="tiles">
        <section className="tile" data-testid="dash-backend">
          <h3>{t('dash.backend')}</h3>
          <p className={backend.reachable === false ? 'bad' : backend.reachable ? 'ok' : ''}>
            {backend.reachable === null ? t('dash.unknown') : backend.reachable ? t('dash.reachable') : t('dash.unreachable')}
            {backend.latencyMs !== null && ` · ${t('dash.latency')} ${backend.latencyMs} ms`}
          </p>
          <p className="muted">{backend.url}</p>
          {backend.error && <p className="bad">{backend.error}</p>}
          <button type="button" className="btn btn-secondary" data-testid="dash-ping" disabled={pinging} onClick={() => void ping()}>
            {t('dash.ping')}
          </button>
        </section>
        <section className="tile" data-testid="dash-outbox">
          <h3>{t('dash.outbox')}</h3>
          <p>
            {t('dash.depth')}: <strong data-testid="outbox-depth">{outbox.depth}</strong>
          </p>
          <p data-testid="outbox-counts">
            {t('dash.delivered')} {outbox.delivered} · {t('dash.failed')} {outbox.failed} ·{' '}
            <span className={outbox.needsClerk ? 'bad' : ''}>{t('dash.needsClerk')} <strong data-testid="outbox-needs-clerk">{outbox.needsClerk}</strong></span> ·{' '}
            <span className={outbox.quarantined ? 'bad' : ''}>{t('dash.quarantined')} <strong data-testid="outbox-quarantined">{outbox.quarantined}</strong></span>
          </p>
          <p>{t('dash.oldest')}: {time(outbox.oldestPendingAt)}</p>
          <p>{t('dash.lastSuccess')}: {time(outbox.lastSuccessAt)}</p>
          {outbox.lastError && <p className="bad">{outbox.lastError}</p>}
        </section>
        <section className="tile" data-testid="dash-system">
          <h3>{t('dash.system')}</h3>
          <p>{t('dash.uptime')}: {duration(system.hostUptimeSeconds)} · {t('dash.appUptime')}: {duration(system.appUptimeSeconds)}</p>
          <p>{t('dash.memory')}: {bytes(system.memory.freeBytes)} {t('dash.free')} / {bytes(system.memory.totalBytes)} (RSS {bytes(system.memory.rssBytes)})</p>
          <p>{t('dash.disk')}: {system.disk ? `${bytes(system.disk.freeBytes)} ${t('dash.free')} / ${bytes(system.disk.totalBytes)}` : '—'}</p>
          <p>{t('dash.load')}: {system.loadAverage.map((l) => l.toFixed(2)).join(' ')}</p>
        </section>
        <section className="tile" data-testid="dash-heartbeat">
          <h3>{t('dash.heartbeat')}</h3>
          <p>{t('dash.lastSent')}: {time(heartbeat.lastSentAt)}</p>
          <p>{t('dash.alertsSent')}: {heartbeat.alertsSent}</p>
          {heartbeat.lastError && <p className="bad">{heartbeat.lastError}</p>}
        </section>
      </div>
      {outbox.setAside.length > 0 && (
        <>
          <h2>{t('dash.setAside')}</h2>
          <table className="devices" data-testid="outbox-set-aside">
            <thead>
              <tr>
                <th scope="col">{t('dash.trackingCode')}</th>
                <th scope="col">{t('dash.item')}</th>
                <th scope="col">{t('dash.state')}</th>
                <th scope="col">{t('dash.reason')}</th>
                <th scope="col">{t('dash.since')}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.setAside.map((a) => (
                <tr key={a.trackingCode} data-testid={`set-aside-${a.trackingCode}`} data-state={a.state}>
                  <th scope="row">{a.trackingCode}</th>
                  <td>{a.itemCode}</td>
                  <td>{t(`outboxState.${a.state}`)}{a.heldFrom ? ` (${a.heldFrom})` : ''}</td>
                  <td>{a.problem ? t(`problem.${a.problem}`) : '—'}</td>
                  <td>{time(a.since)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <HistoryCharts />
    </div>
  );
}
