// The worst-first list, grouped by district / street / centre, with a colour, the reasons and the silence.
import { useTranslation } from 'react-i18next';
import type { TerminalList } from './api';
import { reasonText } from './i18n';
import { silenceText } from './silence';

export interface ListProps {
  list: TerminalList;
  selected: ReadonlySet<string>;
  onToggle: (ids: string[], on: boolean) => void;
  onOpen: (id: string) => void;
}

export function TerminalListView({ list, selected, onToggle, onOpen }: ListProps) {
  const { t } = useTranslation();
  return (
    <section className="terminal-list" aria-labelledby="list-heading">
      <h2 id="list-heading">
        {t('list.heading')} <small>{t('list.total', { n: list.total })} · {t('list.counts', list.counts)}</small>
      </h2>
      {list.groups.map((g) => {
        const ids = g.terminals.map((x) => x.terminalId);
        const all = ids.every((id) => selected.has(id));
        return (
          <div key={`${g.district}/${g.street}/${g.centre}`} className={`group colour-${g.colour}`} data-testid="group">
            <h3>
              <input type="checkbox" aria-label={t('list.selectGroup')} checked={all} onChange={(e) => onToggle(ids, e.target.checked)} />
              {g.district} · {g.street} · {g.centre}
              <small>{t('list.counts', g.counts)}</small>
            </h3>
            <ul>
              {g.terminals.map((x) => (
                <li key={x.terminalId} className={`terminal colour-${x.colour}`} data-testid="terminal-row" data-terminal={x.terminalId} data-colour={x.colour}>
                  <input type="checkbox" aria-label={`${t('list.select')} ${x.terminalId}`} checked={selected.has(x.terminalId)} onChange={(e) => onToggle([x.terminalId], e.target.checked)} />
                  <span className="dot" aria-label={t(`colour.${x.colour}`)} title={t(`colour.${x.colour}`)} />
                  <button type="button" className="link" onClick={() => onOpen(x.terminalId)}>
                    {x.terminalId}
                  </button>
                  <span className="service">{t(`service.${x.service}`)}</span>
                  <span className="reasons">{x.reasons.map((r) => reasonText(t, r)).join('，')}</span>
                  <span className="silence">{silenceText(t, x.silentSeconds)}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
