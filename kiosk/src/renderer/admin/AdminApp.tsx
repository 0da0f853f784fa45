// Admin mode (walking skeleton): live device status from the device manager. The full maintenance mode
// (diagnostics, configuration, logs, service state) grows here.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSnapshot } from '@easydo/core/contract/schemas/device';
import { useEvent, useQuery, useTerminal } from '@easydo/core/ui/terminal-context';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';

export function AdminApp() {
  const { t } = useTranslation();
  const api = useTerminal();
  const initial = useQuery('devices:list', {});
  const [devices, setDevices] = useState<DeviceSnapshot[]>([]);
  useEffect(() => setDevices(initial.data ?? []), [initial.data]);
  useEvent('device:changed', useCallback((d: DeviceSnapshot) => setDevices((list) => {
    const i = list.findIndex((x) => x.id === d.id);
    return i < 0 ? [...list, d] : list.map((x) => (x.id === d.id ? d : x));
  }), []));

  return (
    <main className="admin" data-testid="admin">
      <header className="admin-header">
        <h1>{t('admin.title')}</h1>
        <button type="button" className="btn btn-secondary" data-testid="admin-logout" onClick={() => void api.invoke('admin:logout', {})}>
          {t('admin.logout')}
        </button>
      </header>
      <ErrorNotice error={initial.error} />
      <h2>{t('admin.devices')}</h2>
      <table className="devices" data-testid="devices">
        <thead>
          <tr>
            <th scope="col">ID</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">{t('admin.counters')}</th>
            <th scope="col">{t('admin.lastError')}</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} data-testid={`device-${d.id}`} data-status={d.status}>
              <th scope="row">
                {d.id} <small>({d.required ? t('admin.required') : t('admin.optional')})</small>
              </th>
              <td className={`status status-${d.status}`}>{t(`status.${d.status}`)}</td>
              <td>{Object.entries({ ...d.counters, ...d.detail }).map(([k, v]) => `${k}: ${v}`).join(' · ')}</td>
              <td>{d.lastError ? `${d.lastError.code}: ${d.lastError.message}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
