// The master PNG's resolution (pHYs chunk, PNG spec §11.3.5.3) written here, because sharp writes a density only
// through withMetadata(), which also converts to sRGB and so turns a one-channel grey page into three identical
// channels (three times the encoding, every reader's decoding and memory, and the OCR's line sampling).
import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IHDR_END = 8 + 4 + 4 + 13 + 4; // signature, then IHDR's length, type, 13 data bytes, CRC

/** `png` with a pHYs chunk saying `dpi` (as pixels per metre) right after IHDR; any pHYs it had is replaced. */
export function withPngDensity(png: Uint8Array, dpi: number): Buffer {
  const src = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (src.length < IHDR_END || !src.subarray(0, 8).equals(SIGNATURE) || src.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  const perMetre = Math.round(dpi / 0.0254);
  const chunk = Buffer.alloc(4 + 4 + 9 + 4);
  chunk.writeUInt32BE(9, 0);
  chunk.write('pHYs', 4, 'latin1');
  chunk.writeUInt32BE(perMetre, 8);
  chunk.writeUInt32BE(perMetre, 12);
  chunk.writeUInt8(1, 16); // unit: metre
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 17)), 17);
  const rest: Buffer[] = [];
  for (let at = IHDR_END; at + 12 <= src.length; ) {
    const length = src.readUInt32BE(at);
    const end = at + 12 + length;
    if (src.toString('latin1', at + 4, at + 8) !== 'pHYs') rest.push(src.subarray(at, end));
    at = end;
  }
  return Buffer.concat([src.subarray(0, IHDR_END), chunk, ...rest]);
}
