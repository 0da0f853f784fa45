// MaterialsSession state → what the contract lets the screen see: thumbnails as base64, no OCR text,
// certificate numbers masked, material names in both languages from the catalogue item. The counter's
// materials view (counter/src/services/intake) builds its pages from the same basics.
import type { CatalogueItem, ElectronicCertificate as LibraryCertificate } from '@easydo/backend-client/types';
import type { ChecklistView, MaterialsState, PageChecks, PageSummary, PageView } from '@easydo/core/contract/schemas/journey-materials';
import type { ChecklistResult, ElectronicCertificate, RequiredMaterial } from '../materials/checklist';
import type { PageInfo } from '../materials/session';
import { NO_CHECKS } from './material-checks';

export interface SessionCertificate extends ElectronicCertificate {
  numberMasked: string;
  issuer: string;
  validTo: string | null;
}

/** Keeps the last four characters: enough to recognise one's own certificate, not to copy it. */
export function maskCertificateNumber(n: string): string {
  return n.length <= 4 ? '*'.repeat(n.length) : '*'.repeat(Math.min(8, n.length - 4)) + n.slice(-4);
}

export function requiredMaterialsOf(item: CatalogueItem): RequiredMaterial[] {
  return item.materials.map((m) => ({
    code: m.code,
    name: m.name.zh,
    count: m.count,
    ocrKeywords: m.ocrKeywords,
    electronicCertificateType: m.electronicCertificateType,
  }));
}

/** Library certificates get opaque per-session ids; the numbers stay in main. */
export function sessionCertificates(list: readonly LibraryCertificate[]): SessionCertificate[] {
  return list.map((c, i) => ({
    id: `ec-${i + 1}`,
    type: c.type,
    name: c.type,
    numberMasked: maskCertificateNumber(c.number),
    issuer: c.issuer,
    validTo: c.validTo ?? null,
  }));
}

/** What any screen (kiosk or counter) may see of a page besides its trust and thumbnail. */
export function pageBasics(p: PageInfo): Pick<PageInfo, 'id' | 'source' | 'materialCode' | 'suggestedCode' | 'ocr'> {
  return { id: p.id, source: p.source, materialCode: p.materialCode, suggestedCode: p.suggestedCode, ocr: p.ocr };
}

/** The page's small JPEG as base64 (no data: prefix). */
export function thumbnailBase64(p: PageInfo): string {
  return Buffer.from(p.thumbnail).toString('base64');
}

export function toPageSummary(p: PageInfo): PageSummary {
  return { ...pageBasics(p), progress: p.progress, trust: p.trust.level };
}

export function toPageView(p: PageInfo, fieldChecks: PageChecks = NO_CHECKS): PageView {
  return { ...toPageSummary(p), thumbnailBase64: thumbnailBase64(p), fieldChecks };
}

export function toChecklistView(item: CatalogueItem, c: ChecklistResult): ChecklistView {
  return {
    materials: c.materials.map((m) => {
      const def = item.materials.find((x) => x.code === m.code);
      return {
        code: m.code,
        name: def?.name ?? { zh: m.name, en: m.name },
        required: m.required,
        pages: m.pages,
        originalsRequired: def?.originalsRequired ?? false,
        electronicCertificateType: def?.electronicCertificateType ?? null,
        satisfiedBy: m.satisfiedBy,
        electronicCertificateId: m.electronicCertificateId,
        missing: m.missing,
      };
    }),
    missing: c.missing,
    complete: c.complete,
    unassignedPages: c.unassignedPages,
  };
}

export function toMaterialsState(
  item: CatalogueItem,
  checklist: ChecklistResult,
  pages: PageInfo[],
  certs: SessionCertificate[],
  checks: ReadonlyMap<string, PageChecks> = new Map(),
): MaterialsState {
  return {
    itemCode: item.code,
    checklist: toChecklistView(item, checklist),
    pages: pages.map((p) => toPageView(p, checks.get(p.id))),
    certificates: certs.map(({ id, type, name, numberMasked, issuer, validTo }) => ({ id, type, name, numberMasked, issuer, validTo })),
  };
}
