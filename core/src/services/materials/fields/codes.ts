// Check rules for the numbers read off a material, so a misread digit shows as "unreadable", never as a
// different person or company: GB 11643 (citizen ID number, shared with the card reader) and GB 32100 (统一社会
// 信用代码). Dates are read in the forms printed on Chinese documents.
export { isValidGb11643 } from '@easydo/device-drivers/idcard/card/check-digit';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'; // 31 characters: no I, O, S, V, Z
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 32100-2015: 18 characters from the code set, the last being the MOD 31 check character. */
export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NP-RT-UW-Y]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(code[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31] === code[17];
}

/** Full-width digits/letters to ASCII, spaces out: OCR of a printed number. */
export const compact = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '');

/** 2026年9月1日 / 2026.09.01 / 2026-9-1 / 20260901 → 2026-09-01, or null when not a calendar date. */
export function parseDate(text: string): string | null {
  const m = /(\d{4})\s*(?:年|[.\-/])\s*(\d{1,2})\s*(?:月|[.\-/])\s*(\d{1,2})\s*日?/u.exec(compact(text)) ?? /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/u.exec(compact(text));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
