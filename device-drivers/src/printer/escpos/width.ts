// Display width in Font A columns, as a printer in Chinese mode draws text.
// Hand-written on purpose: node-thermal-printer uses String.length, which counts a CJK character as 1
// column although it prints 2, so its leftRight/table lines overflow (reference §1.2).
import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Columns one code point takes. ASCII is 1 (12-dot cell). Everything else is sent as a GBK/GB18030
 * multi-byte character that a Chinese-mode printer draws in a 24-dot cell, so it is 2: get-east-asian-width
 * (ambiguous as wide, as GB fonts draw them) agrees for every CJK, full-width and ambiguous character; the
 * few "narrow"/"neutral" non-ASCII code points still print double-byte, hence the floor of 2.
 */
export function charColumns(codePoint: number): number {
  if (codePoint < 0x20 || codePoint === 0x7f) return 0;
  if (codePoint < 0x7f) return 1;
  return Math.max(2, eastAsianWidth(codePoint, { ambiguousAsWide: true }));
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charColumns(ch.codePointAt(0) ?? 0);
  return width;
}

/** Cut text into pieces of at most `columns` display columns; never splits a character. */
export function wrapToWidth(text: string, columns: number): string[] {
  if (columns < 2) throw new RangeError(`cannot wrap into ${columns} columns`);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let width = 0;
    for (const ch of paragraph) {
      const w = charColumns(ch.codePointAt(0) ?? 0);
      if (width + w > columns) {
        lines.push(line);
        line = '';
        width = 0;
      }
      line += ch;
      width += w;
    }
    lines.push(line);
  }
  return lines;
}

/** Truncate to at most `columns`, ending in "…" (2 columns) when something was cut. */
export function truncateToWidth(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  const ellipsis = columns >= 3 ? '…' : '';
  const room = columns - displayWidth(ellipsis);
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = charColumns(ch.codePointAt(0) ?? 0);
    if (width + w > room) break;
    out += ch;
    width += w;
  }
  return out + ellipsis;
}

export function padToWidth(text: string, columns: number, align: 'left' | 'center' | 'right'): string {
  const gap = Math.max(0, columns - displayWidth(text));
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') {
    const left = Math.floor(gap / 2);
    return ' '.repeat(left) + text + ' '.repeat(gap - left);
  }
  return text + ' '.repeat(gap);
}
