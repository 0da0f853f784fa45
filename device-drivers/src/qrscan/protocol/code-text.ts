// One frame's bytes → the code as UTF-8 text, or the reason it is refused. A scanner's output is untrusted:
// invalid UTF-8 or NUL bytes are junk, and a code may not carry control characters (C0, DEL, C1) or the
// Unicode controls that reorder or hide text on screen (bidi overrides, isolates, zero-width marks), since a
// code is shown, logged as a digest and sent on. GS1's FNC1 (GS, 0x1d) is refused too: no code we read uses it.
import type { FrameRejection } from '../errors';

export type CodeCheck = { ok: true; code: string; symbology?: string } | { ok: false; reason: FrameRejection };

export interface CodeCheckOptions {
  /** Bytes the scanner is set to send before each code (stripped; a frame without them is refused). */
  prefix?: Uint8Array;
  /** The scanner sends an AIM symbology identifier (`]Q1` for QR) before the data. */
  aimId?: boolean;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// C0 + DEL + C1; bidi embeddings/overrides/isolates; zero-width and BOM; line/paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

/** AIM symbology identifiers (ISO/IEC 15424) for the symbologies a hall sees. */
const AIM_SYMBOLOGIES: Record<string, string> = { Q: 'qr', d: 'dataMatrix', L: 'pdf417', z: 'aztec', C: 'code128', E: 'ean' };

export function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

export function checkCode(frame: Uint8Array, options: CodeCheckOptions = {}): CodeCheck {
  let body = frame;
  if (options.prefix && options.prefix.length > 0) {
    if (!startsWith(body, options.prefix)) return { ok: false, reason: 'badPrefix' };
    body = body.subarray(options.prefix.length);
  }
  if (body.includes(0)) return { ok: false, reason: 'binaryJunk' };
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    return { ok: false, reason: 'binaryJunk' };
  }
  let symbology: string | undefined;
  if (options.aimId && /^\][A-Za-z][0-9A-Za-z]/.test(text)) {
    symbology = AIM_SYMBOLOGIES[text[1]!] ?? `aim:${text[1]!}`;
    text = text.slice(3);
  }
  if (text.length === 0) return { ok: false, reason: 'emptyCode' };
  if (CONTROL.test(text)) return { ok: false, reason: 'controlCharacters' };
  return symbology ? { ok: true, code: text, symbology } : { ok: true, code: text };
}
