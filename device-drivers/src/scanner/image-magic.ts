// Scanned files cross a trust boundary (a network scanner writes into our hot folder, a clerk imports
// a file): we accept only image formats we can decode, recognised by their magic bytes, never by name.

export type ScanImageFormat = 'png' | 'jpeg' | 'tiff' | 'pnm' | 'bmp' | 'webp';

export const SCAN_IMAGE_MIME: Record<ScanImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  pnm: 'image/x-portable-anymap',
  bmp: 'image/bmp',
  webp: 'image/webp',
};

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

/** The image format by magic bytes, or null if the bytes are not an image we accept. */
export function sniffImageFormat(bytes: Uint8Array): ScanImageFormat | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  // Binary PBM/PGM/PPM (P4/P5/P6): what scanimage --format=pnm writes.
  if (bytes.length > 3 && bytes[0] === 0x50 && bytes[1]! >= 0x34 && bytes[1]! <= 0x36 && /\s/.test(String.fromCharCode(bytes[2]!))) return 'pnm';
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26) return 'bmp';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}
