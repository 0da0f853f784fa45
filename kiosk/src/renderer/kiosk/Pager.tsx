// Lists page instead of scrolling (a kiosk page never scrolls): 上一页 / 第 n 页，共 m 页 / 下一页, big buttons.
import type { TFunction } from 'i18next';
import { ChevronLeft, ChevronRight } from 'lucide-react';

export function Pager({ page, pages, onPage, t }: { page: number; pages: number; onPage(page: number): void; t: TFunction<'journey'> }) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('frame:pager.page', { n: page + 1, total: pages })} data-testid="pager">
      <button type="button" className="btn btn-secondary" data-testid="page-prev" disabled={page === 0} onClick={() => onPage(page - 1)}>
        <ChevronLeft aria-hidden="true" className="icon" />
        <span>{t('frame:pager.prev')}</span>
      </button>
      <span className="pager-where" data-testid="page-where" aria-live="polite">
        {t('frame:pager.page', { n: page + 1, total: pages })}
      </span>
      <button type="button" className="btn btn-secondary" data-testid="page-next" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        <span>{t('frame:pager.next')}</span>
        <ChevronRight aria-hidden="true" className="icon" />
      </button>
    </nav>
  );
}
