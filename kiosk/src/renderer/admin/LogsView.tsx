// Logs: recent structured lines (already redacted at the logger), filtered by level and text; the audit
// trail; and the diagnostics bundle export (written to the data folder, offered for download).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelResponse } from '@easydo/core/contract/channels';
import { useQuery, useTerminal } from '@easydo/core/ui/terminal-context';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { useAction } from './useAction';
import { Outcome } from './Outcome';
import { bytes } from './format';

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
type Level = (typeof LEVELS)[number];

function downloadUrl(base64: string): string {
  const bin = atob(base64);
  const buf = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([buf], { type: 'application/gzip' }));
}

export function LogsView() {
  const { t } = useTranslation('admin');
  const api = useTerminal();
  const [level, setLevel] = useState<Level>('info');
  const [text, setText] = useState('');
  const [logs, setLogs] = useState<ChannelResponse<'admin:logs'> | null>(null);
  const audit = useQuery('admin:audit', {});
  const [bundle, runBundle] = useAction(useCallback(() => api.invoke('admin:bundle', {}), [api]));
  const [href, setHref] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.invoke('admin:logs', { level, ...(text ? { text } : {}), limit: 300 });
    if (r.ok) setLogs(r.value);
  }, [api, level, text]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (!bundle.value) return;
    const url = downloadUrl(bundle.value.base64);
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [bundle.value]);

  return (
    <div className="logs">
      <div className="filters">
        <label className="field">
          <span>{t('logs.level')}</span>
          <select data-testid="logs-level" value={level} onChange={(e) => setLevel(e.target.value as Level)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('logs.text')}</span>
          <input data-testid="logs-text" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="button" className="btn btn-secondary" data-testid="logs-refresh" onClick={() => void load()}>
          {t('logs.refresh')}
        </button>
      </div>
      {logs?.source === 'none' && <p className="muted">{t('logs.notCaptured')}</p>}
      <table className="log-table" data-testid="logs-table">
        <thead>
          <tr>
            <th scope="col">{t('logs.time')}</th>
            <th scope="col">{t('logs.level')}</th>
            <th scope="col">{t('logs.message')}</th>
          </tr>
        </thead>
        <tbody>
          {logs?.entries.length === 0 && (
            <tr>
              <td colSpan={3}>{t('logs.none')}</td>
            </tr>
          )}
          {[...(logs?.entries ?? [])].reverse().map((e) => (
            <tr key={e.seq} className={`level-${e.level}`} data-testid="log-row">
              <td>{new Date(e.time).toLocaleTimeString()}</td>
              <td>{e.level}</td>
              <td>
                {e.msg} <code>{e.fields}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('logs.bundle')}</h2>
      <p className="muted">{t('logs.bundleHint')}</p>
      <button type="button" className="btn btn-primary" data-testid="bundle-export" disabled={bundle.running} onClick={() => void runBundle().then(() => audit.reload())}>
        {t('logs.bundle')}
      </button>
      <Outcome state={bundle} testId="bundle-result" ok={(v) => `${t('logs.bundleReady')}: ${v.fileName} (${bytes(v.bytes)})`} />
      {bundle.value && href && (
        <p>
          <code data-testid="bundle-path">{bundle.value.path}</code>{' '}
          <a className="btn btn-secondary" data-testid="bundle-download" href={href} download={bundle.value.fileName}>
            {t('logs.download')}
          </a>
        </p>
      )}

      <h2>{t('logs.audit')}</h2>
      <ErrorNotice error={audit.error} />
      <table className="log-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{t('logs.time')}</th>
            <th scope="col">{t('logs.action')}</th>
            <th scope="col">{t('logs.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {[...(audit.data ?? [])].reverse().map((e, i) => (
            <tr key={`${e.at}-${i}`} data-testid="audit-row">
              <td>{e.at ? new Date(e.at).toLocaleString() : '—'}</td>
              <td>{e.action}</td>
              <td>
                <code>{JSON.stringify(e.detail)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
