// What was read, checked against what the terminal already knows: the card in the reader and the form as filled.
// A difference is reported (for the resident's screen and the clerk's verification), never corrected; a form
// field still empty is offered the value read, with where it came from; boxes the OCR was unsure of are listed
// for the clerk to look at. Pure functions: the caller holds the data inside the session's privacy rules.
import type { OcrBox, OcrLine } from '../ocr-pool';
import { compact } from './codes';
import type { ExtractedField, FieldMaterial } from './extract';

export interface CardFacts {
  name: string;
  idNumber: string;
  address?: string;
  /** YYYYMMDD as the card stores it, or YYYY-MM-DD. */
  birthDate?: string;
}

export type FieldCheckStatus = 'match' | 'mismatch' | 'unreadable';

export interface FieldCheck {
  /** The extracted field (or fields, for "either party") the check looked at. */
  fields: string[];
  against: 'card.name' | 'card.idNumber' | 'card.address' | 'card.birthDate' | `form.${string}`;
  status: FieldCheckStatus;
  /** The value read that the verdict rests on (the closest one when several were candidates). */
  read: string | null;
  expected: string;
  bbox: OcrBox | null;
}

export interface PrefillOffer {
  formKey: string;
  value: string;
  field: string;
  confidence: number;
  bbox: OcrBox;
}

type CardKey = keyof CardFacts;

/** Which fields must be the cardholder's: any one of a group (a lease's cardholder is one of its parties). */
const CARD_RULES: Record<FieldMaterial, { card: CardKey; anyOf: string[] }[]> = {
  ID_CARD: [
    { card: 'name', anyOf: ['name'] },
    { card: 'idNumber', anyOf: ['idNumber'] },
    { card: 'birthDate', anyOf: ['birthDate'] },
    { card: 'address', anyOf: ['address'] },
  ],
  HUKOU: [
    { card: 'name', anyOf: ['name'] },
    { card: 'idNumber', anyOf: ['idNumber'] },
  ],
  BUSINESS_LICENCE: [],
  LEASE: [
    { card: 'name', anyOf: ['lessee.name', 'lessor.name'] },
    { card: 'idNumber', anyOf: ['lessee.idNumber', 'lessor.idNumber'] },
  ],
  MARRIAGE: [
    { card: 'name', anyOf: ['party1.name', 'party2.name'] },
    { card: 'idNumber', anyOf: ['party1.idNumber', 'party2.idNumber'] },
  ],
};

/** Form keys (the catalogue's) a field of the material fills or must agree with. */
const FORM_KEYS: Record<FieldMaterial, Record<string, string[]>> = {
  ID_CARD: { name: ['applicantName'], idNumber: ['applicantIdNumber'], address: ['cardAddress'] },
  HUKOU: { address: ['householdAddress'] },
  BUSINESS_LICENCE: { creditCode: ['creditCode'], entityName: ['companyName'] },
  LEASE: { contractNumber: ['rentalContractNumber'], address: ['rentalAddress', 'residenceAddress'], 'leasePeriod.start': ['rentalStart'], 'leasePeriod.end': ['rentalEnd'] },
  MARRIAGE: {},
};

