// Intake on the resident's behalf: the card on the counter's reader, the item, the form with prefill, the
// materials checked against the originals, submission stamped with the clerk, then documents and rating.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '@easydo/core/contract/errors';
import type { MaskedCard } from '@easydo/core/contract/schemas/card';
import type { PreparedForm } from '@easydo/core/contract/schemas/application';
import type { IntakeResult, MaterialsView } from '@easydo/core/contract/schemas/counter-intake';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { useEvent, useQuery, useTerminal } from '@easydo/core/ui/terminal-context';
import { useCounter } from './counter-api';
import { CounterForm } from './CounterForm';
import { MaterialsPanel } from './MaterialsPanel';
import { DocumentsPanel } from './DocumentsPanel';
import type { FormValue } from '@easydo/core/contract/schemas/application';

type Resume = { itemCode: string; form: Record<string, FormValue> } | null;

export function IntakePanel({ resume, onResumed }: { resume: Resume; onResumed: () => void }) {
  const { t, i18n } = useTranslation('counter');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const api = useTerminal();
  const { invoke } = useCounter();
  const catalogue = useQuery('catalogue:get', {});
  const [card, setCard] = useState<MaskedCard | null>(null);
  const [itemCode, setItemCode] = useState('');
  const [form, setForm] = useState<PreparedForm | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [materials, setMaterials] = useState<MaterialsView | null>(null);
  const [allowMissing, setAllowMissing] = useState(false);
  const [result, setResult] = useState<IntakeResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);

  const reset = useCallback(() => {
    setItemCode('');
    setForm(null);
    setValues({});
    setMaterials(null);
    setResult(null);
    setAllowMissing(false);
    setError(null);
  }, []);

  useEffect(() => {
    void api.invoke('session:current', {}).then((r) => {
      if (r.ok) setCard(r.value.card);
    });
  }, [api]);
  useEvent('card:read', useCallback((c: MaskedCard) => {
    setCard(c);
    reset();
  }, [reset]));
  useEvent('session:ended', useCallback(() => {
    setCard(null);
    reset();
  }, [reset]));
  useEvent('intake:materialsChanged', useCallback(() => {
    void invoke('intake:materials', {}).then((r) => {
      if (r.ok) setMaterials(r.value);
    });
  }, [invoke]));

  const begin = useCallback(
    async (code: string, preset: Record<string, string> = {}) => {
      setItemCode(code);
      setError(null);
      setResult(null);
      setForm(null);
      setMaterials(null);
      if (!code) return;
      const r = await invoke('intake:begin', { itemCode: code });
      if (!r.ok) return setError(r.error);
      setForm(r.value.form);
      setMaterials(r.value.materials);
      setValues(preset);
    },
    [invoke],
  );

  // A picked-up application: its item and typed values, once the resident's card is on the reader.
  useEffect(() => {
    if (!resume || !card) return;
    onResumed();
    void begin(resume.itemCode, Object.fromEntries(Object.entries(resume.form).map(([k, v]) => [k, String(v)])));
  }, [resume, card, onResumed, begin]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const typed = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    const r = await invoke('intake:submit', { itemCode, form: typed, allowMissingMaterials: allowMissing });
    setBusy(false);
    if (r.ok) setResult(r.value);
    else setError(r.error);
  };

  const next = async () => {
    await invoke('queue:finish', {});
    await api.invoke('session:end', { reason: 'finished' });
    reset();
    setCard(null);
  };

  return (
    <section className="intake-panel" data-testid="intake">
      {card ? (
        <p className="card-panel" data-testid="intake-card">
          {t('cardRead')}：<strong data-testid="card-name">{card.nameMasked}</strong> <span data-testid="card-id">{card.idNumberMasked}</span>
        </p>
      ) : (
        <p role="status" data-testid="card-waiting">{t('cardWaiting')}</p>
      )}
      {card && !result && (
        <label className="field">
          <span>{t('chooseItem')}</span>
          <select data-testid="item-select" value={itemCode} onChange={(e) => void begin(e.target.value)}>
            <option value="">—</option>
            {catalogue.data?.categories.map((c) => (
              <optgroup key={c.code} label={c.name[lang]}>
                {c.items.map((it) => (
                  <option key={it.code} value={it.code}>
                    {it.name[lang]}（{it.code}）
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
      )}
      {form && !result && (
        <CounterForm form={form} values={values} offers={materials?.offers} materials={materials?.requirements} onChange={(k, v) => setValues((old) => ({ ...old, [k]: v }))} />
      )}
      {materials && !result && <MaterialsPanel view={materials} onView={setMaterials} />}
      {form && materials && !result && (
        <div className="submit-row">
          <label>
            <input type="checkbox" data-testid="allow-missing" checked={allowMissing} onChange={(e) => setAllowMissing(e.target.checked)} /> {t('allowMissing')}
          </label>
          <button type="button" className="btn btn-primary" data-testid="submit" disabled={busy || !materials.allVerified} onClick={() => void submit()}>
            {busy ? t('submitting') : t('submit')}
          </button>
        </div>
      )}
      <ErrorNotice error={error} />
      {result && (
        <section className="intake-result" data-testid="intake-result" aria-live="polite">
          <h3>{result.acceptanceNumber ? t('accepted') : t('offline')}</h3>
          <dl>
            {result.acceptanceNumber ? (
              <>
                <dt>{t('number')}</dt>
                <dd data-testid="acceptance-number">{result.acceptanceNumber}</dd>
                <dt>{t('queryPassword')}</dt>
                <dd data-testid="query-password">{result.queryPassword}</dd>
              </>
            ) : null}
            <dt>{t('tracking')}</dt>
            <dd data-testid="tracking-code">{result.trackingCode}</dd>
          </dl>
          <DocumentsPanel localId={result.localId} acceptanceNumber={result.acceptanceNumber} />
          <button type="button" className="btn btn-primary" data-testid="next-resident" onClick={() => void next()}>
            {t('nextResident')}
          </button>
        </section>
      )}
    </section>
  );
}
