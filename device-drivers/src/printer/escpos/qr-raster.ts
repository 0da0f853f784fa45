// QR as a raster image for printers without native QR (or with firmware that mangles UTF-8 payloads):
// the qrcode library makes the matrix; we scale it to dots and pack it for GS v 0.
import QRCode from 'qrcode';

export interface RasterBitmap {
  widthBytes: number;
  height: number;
  /** 1 bit per dot, MSB first, 1 = black. */
  data: Uint8Array;
}

export function qrRaster(payload: string, moduleDots: number, ecLevel: 'L' | 'M' | 'Q' | 'H', maxDots: number): RasterBitmap {
  const qr = QRCode.create(payload, { errorCorrectionLevel: ecLevel });
  const modules = qr.modules.size;
  const quiet = 4;
  const total = modules + quiet * 2;
  const scale = Math.max(1, Math.min(moduleDots, Math.floor(maxDots / total)));
  const widthDots = total * scale;
  const widthBytes = Math.ceil(widthDots / 8);
  const height = widthDots;
  const data = new Uint8Array(widthBytes * height);
  for (let y = 0; y < height; y++) {
    const my = Math.floor(y / scale) - quiet;
    for (let x = 0; x < widthDots; x++) {
      const mx = Math.floor(x / scale) - quiet;
      const dark = mx >= 0 && my >= 0 && mx < modules && my < modules && qr.modules.get(my, mx) === 1;
      if (dark) data[y * widthBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { widthBytes, height, data };
}
