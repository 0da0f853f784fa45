// MaterialsSession state → what the counter screen sees (thumbnails as base64, no OCR text). The page basics
// are the journey's, so kiosk and counter show a page the same way; the counter adds who checked it. The checks of
// what was read are the kiosk's (core/services/journey/material-checks), against the resident's card and the form.
import type { FormOffer, MaterialsView, MaterialPageView } from '@easydo/core/contract/schemas/counter-intake';
import type { PageChecks } from '@easydo/core/contract/schemas/journey-materials';
import type { CardFacts } from '@easydo/core/services/materials/fields/cross-check';
import { NO_CHECKS, pageChecksOf } from '@easydo/core/services/journey/material-checks';
import type { MaterialsSession, PageInfo } from '@easydo/core/services/materials/session';
import type { MaterialFieldsReport } from '@easydo/core/services/materials/fields/material-report';
import { pageBasics, thumbnailBase64 } from '@easydo/core/services/journey/materials-view';
import type { TerminalContext } from '@easydo/core/services/terminal/context';

export type CatalogueItem = Awaited<ReturnType<TerminalContext['catalogue']['item']>>;

export function pageView(p: PageInfo, fieldChecks: PageChecks = NO_CHECKS): MaterialPageView {
  return { ...pageBasics(p), trust: p.trust, thumbnail: thumbnailBase64(p), fieldChecks };
}

/** Values read off the materials for the item's form fields that the prepared form leaves empty. */
function formOffers(item: CatalogueItem, pages: readonly PageInfo[], reportOf: (code: string) => MaterialFieldsReport | null): FormOffer[] {
  const offers = new Map<string, FormOffer>();
  const fieldKeys = new Set(item.fields.map((f) => f.key));
  for (const code of [...new Set(pages.map((p) => p.materialCode).filter((c): c is string => c !== null))]) {
    const report = reportOf(code);
    for (const o of report?.prefill ?? []) {
      const pageId = report!.fields.find((f) => f.key === o.field)?.pageId;
      if (!pageId || !fieldKeys.has(o.formKey) || offers.has(o.formKey) || o.value.length > 500) continue;
      offers.set(o.formKey, { formKey: o.formKey, value: o.value, materialCode: code, pageId, confidence: o.confidence });
    }
  }
  return [...offers.values()];
}

/** What is read off the pages is checked against `card` (the resident's card facts) and `form` (as prepared). */
export function materialsView(item: CatalogueItem, session: MaterialsSession, card: CardFacts | null = null, form: Record<string, string> = {}): MaterialsView {
  const pages = session.listPages();
  const label = (key: string) => item.fields.find((f) => f.key === key)?.label ?? null;
  // One reading of each material's pages serves its checks and its offers.
  const reports = new Map<string, MaterialFieldsReport | null>();
  const reportOf = (code: string) => {
    if (!reports.has(code)) reports.set(code, session.fieldsReportNow(code, card, form));
    return reports.get(code)!;
  };
  const checks = pageChecksOf(pages, reportOf, card, form, label);
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
    pages: pages.map((p) => pageView(p, checks.get(p.id))),
    offers: formOffers(item, pages, reportOf),
    requirements,
    complete: checklist.complete,
    allVerified: pages.every((p) => p.trust.level === 'B'),
  };
}
