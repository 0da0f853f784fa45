// Turns a still (default: the document-camera fixture) into a video file for Chromium's fake camera:
//   chromium --use-fake-ui-for-media-stream --use-fake-device-for-media-stream --use-file-for-fake-video-capture=OUT
// .y4m: YUV 4:2:0 with a `C420` header (Chrome rejects ffmpeg's `C420mpeg2`); .mjpeg: concatenated
// baseline 4:2:0 JPEG frames. Both need even width and height or Chrome never delivers a frame.
// Usage: npx tsx core/src/services/materials/make-fake-camera-video.ts [IN.jpg] OUT.y4m|OUT.mjpeg [--frames N] [--width W]
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const DEFAULT_INPUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/materials/residence-certificate.camera.jpg');

export interface FakeVideoOptions {
  frames?: number;
  /** Scale to this width (kept even); default: the image's own (evened) size. */
  width?: number;
  fps?: number;
}

async function evenRgb(input: string | Uint8Array, width?: number): Promise<{ data: Buffer; width: number; height: number }> {
  const meta = await sharp(input).metadata();
  const w0 = width ?? meta.width ?? 0;
  const h0 = Math.round((w0 * (meta.height ?? 0)) / (meta.width ?? 1));
  const w = w0 - (w0 % 2);
  const h = h0 - (h0 % 2);
  const { data } = await sharp(input).rotate().resize(w, h, { fit: 'fill' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: w, height: h };
}

/** BT.601 limited-range RGB → planar YUV 4:2:0. */
function rgbToI420(rgb: Buffer, width: number, height: number): Buffer {
  const ySize = width * height;
  const out = Buffer.alloc(ySize * 1.5);
  for (let i = 0, p = 0; i < ySize; i++, p += 3) {
    out[i] = Math.round(16 + 0.257 * rgb[p]! + 0.504 * rgb[p + 1]! + 0.098 * rgb[p + 2]!);
  }
  const cw = width / 2;
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < cw; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const p = ((2 * y + dy) * width + 2 * x + dx) * 3;
        r += rgb[p]!;
        g += rgb[p + 1]!;
        b += rgb[p + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      out[ySize + y * cw + x] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
      out[ySize + ySize / 4 + y * cw + x] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
    }
  }
  return out;
}

export async function makeY4m(input: string | Uint8Array, options: FakeVideoOptions = {}): Promise<Buffer> {
  const { data, width, height } = await evenRgb(input, options.width);
  const frame = rgbToI420(data, width, height);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${options.fps ?? 10}:1 Ip A1:1 C420\n`);
  const parts: Buffer[] = [header];
  for (let i = 0; i < (options.frames ?? 10); i++) parts.push(Buffer.from('FRAME\n'), frame);
  return Buffer.concat(parts);
}

export async function makeMjpeg(input: string | Uint8Array, options: FakeVideoOptions = {}): Promise<Buffer> {
  const { data, width, height } = await evenRgb(input, options.width);
  const jpeg = await sharp(data, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90, chromaSubsampling: '4:2:0', mozjpeg: false }).toBuffer();
  return Buffer.concat(Array.from({ length: options.frames ?? 3 }, () => jpeg));
}

async function main(argv: string[]): Promise<void> {
  const pos = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const flag = (name: string): number | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  const [input, out] = pos.length >= 2 ? [pos[0]!, pos[1]!] : [DEFAULT_INPUT, pos[0]];
  if (!out) throw new Error('usage: make-fake-camera-video.ts [IN.jpg] OUT.y4m|OUT.mjpeg [--frames N] [--width W]');
  const opts = { frames: flag('frames'), width: flag('width') };
  const bytes = out.endsWith('.y4m') ? await makeY4m(input, opts) : await makeMjpeg(input, opts);
  await writeFile(out, bytes);
  console.log(`${out}: ${bytes.length} bytes`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main(process.argv.slice(2));
