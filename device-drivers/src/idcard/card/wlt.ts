// The 1024-byte WLT photo is a proprietary compressed image; only closed vendor libraries decode it
// (reference §4). The driver carries it as opaque bytes and lets the application plug a decoder in. None is
// bundled: without one the UI shows a placeholder. Decoded images, like the raw bytes, are never persisted.
import { createHash } from 'node:crypto';

export interface DecodedPhoto {
  mimeType: string; // e.g. 'image/bmp'
  width: number;
  height: number;
  bytes: Uint8Array;
}

export interface WltDecoder {
  readonly name: string;
  decode(wlt: Uint8Array): Promise<DecodedPhoto>;
}

export const WLT_BYTES = 1024;
/** Start of public sample WLT blocks ("WLf"...) [U]; good enough for synthetic photos. */
export const WLT_HEADER: Uint8Array = Uint8Array.of(0x57, 0x4c, 0x66, 0x00, 0x7e, 0x00, 0x32, 0x00, 0x00, 0xff, 0x85);

export function looksLikeWlt(bytes: Uint8Array): boolean {
  return bytes.length === WLT_BYTES && WLT_HEADER.every((b, i) => bytes[i] === b);
}

/**
 * A deterministic fake photo for a synthetic cardholder: the WLT header, then SHA-256 of "<seed>/0",
 * "<seed>/1", ... cut to 1024 bytes. This is how the fixture frames were made, so the simulator reproduces them.
 */
export function synthesizeWltPhoto(seed: string): Uint8Array {
  const out = new Uint8Array(WLT_BYTES);
  out.set(WLT_HEADER, 0);
  let at = WLT_HEADER.length;
  for (let i = 0; at < WLT_BYTES; i++) {
    const digest = createHash('sha256').update(`${seed}/${i}`, 'utf8').digest();
    const take = Math.min(digest.length, WLT_BYTES - at);
    out.set(digest.subarray(0, take), at);
    at += take;
  }
  return out;
}
