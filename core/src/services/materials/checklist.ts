// The per-item material checklist. The catalogue types will come from the acceptance API; until then
// this small structural type is all the checklist needs. The resident assigns pages; OCR keywords
// only suggest (e.g. 租赁合同 → 房屋租赁合同); an electronic certificate from the resource library
// satisfies a material without paper.
import { normaliseForCer } from './cer';

export interface RequiredMaterial {
  code: string;
  name: string;
  /** Pages (or copies) required; 0 means optional. */
  count: number;
  ocrKeywords: readonly string[];
  /** Certificate type in the resource library that can replace the paper, if any. */
  electronicCertificateType?: string | null;
}

/** An electronic certificate (电子证照) already held for the resident in the resource library. */
export interface ElectronicCertificate {
  id: string;
  type: string;
  name: string;
}

export type TrustLevel = 'B' | 'C';

export interface ChecklistPage {
  id: string;
  materialCode: string | null;
}

export interface MaterialCheck {
  code: string;
  name: string;
  required: number;
  pages: number;
  satisfiedBy: 'paper' | 'electronic' | null;
  electronicCertificateId: string | null;
  /** Required, and neither enough pages nor a chosen certificate. */
  missing: boolean;
}

export interface ChecklistResult {
  materials: MaterialCheck[];
  missing: string[];
  complete: boolean;
  /** Pages not yet assigned to any material. */
  unassignedPages: string[];
}

/** The card families of the reader (core/contract/schemas/card CardType). */
export type CardFamily = 'resident' | 'hmt_permit' | 'foreigner_2017' | 'foreigner_2023';

/**
 * The materials this applicant is asked for: the catalogue lists one variant per card family where they differ
 * (居民身份证 / 港澳台居民居住证 / 外国人永久居留身份证, a passport for foreigners where the item asks), and a
 * material without `cardTypes` applies to everyone. Without a card (a guest reading a guide) every variant shows.
 */
export function materialsForCard<T extends { cardTypes?: readonly string[] | undefined }>(materials: readonly T[], cardType: CardFamily | null): T[] {
  if (cardType === null) return [...materials];
  return materials.filter((m) => !m.cardTypes || m.cardTypes.includes(cardType));
}

/**
 * The item as this cardholder meets it: the materials and the form fields of their card family (a field with
 * `cardTypes`, e.g. 户籍地址, is asked only of those families). Forms, checklists and the submission's check use it.
 */
export function itemForCardFamily<T extends { materials: readonly { cardTypes?: readonly string[] | undefined }[]; fields: readonly { cardTypes?: readonly string[] | undefined }[] }>(item: T, cardType: CardFamily | null): T {
  return { ...item, materials: materialsForCard(item.materials, cardType), fields: materialsForCard(item.fields, cardType) };
}

export interface MaterialSuggestion {
  code: string;
  keyword: string;
  score: number;
}

/**
 * Smallest edit distance between `needle` and any substring of `hay` (Sellers' algorithm): lets a
 * keyword match OCR text with one misread character (房屋租赁合 + a lost 同).
 */
function substringDistance(needle: readonly string[], hay: readonly string[]): number {
  let prev = new Array<number>(hay.length + 1).fill(0);
  let curr = new Array<number>(hay.length + 1).fill(0);
  for (let i = 1; i <= needle.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= hay.length; j++) {
      const cost = needle[i - 1] === hay[j - 1] ? 0 : 1;
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return Math.min(...prev);
}

/** Best-matching material for a page's OCR text, or null. Exact keywords outrank fuzzy ones. */
export function suggestMaterial(text: string, materials: readonly RequiredMaterial[]): MaterialSuggestion | null {
  const hay = normaliseForCer(text);
  let best: MaterialSuggestion | null = null;
  for (const m of materials) {
    for (const keyword of [...m.ocrKeywords, m.name]) {
      const k = normaliseForCer(keyword);
      if (k.length < 2) continue;
      const d = substringDistance(k, hay);
      // Short keywords must match exactly (居住证 is not 居住证明); from 5 characters one error is tolerated.
      const allowed = k.length >= 5 ? 1 : 0;
      if (d > allowed) continue;
      const score = k.length - 2 * d;
      if (!best || score > best.score) best = { code: m.code, keyword, score };
    }
  }
  return best;
}

export function evaluateChecklist(
  materials: readonly RequiredMaterial[],
  pages: readonly ChecklistPage[],
  chosenCertificates: ReadonlyMap<string, ElectronicCertificate>,
): ChecklistResult {
  const checks = materials.map((m): MaterialCheck => {
    const n = pages.filter((p) => p.materialCode === m.code).length;
    const cert = chosenCertificates.get(m.code) ?? null;
    const satisfiedBy = cert ? 'electronic' : n >= Math.max(1, m.count) ? 'paper' : null;
    return {
      code: m.code,
      name: m.name,
      required: m.count,
      pages: n,
      satisfiedBy,
      electronicCertificateId: cert?.id ?? null,
      missing: m.count > 0 && satisfiedBy === null,
    };
  });
  const known = new Set(materials.map((m) => m.code));
  const missing = checks.filter((c) => c.missing).map((c) => c.code);
  return {
    materials: checks,
    missing,
    complete: missing.length === 0,
    unassignedPages: pages.filter((p) => p.materialCode === null || !known.has(p.materialCode)).map((p) => p.id),
  };
}
