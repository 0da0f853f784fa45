// Masking for screens and receipts. Pure: used by main (before data reaches the renderer) and by receipts.

/** 440304199604122469 -> 440304********2469 (keeps region and the last four). */
export function maskIdNumber(value: string): string {
  const v = value.trim();
  if (v.length <= 8) return '*'.repeat(v.length);
  return v.slice(0, 6) + '*'.repeat(v.length - 10 > 0 ? v.length - 10 : 0) + v.slice(-4);
}

/** 卓岚 -> 卓*, 艾克拜尔江·阿不都热合曼买买提 -> 艾************** ; JOHANNA -> J****** */
export function maskName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length === 0) return '';
  return chars[0] + chars.slice(1).map((c) => (c === '·' || c === ' ' ? c : '*')).join('');
}

/**
 * A name in Latin letters (a foreigner's card): each part keeps its first letter, separators stay, so
 * "OKAFOR, CHIDI EMMANUEL" reads "O*****, C**** E*******" — the shape the holder recognises, nothing to copy.
 */
export function maskLatinName(value: string): string {
  return value.trim().replace(/[^\s,\-.·']+/g, (part) => [...part].map((c, i) => (i === 0 ? c : '*')).join(''));
}

/** Phone numbers: 13812345678 -> 138****5678. */
export function maskPhone(value: string): string {
  const v = value.trim();
  if (v.length < 7) return '*'.repeat(v.length);
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
}
