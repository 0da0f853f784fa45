// The service catalogue: 8 categories as tiles, the items of the choice (or of a search by name or pinyin initials
// on the on-screen keyboard) as big tiles with icon, name and promised time, paged to fit the display.
import { useEffect, useState } from 'react';
import { Clock, Keyboard, SearchX } from 'lucide-react';
import { useQuery } from '@easydo/core/ui/terminal-context';
import { ErrorNotice } from '@easydo/core/ui/ErrorNotice';
import { OnScreenKeyboard } from '@easydo/core/ui/keyboard/OnScreenKeyboard';
import { StateScreen } from '@easydo/core/ui/StateScreen';
import type { ScreenProps } from '../screen-props';
import { searchCatalogue } from '../catalogue-search';
import { useKeyboardLabels } from '../keyboard-labels';
import { AllIcon, categoryIcon } from '../catalogue-icons';
import { tilesPerPage, useLayout } from '../use-layout';
import { Pager } from '../Pager';
import { BackButton } from '../BackButton';

export function CatalogueScreen({ send, lang, t, ctx }: ScreenProps) {
  const catalogue = useQuery('catalogue:get', {});
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [keyboard, setKeyboard] = useState(false);
  const [page, setPage] = useState(0);
  const labels = useKeyboardLabels(t);
  const layout = useLayout();
  const shown = searchCatalogue(catalogue.data?.categories ?? [], query, category);
  const items = shown.flatMap((c) => c.items.map((item) => ({ item, categoryCode: c.code })));
  const perPage = tilesPerPage(layout, keyboard);
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  // A new search, category or page size starts from the first page.
  useEffect(() => setPage(0), [query, category, perPage]);
  const onPage = items.slice(page * perPage, (page + 1) * perPage);
  return (
    <section className="catalogue" data-testid="catalogue" data-keyboard={keyboard}>
      <h2>{t('catalogue.title')}</h2>
      {catalogue.data?.fromCache && <p role="status" className="banner banner-warning">{t('catalogue.fromCache')}</p>}
      <ErrorNotice error={catalogue.error} />
      <div className="catalogue-body">
        <div className="catalogue-choose">
          <div className="search-row">
            <label className="search">
              <span>{t('catalogue.search')}</span>
              <input data-testid="catalogue-search" value={query} onChange={(e) => setQuery(e.target.value)} onFocus={() => setKeyboard(true)} inputMode="none" autoComplete="off" />
            </label>
            <button type="button" className="btn btn-secondary" data-testid="open-search-keyboard" aria-expanded={keyboard} onClick={() => setKeyboard((k) => !k)}>
              <Keyboard aria-hidden="true" className="icon" />
              <span>{t('catalogue.searchOpen')}</span>
            </button>
          </div>
          {keyboard && <OnScreenKeyboard key="search" value={query} onChange={setQuery} onDone={() => setKeyboard(false)} initialLayout="latin" maxLength={40} labels={labels} />}
          {!keyboard && (
            <div className="category-tiles" role="group" aria-label={t('catalogue.title')}>
              <button type="button" className="category-tile" aria-pressed={category === null} data-testid="category-all" onClick={() => setCategory(null)}>
                <AllIcon aria-hidden="true" className="icon" />
                <span>{t('catalogue.all')}</span>
              </button>
              {catalogue.data?.categories.map((c) => {
                const Icon = categoryIcon(c.code);
                return (
                  <button key={c.code} type="button" className="category-tile" aria-pressed={category === c.code} data-testid={`category-${c.code}`} onClick={() => setCategory(c.code)}>
                    <Icon aria-hidden="true" className="icon" />
                    <span>{c.name[lang]}</span>
                  </button>
                );
              })}
            </div>
          )}
        </div>
        <div className="catalogue-items">
          {items.length === 0 && catalogue.data && query.trim() !== '' ? (
            // Not spoken on arrival: it would talk at every letter typed; 朗读本页 reads it.
            <StateScreen
              testId="no-results"
              title={t('catalogue.noResultsFor', { query: query.trim() })}
              steps={[t('catalogue.noResultsSpelling'), t('catalogue.noResultsBrowse'), t('catalogue.noResultsAsk')]}
              art={<SearchX aria-hidden="true" className="icon state-icon" />}
              actions={
                <button type="button" className="btn btn-primary" data-testid="clear-search" onClick={() => { setQuery(''); setKeyboard(false); setCategory(null); }}>
                  {t('catalogue.clearSearch')}
                </button>
              }
            />
          ) : (
            <p role="status" data-testid="result-count" className={items.length === 0 && catalogue.data ? 'banner banner-warning' : 'hint'}>
              {/* Until the list is in, no count: "0 found" would tell the resident there is nothing to do here. */}
              {!catalogue.data ? (catalogue.error ? '' : t('catalogue.loading')) : items.length === 0 ? t('catalogue.noResults') : t('catalogue.results', { count: items.length })}
            </p>
          )}
          <ul className="item-tiles" data-testid="item-tiles">
            {onPage.map(({ item, categoryCode }) => {
              const Icon = categoryIcon(categoryCode);
              return (
                <li key={item.code}>
                  <button type="button" className="item" data-testid={`item-${item.code}`} onClick={() => send({ type: 'SELECT_ITEM', itemCode: item.code })}>
                    <Icon aria-hidden="true" className="icon" />
                    <span className="item-name">{item.name[lang]}</span>
                    <span className="item-promise">
                      <Clock aria-hidden="true" className="icon" />
                      {item.timeLimitDays === 0 ? t('frame:promiseNow') : t('frame:promise', { days: item.timeLimitDays, count: item.timeLimitDays })}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          <Pager page={page} pages={pages} onPage={setPage} t={t} />
        </div>
      </div>
      {/* With a card placed, 结束办理 in the bottom bar is the way out; a guest goes back to the start. */}
      {!ctx.card && (
        <div className="actions">
          <BackButton send={send} t={t} />
        </div>
      )}
    </section>
  );
}
