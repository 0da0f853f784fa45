// The service catalogue: 8 categories, searchable by name or pinyin initials on the on-screen keyboard.
import { useState } from 'react';
import { useQuery } from '@easydo/core/ui/terminal-context';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { OnScreenKeyboard } from '@easydo/core/ui/keyboard/OnScreenKeyboard';
import type { ScreenProps } from '../screen-props';
import { searchCatalogue } from '../catalogue-search';
import { useKeyboardLabels } from '../keyboard-labels';

export function CatalogueScreen({ send, lang, t, ctx }: ScreenProps) {
  const catalogue = useQuery('catalogue:get', {});
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [keyboard, setKeyboard] = useState(false);
  const labels = useKeyboardLabels(t);
  const shown = searchCatalogue(catalogue.data?.categories ?? [], query, category);
  const count = shown.reduce((n, c) => n + c.items.length, 0);
  return (
    <section className="catalogue" data-testid="catalogue">
      <h2>{t('catalogue.title')}</h2>
      {catalogue.data?.fromCache && <p role="status">{t('catalogue.fromCache')}</p>}
      <ErrorNotice error={catalogue.error} />
      <div className="search-row">
        <label className="search">
          <span>{t('catalogue.search')}</span>
          <input data-testid="catalogue-search" value={query} onChange={(e) => setQuery(e.target.value)} onFocus={() => setKeyboard(true)} inputMode="none" autoComplete="off" />
        </label>
        <button type="button" className="btn btn-secondary" data-testid="open-search-keyboard" aria-expanded={keyboard} onClick={() => setKeyboard((k) => !k)}>
          {t('catalogue.searchOpen')}
        </button>
      </div>
      {keyboard && <OnScreenKeyboard key="search" value={query} onChange={setQuery} onDone={() => setKeyboard(false)} initialLayout="latin" maxLength={40} labels={labels} />}
      <div className="chips" role="group" aria-label={t('catalogue.title')}>
        <button type="button" className="chip" aria-pressed={category === null} data-testid="category-all" onClick={() => setCategory(null)}>
          {t('catalogue.all')}
        </button>
        {catalogue.data?.categories.map((c) => (
          <button key={c.code} type="button" className="chip" aria-pressed={category === c.code} data-testid={`category-${c.code}`} onClick={() => setCategory(c.code)}>
            {c.name[lang]}
          </button>
        ))}
      </div>
      <p role="status" data-testid="result-count">
        {count === 0 && catalogue.data ? t('catalogue.noResults') : t('catalogue.results', { count })}
      </p>
      <div className="categories">
        {shown.map((cat) => (
          <div key={cat.code} className="category">
            <h3>{cat.name[lang]}</h3>
            <ul>
              {cat.items.map((it) => (
                <li key={it.code}>
                  <button type="button" className="item" data-testid={`item-${it.code}`} onClick={() => send({ type: 'SELECT_ITEM', itemCode: it.code })}>
                    {it.name[lang]}
                    <small>{t('catalogue.timeLimit', { days: it.timeLimitDays, count: it.timeLimitDays })}</small>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <div className="actions">
        <button type="button" className="btn btn-secondary" data-testid="back" onClick={() => send({ type: 'BACK' })}>
          {ctx.card ? t('common.cancel') : t('common.back')}
        </button>
      </div>
    </section>
  );
}
