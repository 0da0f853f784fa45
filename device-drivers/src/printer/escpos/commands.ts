// ESC/POS command bytes we send (Epson ESC/POS reference; Chinese FS commands from vendor manuals).
// Each returns plain bytes; the renderer strings them together.

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

/**
 * Reset, then select Chinese mode. `ESC @` returns every mode to the power-on default, and whether that
 * default is Chinese mode differs by vendor (HCC/SNBC on, HPRT off), so `FS &` must follow every `ESC @`.
 * `ESC t 0` keeps single-byte text in PC437 so ASCII is ASCII.
 */
export function initialize(): number[] {
  return [ESC, 0x40, ESC, 0x74, 0x00, FS, 0x26];
}

export function align(where: 'left' | 'center' | 'right'): number[] {
  return [ESC, 0x61, where === 'left' ? 0 : where === 'center' ? 1 : 2];
}

export function bold(on: boolean): number[] {
  return [ESC, 0x45, on ? 1 : 0];
}

/** GS ! n: width and height multipliers 1–8 (high nibble width−1, low nibble height−1). */
export function characterSize(width: number, height: number): number[] {
  const w = Math.min(8, Math.max(1, Math.trunc(width)));
  const h = Math.min(8, Math.max(1, Math.trunc(height)));
  return [GS, 0x21, ((w - 1) << 4) | (h - 1)];
}

/** FS ! n: Chinese character mode (bit 2 double width, bit 3 double height, bit 7 underline) — kept at 0; GS ! covers both. */
export function chineseModeReset(): number[] {
  return [FS, 0x21, 0x00];
}

export function feedLines(n: number): number[] {
  return [ESC, 0x64, Math.min(255, Math.max(0, Math.trunc(n)))];
}

/** GS V 66 n: feed n dots then partial cut (function B), so the last line clears the blade. */
export function cut(): number[] {
  return [GS, 0x56, 0x42, 0x00];
}

/** QR code, native model 2 (GS ( k, cn 49). pL pH count the BYTES of the payload + 3, not UTF-16 units. */
export function qrNative(payload: Uint8Array, moduleSize: number, ecLevel: 'L' | 'M' | 'Q' | 'H'): number[] {
  const size = Math.min(16, Math.max(1, Math.trunc(moduleSize)));
  const ec = { L: 48, M: 49, Q: 50, H: 51 }[ecLevel];
  const storeLength = payload.length + 3;
  if (storeLength > 0xffff) throw new RangeError('QR payload too long');
  return [
    ...[GS, 0x28, 0x6b, 4, 0, 49, 65, 50, 0], // fn 65: model 2
    ...[GS, 0x28, 0x6b, 3, 0, 49, 67, size], // fn 67: module size
    ...[GS, 0x28, 0x6b, 3, 0, 49, 69, ec], // fn 69: error correction
    ...[GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 49, 80, 48], // fn 80: store
    ...payload,
    ...[GS, 0x28, 0x6b, 3, 0, 49, 81, 48], // fn 81: print
  ];
}

/** GS v 0: raster bit image; `widthBytes` is the width in bytes (8 dots each), rows top to bottom. */
export function rasterImage(widthBytes: number, height: number, data: Uint8Array): number[] {
  if (data.length !== widthBytes * height) throw new RangeError('raster data size mismatch');
  return [GS, 0x76, 0x30, 0, widthBytes & 0xff, widthBytes >> 8, height & 0xff, height >> 8, ...data];
}

/** Real-time status request DLE EOT n (1 printer, 2 offline cause, 3 error cause, 4 paper sensor). */
export function realtimeStatus(n: 1 | 2 | 3 | 4): number[] {
  return [DLE, EOT, n];
}

/** GS r 1: transmit paper sensor status (answered after the preceding data is processed). */
export function transmitPaperStatus(): number[] {
  return [GS, 0x72, 1];
}
