// Masking for anything printed or shown: ID numbers keep their first 6 and last 4 characters
// (440304********2469), names their first character (卓*). The kiosk has its own maskers in core; the driver
// CLI cannot import core (arrows point the other way), hence this small copy of the rule.
import type { IdCard } from './card';

export function maskIdNumber(value: string): string {
  const n = value.length;
  if (n >= 15) return value.slice(0, 6) + '*'.repeat(n - 10) + value.slice(-4);
  if (n >= 6) return value.slice(0, 2) + '*'.repeat(n - 4) + value.slice(-2);
  return '*'.repeat(n);
}

export function maskName(value: string): string {
  const chars = [...value];
  if (chars.length <= 1) return chars.length === 1 ? '*' : '';
  // Separators (space, comma, middle dot, hyphen) stay so the shape of the name is still recognisable.
  return chars[0] + chars.slice(1).map((c) => (/[\s,·\-.]/.test(c) ? c : '*')).join('');
}

const NAME_FIELDS = ['name', 'chineseName', 'englishName'] as const;
const NUMBER_FIELDS = ['idNumber', 'cardNumber', 'permitNumber'] as const;

/** A copy of the card with names and numbers masked and the photo and fingerprint removed. */
export function maskCard(card: IdCard): IdCard {
  const copy: Record<string, unknown> = { ...card, photo: null };
  if ('fingerprint' in card) copy.fingerprint = null;
  for (const key of NAME_FIELDS) if (typeof copy[key] === 'string') copy[key] = maskName(copy[key] as string);
  for (const key of NUMBER_FIELDS) if (typeof copy[key] === 'string') copy[key] = maskIdNumber(copy[key] as string);
  return copy as unknown as IdCard;
}
