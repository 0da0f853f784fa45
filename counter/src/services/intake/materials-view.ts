// MaterialsSession state → what the counter screen sees (thumbnails as base64, no OCR text). The page basics
// are the journey's, so kiosk and counter show a page the same way; the counter adds who checked it.
import type { MaterialsView, MaterialPageView } from '@easydo/core/contract/schemas/counter-intake';
import type { MaterialsSession, PageInfo } from '@easydo/core/services/materials/session';
import { pageBasics, thumbnailBase64 } from '@easydo/core/services/journey/materials-view';
import type { TerminalContext } from '@easydo/core/services/terminal/context';

export type CatalogueItem = Awaited<ReturnType<TerminalContext['catalogue']['item']>>;

export function pageView(p: PageInfo): MaterialPageView {
  return { ...pageBasics(p), trust: p.trust, thumbnail: thumbnailBase64(p) };
}

export function materialsView(item: CatalogueItem, session: MaterialsSession): MaterialsView {
  const pages = session.listPages();
  const checklist = session.checklist();
  const requirements = item.materials.map((m) => {
    const mine = pages.filter((p) => p.materialCode === m.code);
    const check = checklist.materials.find((c) => c.code === m.code);
    return {
      code: m.code,
      name: m.name,
      required: m.count,
      originalsRequired: m.originalsRequired,
      pages: mine.length,
      verifiedPages: mine.filter((p) => p.trust.level === 'B').length,
      missing: check?.missing ?? true,
    };
  });
  return {
    itemCode: item.code,
    pages: pages.map(pageView),
    requirements,
    complete: checklist.complete,
    allVerified: pages.every((p) => p.trust.level === 'B'),
  };
}
