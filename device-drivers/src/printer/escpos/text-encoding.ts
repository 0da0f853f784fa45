// Text to printer bytes with iconv-lite. Hand-written because node-thermal-printer encodes one character
// at a time as 'EUC-CN' and, for ¥/€/non-GBK characters, injects `ESC t n` + one byte that a Chinese-mode
// printer reads as a lead byte, swallowing the next character (reference §1.2). We encode whole strings
// and replace what the profile cannot print *before* measuring widths, so widths and bytes agree.
import iconv from 'iconv-lite';
import type { PrinterProfile } from '../profiles';

/** Characters a GBK-only printer cannot print, with a printable stand-in (GBK has full-width ￥). */
const GBK_SUBSTITUTES: Record<string, string> = { '¥': '￥', '€': 'EUR', '\u00a0': ' ' };

/**
 * Make text printable on this profile: NFC, no control characters, GBK-only printers get substitutes and
 * '?' for anything outside GBK (including characters iconv would map to a lone byte ≥ 0x80, like cp936 €).
 */
export function normalizeForProfile(text: string, profile: Pick<PrinterProfile, 'charset'>): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || cp === 0x7f) {
      if (ch === '\n') out += ch;
      continue;
    }
    if (cp < 0x80) {
      out += ch;
      continue;
    }
    if (profile.charset === 'gbk') {
      const sub = GBK_SUBSTITUTES[ch];
      if (sub !== undefined) {
        out += sub;
        continue;
      }
      const bytes = iconv.encode(ch, 'gbk');
      out += bytes.length === 2 && ch !== '?' && !(bytes[0] === 0x3f) ? ch : '?';
      continue;
    }
    // GB18030 covers all of Unicode; lone surrogates become '?'.
    out += cp >= 0xd800 && cp <= 0xdfff ? '?' : ch;
  }
  return out;
}

/** Encode already-normalised text for the profile's character set. */
export function encodeText(text: string, profile: Pick<PrinterProfile, 'charset'>): Uint8Array {
  return new Uint8Array(iconv.encode(text, profile.charset));
}

export function decodeText(bytes: Uint8Array, charset: 'gb18030' | 'gbk'): string {
  return iconv.decode(Buffer.from(bytes), charset);
}
