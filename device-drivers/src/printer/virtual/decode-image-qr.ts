// Reads a QR code printed as a raster image back to its payload (jsQR), so `.txt` shows [QR:…] for
// raster-QR printers too. jsQR is a dev dependency: without it images stay "[IMAGE w×h]".
import type { PrintBlock } from './job-model';

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

export async function loadImageQrDecoder(): Promise<((b: Extract<PrintBlock, { type: 'image' }>) => string | null) | undefined> {
  let jsQR: JsQr;
  try {
    jsQR = ((await import('jsqr')) as unknown as { default: JsQr }).default;
  } catch {
    return undefined;
  }
  return (b) => {
    const w = b.widthBytes * 8;
    const rgba = new Uint8ClampedArray(w * b.height * 4).fill(255);
    for (let y = 0; y < b.height; y++) {
      for (let x = 0; x < w; x++) {
        if ((b.data[y * b.widthBytes + (x >> 3)]! & (0x80 >> (x & 7))) === 0) continue;
        const i = (y * w + x) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      }
    }
    return jsQR(rgba, w, b.height)?.data ?? null;
  };
}
