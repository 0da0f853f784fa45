// GB 11643-1999 MOD 11-2 check character (reference §5). Used for resident and HMT-permit ID numbers and the
// 2023 foreigner card number; the 2017 foreigner number has no documented check rule.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits, or null if they are not 17 ASCII digits. */
export function gb11643CheckChar(body: string): string | null {
  if (!/^\d{17}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** True when `id` is 17 digits plus the right check character (x accepted for X). */
export function isValidGb11643(id: string): boolean {
  if (id.length !== 18) return false;
  const expected = gb11643CheckChar(id.slice(0, 17));
  return expected !== null && expected === id[17]!.toUpperCase();
}
