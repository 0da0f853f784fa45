// A plain 8-bit greyscale raster we can run our own geometry on (deskew search, page detection,
// perspective warp) — sharp does the decoding, encoding, levels and resizing.
import sharp from 'sharp';
import { codedError } from '@easydo/device-drivers/device/coded-error';

export interface GreyImage {
  width: number;
  height: number;
  /** Row-major, one byte per pixel, 0 = black. */
  data: Uint8Array;
}

export class ImageDecodeError extends codedError<'imageDecode'>('ImageDecodeError') {
  constructor(cause: unknown) {
    super('imageDecode', 'The page image could not be decoded', { cause });
  }
}

/** Decodes any sharp-readable image, applies EXIF orientation and returns greyscale pixels. */
export async function decodeGrey(bytes: Uint8Array, maxSide?: number): Promise<GreyImage> {
  try {
    let img = sharp(bytes, { failOn: 'error' }).rotate().greyscale();
    if (maxSide) img = img.resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  } catch (err) {
    throw new ImageDecodeError(err);
  }
}

export function toSharp(img: GreyImage): sharp.Sharp {
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), {
    raw: { width: img.width, height: img.height, channels: 1 },
  });
}

/** Downscales by an integer factor with box averaging (fast, no dependency on sharp's async API). */
export function downscale(img: GreyImage, factor: number): GreyImage {
  const f = Math.max(1, Math.floor(factor));
  const width = Math.floor(img.width / f);
  const height = Math.floor(img.height / f);
  const data = new Uint8Array(width * height);
  const area = f * f;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * img.width + x * f;
        for (let dx = 0; dx < f; dx++) sum += img.data[row + dx]!;
      }
      data[y * width + x] = Math.round(sum / area);
    }
  }
  return { width, height, data };
}

/** Otsu's threshold over the grey histogram: the split that maximises between-class variance. */
export function otsuThreshold(img: GreyImage): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of img.data) hist[v]! += 1;
  const total = img.data.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}
