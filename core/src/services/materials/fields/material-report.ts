// One material's reading, as the kiosk would show it to the resident and the counter to the clerk: the key
// fields from all its pages (first page that has a field wins), their checks against the card and the form,
// prefill offers for empty form fields and the low-confidence boxes per page. Materials without fixed fields
// (catalogue codes other than these five) get no report.
import type { OcrBox, OcrLine } from '../ocr-pool';
import { crossCheck, lowConfidenceRegions, prefillOffers, type CardFacts, type FieldCheck, type PrefillOffer } from './cross-check';
import { extractFields, type ExtractedField, type FieldMaterial } from './extract';

const FIELD_MATERIALS: readonly FieldMaterial[] = ['ID_CARD', 'HUKOU', 'BUSINESS_LICENCE', 'LEASE', 'MARRIAGE'];

export interface MaterialFieldsReport {
  materialCode: FieldMaterial;
  fields: (ExtractedField & { pageId: string })[];
  checks: (FieldCheck & { pageId: string | null })[];
  prefill: PrefillOffer[];
  lowConfidence: { pageId: string; bbox: OcrBox; confidence: number }[];
  /** True when any check is a mismatch or unreadable: shown to the resident, flagged for the clerk. */
  needsAttention: boolean;
}

export const hasFixedFields = (code: string): code is FieldMaterial => (FIELD_MATERIALS as readonly string[]).includes(code);

export function materialFieldsReport(
  materialCode: string,
  pages: readonly { pageId: string; lines: readonly OcrLine[] }[],
  card: CardFacts | null,
  form: Readonly<Record<string, string | undefined>> = {},
): MaterialFieldsReport | null {
  if (!hasFixedFields(materialCode)) return null;
  const fields = new Map<string, ExtractedField & { pageId: string }>();
  for (const page of pages) for (const f of extractFields(materialCode, page.lines)) if (!fields.has(f.key)) fields.set(f.key, { ...f, pageId: page.pageId });
  const all = [...fields.values()];
  const pageOf = (keys: string[]): string | null => all.find((f) => keys.includes(f.key))?.pageId ?? null;
  const checks = crossCheck(materialCode, all, card, form).map((c) => ({ ...c, pageId: pageOf(c.fields) }));
  return {
    materialCode,
    fields: all,
    checks,
    prefill: prefillOffers(materialCode, all, form),
    // The text stays out of this list: the clerk looks at the image region itself.
    lowConfidence: pages.flatMap((p) => lowConfidenceRegions(p.lines).map((r) => ({ pageId: p.pageId, bbox: r.bbox, confidence: r.confidence }))),
    needsAttention: checks.some((c) => c.status !== 'match'),
  };
}
