// The shapes of personal numbers, found wherever they sit in free text: resident and foreigner ID numbers (18,
// with check digit or X), first-generation IDs (15 digits), 2017 foreigner cards (3 letters + 12 digits),
// HK/Macao permits (H/M + 8 or 10 digits), mobile phones (with +86 / 0086 / 86- / (+86), spaced or hyphenated),
// e-mail addresses. A number counts where its digits are not part of a longer digit run: letters, `_`,
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

const DIGIT_LED = [
  `${digits(17)}${SEP}[\\dx]`, // GB 11643 ID number: resident, HMT residence permit, 2023 foreigner card
  digits(15), // first-generation resident ID
  `(?:(?:\\+|00)${SEP}86${SEP}|\\(\\+?86\\)${SEP}|86${SEP})?1[3-9]${SEP}${digits(9)}`, // mobile phone
];
const LETTER_LED = [
  `[a-z]{3}${SEP}${digits(12)}`, // 2017 foreigner permanent residence card
  `[hm]${SEP}${digits(8)}(?:${SEP}${digits(2)})?`, // Mainland travel permit for HK/Macao residents
];
const NUMBER_LIKE = new RegExp(`(?:${START}(?:${DIGIT_LED.join('|')})|(?:${LETTER_LED.join('|')}))${END}`, 'g');
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
  return [...matches(NUMBER_LIKE, folded).filter((span) => !inMachineToken(span)), ...matches(EMAIL, folded)];
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
