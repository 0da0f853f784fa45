// The one masking rule for names and card numbers on screens, receipts and the CLI: core re-exports these
// (core/src/services/privacy/masking.ts), since the driver is the bottom of the house and imports nothing
// of ours. The rule shows what lets the holder recognise their own record and nothing an onlooker could use:
//   numbers of 15+ characters (every card number): the region code (first 6) and the last 4,
//     440304199604122469 -> 440304********2469;
//   8 to 14 characters (passports, travel permits): the first 2 and the last 2, never more than half,
//     12345678 -> 12****78;
//   shorter: nothing (4 of 6 or 7 characters would be most of the number).
//   names: the first character, separators kept (卓岚 -> 卓*, 阿依古丽·努尔兰 -> 阿***·***); a one-character
//     name is the whole name, so it shows nothing (卓 -> *).
import type { IdCard } from './card';

export function maskIdNumber(value: string): string {
  const v = value.trim();
  const n = v.length;
  if (n >= 15) return v.slice(0, 6) + '*'.repeat(n - 10) + v.slice(-4);
  if (n >= 8) return v.slice(0, 2) + '*'.repeat(n - 4) + v.slice(-2);
  return '*'.repeat(n);
}

const SEPARATOR = /[\s,·\-.]/;

export function maskName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length <= 1) return '*'.repeat(chars.length);
  // Separators (space, comma, middle dot, hyphen, period) stay so the shape of the name is still recognisable.
  return chars[0] + chars.slice(1).map((c) => (SEPARATOR.test(c) ? c : '*')).join('');
}

/**
 * A name in Latin letters (a foreigner's card): each part keeps its first letter, separators stay, so
 * "OKAFOR, CHIDI EMMANUEL" reads "O*****, C**** E*******" — the shape the holder recognises, nothing to copy.
 */
export function maskLatinName(value: string): string {
  return value.trim().replace(/[^\s,\-.·']+/g, (part) => [...part].map((c, i) => (i === 0 ? c : '*')).join(''));
}

const NAME_FIELDS = ['name', 'chineseName'] as const;
const LATIN_NAME_FIELDS = ['englishName'] as const;
const NUMBER_FIELDS = ['idNumber', 'cardNumber', 'permitNumber'] as const;

/** A copy of the card with names and numbers masked and the photo and fingerprint removed. */
export function maskCard(card: IdCard): IdCard {
  const copy: Record<string, unknown> = { ...card, photo: null };
  if ('fingerprint' in card) copy.fingerprint = null;
  for (const key of NAME_FIELDS) if (typeof copy[key] === 'string') copy[key] = maskName(copy[key] as string);
  for (const key of LATIN_NAME_FIELDS) if (typeof copy[key] === 'string') copy[key] = maskLatinName(copy[key] as string);
  for (const key of NUMBER_FIELDS) if (typeof copy[key] === 'string') copy[key] = maskIdNumber(copy[key] as string);
  return copy as unknown as IdCard;
}
