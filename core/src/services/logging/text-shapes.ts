// The shapes of personal numbers, found wherever they sit in free text: resident and foreigner ID numbers (18,
// with check digit or X), first-generation IDs (15 digits), 2017 foreigner cards (3 letters + 12 digits),
// HK/Macao permits (H/M + 8 or 10 digits), mobile phones (with +86 / 0086 / 86- / (+86), spaced or hyphenated),
// landlines (area code and local number, however bracketed), Luhn-valid bank card numbers, e-mail addresses. A number counts where its digits are not part of a longer digit run: letters, `_`,
// punctuation and quotes may touch it. Single spaces, hyphens and `+` (a space in a query string) may sit between
// its digits. Matching runs on the folded text (fold.ts), so full-width digits, odd spaces and percent-escaped
// characters are the same shapes as plain ones.
// Matches inside UUIDs and hex digests are not numbers (see MACHINE_TOKEN).
import { foldMapped, replaceFolded } from './fold';

/** Between two digits of one number: nothing, or one space / hyphen / `+` (form-encoded space). */
const SEP = '[ \\t+-]?';
/** Not inside a longer digit run. */
const START = '(?<!\\d)';
const END = '(?!\\d)';
const digits = (n: number) => `\\d(?:${SEP}\\d){${n - 1}}`;

/**
 * Landlines: area code (010, 02x, or three digits after the 0; the 0 dropped after +86), then a 7- or 8-digit
 * local number: 0755-8888 6666, (0755)88886666, +86 755 8888 6666, +86 (0)755 88886666, 010-62345678.
 */
const AREA = '(?:10|2\\d|[3-9]\\d{2})';
/** +86, 0086, (+86), or a bare 86 with a separator after it (without one, `8620…` is as likely a byte count). */
const COUNTRY = `(?:(?:(?:\\+|00)${SEP}86|\\(\\+?86\\))${SEP}|86[ \\t-])`;
const LANDLINE = `(?:${COUNTRY}(?:\\(0\\)${SEP})?\\(?0?${AREA}\\)?|\\(?0${AREA}\\)?)${SEP}[2-9](?:${SEP}\\d){6,7}`;
const DIGIT_LED = [
  `${digits(17)}${SEP}[\\dx]`, // GB 11643 ID number: resident, HMT residence permit, 2023 foreigner card
  digits(15), // first-generation resident ID
  `(?:(?:\\+|00)${SEP}86${SEP}|\\(\\+?86\\)${SEP}|86${SEP})?1[3-9]${SEP}${digits(9)}`, // mobile phone
  LANDLINE,
];
const LETTER_LED = [
  `[a-z]{3}${SEP}${digits(12)}`, // 2017 foreigner permanent residence card
  `[hm]${SEP}${digits(8)}(?:${SEP}${digits(2)})?`, // Mainland travel permit for HK/Macao residents
];
const NUMBER_LIKE = new RegExp(`(?:${START}(?:${DIGIT_LED.join('|')})|(?:${LETTER_LED.join('|')}))${END}`, 'g');
/** Digits joined by at most one separator each: where a bank card number is looked for. */
const DIGIT_RUN = new RegExp(`${START}\\d(?:${SEP}\\d)*${END}`, 'g');
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/g;
/**
 * Machine tokens whose digit groups could line up like a number (`…-a716-446655440000` holds 15 digits joined by a
 * hyphen): UUIDs and bare MD5/SHA-1/SHA-256 hex digests. Nobody writes a person's number in these layouts.
 */
const MACHINE_TOKEN = /(?<![0-9a-z])(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{32})(?![0-9a-z])/g;

export const REDACTED = '[redacted]';

/** Spans (start, end) of personal numbers and addresses in `folded` (the text of foldMapped()). */
export function shapeSpans(folded: string): Array<[number, number]> {
  const machine = matches(MACHINE_TOKEN, folded);
  const inMachineToken = ([s, e]: [number, number]) => machine.some(([ms, me]) => s >= ms && e <= me);
  return [...[...matches(NUMBER_LIKE, folded), ...bankCards(folded)].filter((span) => !inMachineToken(span)), ...matches(EMAIL, folded)];
}

/**
 * Bank card numbers: 16 to 19 digits that pass the Luhn check and start as issuers' numbers do (UnionPay 62,
 * Visa 4, Mastercard 5 and 2221-2720 at 16 digits, JCB 3). Found inside any run of digits and separators, between
 * group boundaries: `6222 0212 3456 7890` in `card 6222 0212 3456 7890 12`. Epoch timestamps in µs (16 digits)
 * and ns (19) start with 1 until 2033 and with 20-22 until 2040, so none is a card.
 */
function bankCards(folded: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const run of folded.matchAll(DIGIT_RUN)) {
    const s = run.index;
    const e = s + run[0].length;
    const at: number[] = [];
    for (let i = s; i < e; i++) if (folded[i]! >= '0' && folded[i]! <= '9') at.push(i);
    const groupStart = (k: number) => k === 0 || at[k]! - at[k - 1]! > 1;
    const groupEnd = (k: number) => k === at.length - 1 || at[k + 1]! - at[k]! > 1;
    for (let k = 0; k < at.length; k++) {
      const first = folded[at[k]!]!;
      if (!groupStart(k) || first < '2' || first > '6') continue;
      const series2 = first === '2';
      if (series2 && !isMastercard2(at.slice(k, k + 4).map((i) => folded[i]).join(''))) continue;
      for (let m = k + 15; m < Math.min(at.length, series2 ? k + 16 : k + 19); m++) {
        if (groupEnd(m) && luhn(at.slice(k, m + 1).map((i) => folded.charCodeAt(i) - 48))) out.push([at[k]!, at[m]! + 1]);
      }
    }
  }
  return out;
}

/** Mastercard's 2-series: 2221-2720, 16 digits. */
const isMastercard2 = (first4: string) => first4.length === 4 && Number(first4) >= 2221 && Number(first4) <= 2720;

function luhn(digits: number[]): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    const d = double ? digits[i]! * 2 : digits[i]!;
    sum += d > 9 ? d - 9 : d;
  }
  return sum % 10 === 0;
}

/**
 * Every match at every start, overlapping ones included: in `abc4403 0419 9604 1224 69` the leftmost match is a
 * foreigner-card shape that ends mid-ID; the ID that starts one letter later must be found as well.
 */
function matches(re: RegExp, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, m.index + m[0].length]);
    re.lastIndex = m.index + 1;
  }
  return out;
}

export function scrubShapes(text: string): string {
  const folded = foldMapped(text);
  return replaceFolded(text, folded, shapeSpans(folded.text), REDACTED);
}
