// Configuration: terminal, backend (secret write-only), reader, printer, scanner, idle timeouts, languages,
// required devices. Main validates with the schema before saving; a refusal names the field. The answer says
// what took effect now and what needs a restart; the previous version can be rolled back.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useTerminal } from '@easydo/core/ui/terminal-context';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import type { ContractError, Result } from '@easydo/core/contract/errors';
import type { ChannelResponse } from '@easydo/core/contract/channels';
import { getAt, numeric, setAt, toggle, type Draft } from './config-draft';
import { deviceName, type Translate } from '@easydo/core/ui/errors/describe-error';

interface SaveOutcome {
  applied: string[];
  restartNeeded: string[];
}

export function ConfigView() {
  const { t } = useTranslation('admin');
  const { t: te } = useTranslation('errors');
  const api = useTerminal();
  const view = useQuery('admin:config', {});
  const [draft, setDraft] = useState<Draft | null>(null);
  const [secret, setSecret] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState<SaveOutcome | null>(null);
  useEffect(() => {
    if (view.data) setDraft(structuredClone(view.data.config) as Draft);
  }, [view.data]);
  if (!draft || !view.data) return <ErrorNotice error={view.error} />;

  const bad = new Set(error?.issues?.map((i) => i.path) ?? []);
  // Each field's label as rendered, so a refusal names the field in words (not its config path).
  const labels = new Map<string, string>();
  const fieldLabel = (path: string) => labels.get(path) ?? [...labels.entries()].find(([p]) => path.startsWith(`${p}.`))?.[1];
  const set = (p: string, v: unknown) => setDraft((d) => (d ? setAt(d, p, v) : d));
  const text = (p: string, label: string, opts: { number?: boolean; type?: string } = {}) => {
    labels.set(p, label);
    return (
    <label className="field">
      <span>{label}</span>
      <input
        data-testid={`cfg-${p}`}
        type={opts.type ?? 'text'}
        aria-invalid={bad.has(p)}
        value={String(getAt(draft, p) ?? '')}
        onChange={(e) => set(p, opts.number ? numeric(e.target.value) : e.target.value)}
      />
    </label>
    );
  };
  const select = (p: string, label: string, options: Array<[string, string]>, onPick?: (v: string) => void) => {
    labels.set(p, label);
    return (
    <label className="field">
      <span>{label}</span>
      <select data-testid={`cfg-${p}`} aria-invalid={bad.has(p)} value={String(getAt(draft, p) ?? '')} onChange={(e) => (onPick ? onPick(e.target.value) : set(p, e.target.value))}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
    );
  };
  const checks = (p: string, label: string, items: string[]) => {
    labels.set(p, label);
    return (
    <fieldset className="field checks" aria-invalid={bad.has(p)}>
      <legend>{label}</legend>
      {items.map((item) => (
        <label key={item}>
          <input type="checkbox" data-testid={`cfg-${p}-${item}`} checked={((getAt(draft, p) as string[] | undefined) ?? []).includes(item)} onChange={() => set(p, toggle(getAt(draft, p), item))} />
          {deviceName(item, te as Translate)}
        </label>
      ))}
    </fieldset>
    );
  };

  const finish = (r: Result<ChannelResponse<'admin:configSave'>>) => {
    if (r.ok) {
      setSaved(r.value);
      setError(null);
      setSecret('');
      setPin('');
      view.reload();
    } else {
      setSaved(null);
      setError(r.error);
    }
  };
  const save = async () => {
    const { secretSet: _s, pinSet: _p, ...values } = draft;
    finish(await api.invoke('admin:configSave', { values: values as Record<string, never>, ...(secret ? { terminalSecret: secret } : {}), ...(pin ? { adminPin: pin } : {}) }));
  };
  const rollback = async () => finish(await api.invoke('admin:configRollback', {}));

  const reader = getAt(draft, 'devices.idReader.transport');
  const backendKind = getAt(draft, 'backend.kind');
  return (
    <form className="config" data-testid="config" onSubmit={(e) => (e.preventDefault(), void save())}>
      <fieldset>
        <legend>{t('config.identity')}</legend>
        {text('terminalId', t('config.terminalId'))}
        {text('centreName', t('config.centreName'))}
      </fieldset>
      <fieldset>
        <legend>{t('config.backend')}</legend>
        {select('backend.kind', t('config.backendKind'), [['embedded-sandbox', t('config.sandbox')], ['remote', t('config.remote')]], (v) =>
          set('backend', v === 'remote' ? { kind: 'remote', url: 'https://', timeoutMs: 15000 } : { kind: 'embedded-sandbox', clockSpeed: 600 }),
        )}
        {backendKind === 'remote' && text('backend.url', t('config.url'))}
        {backendKind === 'remote' && text('backend.timeoutMs', t('config.timeoutMs'), { number: true })}
        <label className="field">
          <span>
            {t('config.secret')} ({draft.secretSet ? t('config.secretSet') : t('config.secretNotSet')})
          </span>
          <input data-testid="cfg-terminalSecret" type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} aria-invalid={bad.has('terminalSecret')} />
          <small className="muted">{t('config.secretHint')}</small>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('config.reader')}</legend>
        {select('devices.idReader.transport', t('config.transport'), [['simulator', t('config.simulator')], ['serial', t('config.serial')]], (v) =>
          set('devices.idReader', v === 'serial' ? { transport: 'serial', port: '/dev/ttyUSB0', baud: 115200, pollIntervalMs: 400 } : { transport: 'simulator', pollIntervalMs: 400 }),
        )}
        {reader === 'serial' && text('devices.idReader.port', t('config.port'))}
        {reader === 'serial' && text('devices.idReader.baud', t('config.baud'), { number: true })}
      </fieldset>
      <fieldset>
        <legend>{t('config.printer')}</legend>
        {text('devices.receiptPrinter.address', t('config.address'))}
        {select('devices.receiptPrinter.profile', t('config.profile'), [['80mm', '80 mm'], ['58mm', '58 mm']])}
      </fieldset>
      <fieldset>
        <legend>{t('config.scanner')}</legend>
        {select('devices.scanner.source', t('config.source'), [['sane', 'SANE'], ['folder', 'folder'], ['none', '—']])}
        {text('devices.scanner.device', t('config.scannerDevice'))}
      </fieldset>
      <fieldset>
        <legend>{t('config.session')}</legend>
        {text('session.idleWarningSeconds', t('config.idleWarning'), { number: true })}
        {text('session.idleCountdownSeconds', t('config.idleCountdown'), { number: true })}
      </fieldset>
      <fieldset>
        <legend>{t('config.languages')}</legend>
        {checks('languages', t('config.languages'), ['zh-CN', 'en'])}
        {select('defaultLanguage', t('config.defaultLanguage'), [['zh-CN', '中文'], ['en', 'English']])}
      </fieldset>
      <fieldset>
        <legend>{t('config.required')}</legend>
        {/* Per role (config.devices.required.kiosk / .counter): a counter needs no receipt paper, a kiosk no A4 queue. */}
        {checks('devices.required.kiosk', `${t('config.required')} · kiosk`, ['idReader', 'receiptPrinter', 'scanner', 'documentCamera'])}
        {checks('devices.required.counter', `${t('config.required')} · counter`, ['idReader', 'receiptPrinter', 'scanner', 'documentCamera'])}
      </fieldset>
      <fieldset>
        <legend>{t('config.adminPin')}</legend>
        <label className="field">
          <span>{t('config.adminPin')}</span>
          <input data-testid="cfg-adminPin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 12))} />
          <small className="muted">{t('config.adminPinHint')}</small>
        </label>
      </fieldset>
      <p className="muted">
        {t('config.restartList')}: {view.data.restartPaths.join(', ')}
      </p>
      <div data-testid="cfg-error">
        {/* Once, translated, each refused field by its label (the schema's own text stays in the logs). */}
        <ErrorNotice error={error} fieldLabel={fieldLabel} />
      </div>
      {saved && (
        <p className="outcome ok" role="status" data-testid="cfg-saved">
          {t('config.saved')}. {t('config.appliedNow')}: {saved.applied.join(', ') || '—'}. {t('config.needsRestart')}: {saved.restartNeeded.join(', ') || '—'}.
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary" data-testid="cfg-save">
          {t('config.save')}
        </button>
        <button type="button" className="btn btn-secondary" data-testid="cfg-rollback" disabled={!view.data.hasPrevious} onClick={() => void rollback()}>
          {t('config.rollback')}
        </button>
      </div>
    </form>
  );
}