const norm = (s: string): string => compact(s).replace(/[•・]/gu, '·').toUpperCase();
const isoDate = (s: string): string => (/^\d{8}$/u.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}` : s);

/** Addresses agree when one is the other with the province/city left off (a contract rarely writes 广东省). */
function sameAddress(a: string, b: string): boolean {
  const [x, y] = [norm(a), norm(b)];
  return x === y || ((x.endsWith(y) || y.endsWith(x)) && Math.min(x.length, y.length) >= 8);
}

function agrees(kind: string, read: string, expected: string): boolean {
  if (kind.endsWith('address') || kind.endsWith('Address')) return sameAddress(read, expected);
  if (kind.endsWith('birthDate')) return isoDate(read) === isoDate(expected);
  return norm(read) === norm(expected);
}

/** A lease period as read ("2026-09-01/2027-08-31") gives two form values. */
function fieldValues(fields: readonly ExtractedField[]): Map<string, ExtractedField> {
  const out = new Map<string, ExtractedField>();
  for (const f of fields) {
    out.set(f.key, f);
    if (f.key === 'leasePeriod' && f.valid) {
      const [start, end] = f.value.split('/');
      out.set('leasePeriod.start', { ...f, key: 'leasePeriod.start', value: start! });
      out.set('leasePeriod.end', { ...f, key: 'leasePeriod.end', value: end! });
    }
  }
  return out;
}

function verdict(candidates: ExtractedField[], against: FieldCheck['against'], expected: string): FieldCheck {
  const fields = candidates.map((c) => c.key);
  // A number that fails its check rule was misread: it proves neither a match nor a mismatch.
  const readable = candidates.filter((c) => c.valid !== false);
  if (readable.length === 0) return { fields, against, status: 'unreadable', read: candidates[0]?.value ?? null, expected, bbox: candidates[0]?.bbox ?? null };
  const hit = readable.find((c) => agrees(against, c.value, expected));
  const shown = hit ?? readable[0]!;
  return { fields, against, status: hit ? 'match' : 'mismatch', read: shown.value, expected, bbox: shown.bbox };
}

/** Checks the fields read against the card and the form's filled values. Absent expectations are not checked. */
export function crossCheck(
  material: FieldMaterial,
  fields: readonly ExtractedField[],
  card: CardFacts | null,
  form: Readonly<Record<string, string | undefined>> = {},
): FieldCheck[] {
  const byKey = fieldValues(fields);
  const checks: FieldCheck[] = [];
  for (const rule of card ? CARD_RULES[material] : []) {
    const expected = card![rule.card];
    if (!expected) continue;
    const candidates = rule.anyOf.flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : []));
    if (candidates.length) checks.push(verdict(candidates, `card.${rule.card}`, expected));
  }
  for (const [key, formKeys] of Object.entries(FORM_KEYS[material])) {
    const field = byKey.get(key);
    for (const formKey of formKeys) {
      const expected = form[formKey];
      if (!field || !expected?.trim()) continue;
      // A form value that is the card's (applicantName prefilled from it) was compared with the card already.
      const againstCard = checks.some((c) => c.against.startsWith('card.') && c.fields.includes(key) && norm(c.expected) === norm(expected));
      if (!againstCard) checks.push(verdict([field], `form.${formKey}`, expected));
    }
  }
  return checks;
}

/** Whether crossCheck would have anything to compare on this material if its fields were read (card or form values). */
export function hasExpectations(material: FieldMaterial, card: CardFacts | null, form: Readonly<Record<string, string | undefined>> = {}): boolean {
  if (card && CARD_RULES[material].some((rule) => !!card[rule.card])) return true;
  return Object.values(FORM_KEYS[material]).some((keys) => keys.some((k) => !!form[k]?.trim()));
}

/** Values for form fields that have none yet: only readable values at or above `minConfidence`. */
export function prefillOffers(
  material: FieldMaterial,
  fields: readonly ExtractedField[],
  form: Readonly<Record<string, string | undefined>>,
  minConfidence = 85,
): PrefillOffer[] {
  const byKey = fieldValues(fields);
  const offers: PrefillOffer[] = [];
  for (const [key, formKeys] of Object.entries(FORM_KEYS[material])) {
    const f = byKey.get(key);
    if (!f || f.valid === false || f.confidence < minConfidence) continue;
    for (const formKey of formKeys) {
      if (!form[formKey]?.trim()) offers.push({ formKey, value: f.value, field: key, confidence: f.confidence, bbox: f.bbox });
    }
  }
  return offers;
}

/** Boxes the OCR read with confidence below `threshold` (0–100), for the clerk to compare with the paper. */
export function lowConfidenceRegions(lines: readonly OcrLine[], threshold = 80): { bbox: OcrBox; confidence: number; text: string }[] {
  return lines.filter((l) => l.confidence < threshold).map((l) => ({ bbox: l.bbox, confidence: l.confidence, text: l.text }));
}
