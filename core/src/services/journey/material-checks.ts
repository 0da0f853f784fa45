// What was read off the materials, checked against the card and the form (materials/fields), as the kiosk's and
// the counter's screens may see it: per page, the checks whose value was read on that page, mismatches first.
// Nothing is corrected here. Values leave main only masked by the card's rule (names: the first character;
// ID numbers and credit codes: the first 6 and the last 4); addresses, dates and other text never leave it.
import type { MaterialFieldCheck } from '@easydo/backend-client/types';
import type { PageChecks, PageFieldCheck } from '@easydo/core/contract/schemas/journey-materials';
import { hasExpectations, type CardFacts, type FieldCheck } from '../materials/fields/cross-check';
import { hasFixedFields, type MaterialFieldsReport } from '../materials/fields/material-report';
import type { PageInfo } from '../materials/session';
import type { CardRecord } from '../session/card-record';
import { maskIdNumber, maskLatinName, maskName } from '../privacy/masking';

type LocalText = { zh: string; en: string };

export const NO_CHECKS: PageChecks = { state: 'none', checks: [] };

type Form = Readonly<Record<string, string | undefined>>;

/** A form's values as the checks compare them (text; a number or a yes/no as written). */
export function formTexts(form: Readonly<Record<string, string | number | boolean>>): Record<string, string> {
  return Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]));
}

/** The card's facts a material is checked against (held in main like the card itself). */
export function cardFactsOf(card: CardRecord): CardFacts {
  return { name: card.name, idNumber: card.idNumber, birthDate: card.birthDate, ...(card.address ? { address: card.address } : {}) };
}

/** The value read, masked by the card's rule; null for what has no masked form (addresses, dates, numbers of documents). */
export function maskRead(check: Pick<FieldCheck, 'fields' | 'against' | 'read'>): string | null {
  if (!check.read) return null;
  const key = check.against === 'card.name' || check.against === 'card.idNumber' ? check.against : (check.fields[0] ?? '');
  if (/(?:idNumber|creditCode)$/u.test(key)) return maskIdNumber(check.read);
  if (/(?:name|Name)$/u.test(key)) return /^[A-Za-z]/u.test(check.read) ? maskLatinName(check.read) : maskName(check.read);
  return null;
}

const ORDER: Record<PageFieldCheck['status'], number> = { mismatch: 0, unreadable: 1, match: 2 };

export function toPageFieldCheck(check: FieldCheck, formLabel: (key: string) => LocalText | null): PageFieldCheck {
  const formKey = check.against.startsWith('form.') ? check.against.slice('form.'.length) : null;
  return { against: check.against, formLabel: formKey ? formLabel(formKey) : null, status: check.status, readMasked: maskRead(check) };
}

/**
 * Per page id, the checks of the materials its pages are filed under. `reportOf` is the session's report of one
 * material from the pages read so far (MaterialsSession.fieldsReportNow). A material with fixed fields whose
 * pages are all read and on which nothing to compare was found says so on its first page (`nothingRead`).
 */
export function pageChecksOf(
  pages: readonly Pick<PageInfo, 'id' | 'materialCode' | 'ocr'>[],
  reportOf: (materialCode: string) => MaterialFieldsReport | null,
  card: CardFacts | null,
  form: Form = {},
  formLabel: (key: string) => LocalText | null = () => null,
): Map<string, PageChecks> {
  const out = new Map<string, PageChecks>();
  const codes = new Set(pages.flatMap((p) => (p.materialCode && hasFixedFields(p.materialCode) ? [p.materialCode] : [])));
  for (const code of codes) {
    const report = reportOf(code);
    if (!report) continue;
    for (const check of report.checks) {
      if (!check.pageId) continue;
      const entry = out.get(check.pageId) ?? { state: 'checked' as const, checks: [] };
      entry.checks.push(toPageFieldCheck(check, formLabel));
      out.set(check.pageId, entry);
    }
    const mine = pages.filter((p) => p.materialCode === code);
    const settled = mine.every((p) => p.ocr === 'done' || p.ocr === 'failed' || p.ocr === 'cancelled');
    const firstRead = mine.find((p) => p.ocr === 'done');
    if (report.checks.length === 0 && settled && firstRead && hasExpectations(report.materialCode, card, form)) {
      out.set(firstRead.id, { state: 'nothingRead', checks: [] });
    }
  }
  for (const entry of out.values()) entry.checks = entry.checks.sort((a, b) => ORDER[a.status] - ORDER[b.status]).slice(0, 16);
  return out;
}

/**
 * Per material filed on paper (`codes`: the PDFs built), its checks as the submission carries them to the back
 * office: the fact compared, the page of the material's file it was read on, the outcome; never the values.
 * `pages` in the order the PDFs take them (MaterialsSession.listPages).
 */
export function submittedChecksOf(
  pages: readonly Pick<PageInfo, 'id' | 'materialCode'>[],
  reportOf: (materialCode: string) => MaterialFieldsReport | null,
  codes: readonly string[],
): Record<string, MaterialFieldCheck[]> {
  const out: Record<string, MaterialFieldCheck[]> = {};
  for (const code of codes) {
    const report = hasFixedFields(code) ? reportOf(code) : null;
    if (!report) continue;
    const mine = pages.filter((p) => p.materialCode === code).map((p) => p.id);
    const checks = report.checks
      .flatMap((c) => {
        const page = c.pageId ? mine.indexOf(c.pageId) + 1 : 0;
        return page > 0 ? [{ against: c.against, status: c.status, page }] : [];
      })
      .sort((a, b) => ORDER[a.status] - ORDER[b.status])
      .slice(0, 32);
    if (checks.length > 0) out[code] = checks;
  }
  return out;
}

/** True when a page's checks ask the person to look (a mismatch, something unreadable or nothing read). */
export const needsAttention = (c: PageChecks): boolean => c.state === 'nothingRead' || c.checks.some((x) => x.status !== 'match');
