// Kiosk mode (walking skeleton): attract screen, catalogue from the backend, the card shown masked, and a
// trivial submission that travels renderer -> contract -> service -> journal -> backend and shows the number.
// The full resident journey (statechart, forms, materials, receipt, evaluation) replaces the inner screens.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaskedCard } from '@easydo/core/contract/schemas/card';
import type { CatalogueItemSummary } from '@easydo/core/contract/schemas/catalogue';
import type { PreparedForm, SubmitApplicationResponse } from '@easydo/core/contract/schemas/application';
import { SimpleForm } from './SimpleForm';
import type { ContractError } from '@easydo/core/contract/errors';
import { useEvent, useQuery, useTerminal } from '@easydo/core/ui/terminal-context';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { useServiceState } from './useServiceState';
import { AdminCorner, AdminPinPad } from './AdminEntry';

export function KioskApp({ adminEntry = false }: { adminEntry?: boolean }) {
  const { t, i18n } = useTranslation();
  const api = useTerminal();
  const service = useServiceState();
  const catalogue = useQuery('catalogue:get', {});
  const [card, setCard] = useState<MaskedCard | null>(null);
  const [view, setView] = useState<'attract' | 'catalogue'>('attract');
  const [item, setItem] = useState<CatalogueItemSummary | null>(null);
  const [receipt, setReceipt] = useState<SubmitApplicationResponse | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<PreparedForm | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [pinPad, setPinPad] = useState(adminEntry);
  const lang = i18n.language === 'en' ? 'en' : 'zh';

  useEvent('card:read', useCallback((c: MaskedCard) => {
    setCard(c);
    setView('catalogue');
  }, []));
  useEvent('session:ended', useCallback(() => {
    setCard(null);
    setItem(null);
    setReceipt(null);
    setForm(null);
    setValues({});
    setView('attract');
  }, []));

  const submit = async () => {
    if (!item) return;
    setBusy(true);
    setError(null);
    const typed = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    const r = await api.invoke('application:submit', { itemCode: item.code, form: typed });
    setBusy(false);
    if (r.ok) setReceipt(r.value);
    else setError(r.error);
  };

  const choose = async (it: CatalogueItemSummary) => {
    setItem(it);
    setForm(null);
    setValues({});
    setError(null);
    if (!card) return;
    const r = await api.invoke('form:prepare', { itemCode: it.code });
    if (r.ok) setForm(r.value);
    else setError(r.error);
  };

  const finish = () => void api.invoke('session:end', { reason: 'finished' });

  return (
    <main className="kiosk" data-testid="kiosk">
      <AdminCorner onOpen={() => setPinPad(true)} />
      {pinPad && <AdminPinPad onClose={() => setPinPad(false)} />}
      {service && !service.inService && (
        <section className="banner banner-warning" role="status" data-testid="out-of-service">
          <strong>{t('attract.outOfService')}</strong> {service.manual?.reason ?? ''} <span>{t('attract.outOfServiceHint')}</span>
        </section>
      )}
      {card && (
        <section className="card-panel" data-testid="card-panel" aria-live="polite">
          <span>{t('card.read')}：{t(`card.type_${card.cardType}`)}</span>
          <strong data-testid="card-name">{card.nameMasked}</strong>
          <span data-testid="card-id">{card.idNumberMasked}</span>
          {card.expired && <em>{t('card.expired')}</em>}
        </section>
      )}
      {view === 'attract' && !card && (
        <section className="attract" data-testid="attract">
          <h1>{t('attract.welcome')}</h1>
          <p className="lead">{t('attract.placeCard')}</p>
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={() => setView('catalogue')}>
              {t('attract.browse')}
            </button>
          </div>
        </section>
      )}
      {view === 'catalogue' && !receipt && (
        <section className="catalogue" data-testid="catalogue">
          <h2>{t('catalogue.title')}</h2>
          {catalogue.data?.fromCache && <p role="status">{t('catalogue.fromCache')}</p>}
          <ErrorNotice error={catalogue.error} />
          <div className="categories">
            {catalogue.data?.categories.map((cat) => (
              <div key={cat.code} className="category">
                <h3>{cat.name[lang]}</h3>
                <ul>
                  {cat.items.map((it) => (
                    <li key={it.code}>
                      <button type="button" className={item?.code === it.code ? 'item selected' : 'item'} data-testid={`item-${it.code}`} onClick={() => void choose(it)}>
                        {it.name[lang]}
                        <small>{t('catalogue.timeLimit', { days: it.timeLimitDays })}</small>
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
          {item && card && form && <SimpleForm form={form} values={values} onChange={(k, v) => setValues((old) => ({ ...old, [k]: v }))} />}
          {item && card && form && (
            <button type="button" className="btn btn-primary" data-testid="submit" disabled={busy || !service?.canSubmit} onClick={() => void submit()}>
              {busy ? t('submit.sending') : t('submit.action')}
            </button>
          )}
          <ErrorNotice error={error} />
          {!card && (
            <button type="button" className="btn btn-secondary" onClick={() => setView('attract')}>
              {t('catalogue.back')}
            </button>
          )}
        </section>
      )}
      {receipt && (
        <section className="receipt" data-testid="receipt" aria-live="polite">
          <h2>{receipt.acceptanceNumber ? t('submit.accepted') : t('submit.offline')}</h2>
          {receipt.acceptanceNumber ? (
            <dl>
              <dt>{t('submit.number')}</dt>
              <dd data-testid="acceptance-number">{receipt.acceptanceNumber}</dd>
              <dt>{t('submit.password')}</dt>
              <dd data-testid="query-password">{receipt.queryPassword}</dd>
            </dl>
          ) : (
            <dl>
              <dt>{t('submit.tracking')}</dt>
              <dd data-testid="tracking-code">{receipt.trackingCode}</dd>
            </dl>
          )}
          <button type="button" className="btn btn-primary" data-testid="finish" onClick={finish}>
            {t('submit.finish')}
          </button>
        </section>
      )}
    </main>
  );
}
