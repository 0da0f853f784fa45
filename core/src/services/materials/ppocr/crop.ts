// Cuts one text line out of the page and writes it, resized to the recogniser's height, straight into a
// normalised CHW tensor slot: no intermediate crop image. The quad's corners are mapped bilinearly onto the
// output rectangle, which is exact for the (rotated) rectangles DB yields, and each output pixel averages
// up to 3×3 source samples so that large titles shrunk to 48 px do not alias.
import type { Point, Quad } from './geometry';

export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
  /** 1 (grey) or 3 (RGB); grey feeds all three tensor channels. */
  channels: number;
}

const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/** Side lengths of a line quad: width along the text, height across it. */
export function quadSize(q: Quad): { width: number; height: number } {
  return { width: Math.max(dist(q[0], q[1]), dist(q[3], q[2])), height: Math.max(dist(q[0], q[3]), dist(q[1], q[2])) };
}

/** PaddleOCR turns a crop 1.5× taller than wide by 90° (np.rot90, counter-clockwise): vertical text. */
export function uprightQuad(q: Quad): Quad {
  const { width, height } = quadSize(q);
  return height >= 1.5 * width ? [q[1], q[2], q[3], q[0]] : q;
}

/** The same quad read upside down (the direction classifier said 180°). */
export const rotateQuad180 = (q: Quad): Quad => [q[2], q[3], q[0], q[1]];

export interface TensorSlot {
  /** [batch, 3, height, stride] float32 tensor data. */
  data: Float32Array;
  /** Batch index to write. */
  index: number;
  height: number;
  /** The tensor's width; columns past `width` are left as they are (0 = padding after normalisation). */
  stride: number;
}

/**
 * Samples `quad` from `image` into `width` × slot.height pixels, normalised as PP-OCR's rec and cls
 * expect ((v/255 − 0.5)/0.5), channels in PaddleOCR's BGR order.
 */
export function sampleQuadInto(image: RawImage, quad: Quad, width: number, slot: TensorSlot): void {
  const { data, width: iw, height: ih, channels } = image;
  const [tl, tr, br, bl] = quad;
  const { width: srcW, height: srcH } = quadSize(quad);
  const sx = Math.min(3, Math.max(1, Math.ceil(srcW / width)));
  const sy = Math.min(3, Math.max(1, Math.ceil(srcH / slot.height)));
  const plane = slot.height * slot.stride;
  const base = slot.index * 3 * plane;
  const grey = channels === 1;
  for (let oy = 0; oy < slot.height; oy++) {
    for (let ox = 0; ox < width; ox++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let j = 0; j < sy; j++) {
        const v = (oy + (j + 0.5) / sy) / slot.height;
        for (let i = 0; i < sx; i++) {
          const u = (ox + (i + 0.5) / sx) / width;
          const x = (1 - v) * ((1 - u) * tl.x + u * tr.x) + v * ((1 - u) * bl.x + u * br.x) - 0.5;
          const y = (1 - v) * ((1 - u) * tl.y + u * tr.y) + v * ((1 - u) * bl.y + u * br.y) - 0.5;
          // Bilinear interpolation with edge clamping.
          const x0 = Math.max(0, Math.min(iw - 1, Math.floor(x)));
          const y0 = Math.max(0, Math.min(ih - 1, Math.floor(y)));
          const x1 = Math.min(iw - 1, x0 + 1);
          const y1 = Math.min(ih - 1, y0 + 1);
          const fx = Math.max(0, Math.min(1, x - x0));
          const fy = Math.max(0, Math.min(1, y - y0));
          const w00 = (1 - fx) * (1 - fy);
          const w10 = fx * (1 - fy);
          const w01 = (1 - fx) * fy;
          const w11 = fx * fy;
          const a00 = (y0 * iw + x0) * channels;
          const a10 = (y0 * iw + x1) * channels;
          const a01 = (y1 * iw + x0) * channels;
          const a11 = (y1 * iw + x1) * channels;
          // The pipeline's master is grey: one channel sampled, not the same one three times.
          r += data[a00]! * w00 + data[a10]! * w10 + data[a01]! * w01 + data[a11]! * w11;
          if (grey) continue;
          g += data[a00 + 1]! * w00 + data[a10 + 1]! * w10 + data[a01 + 1]! * w01 + data[a11 + 1]! * w11;
          b += data[a00 + 2]! * w00 + data[a10 + 2]! * w10 + data[a01 + 2]! * w01 + data[a11 + 2]! * w11;
        }
      }
      if (grey) {
        g = r;
        b = r;
      }
      const k = 255 * sx * sy;
      const at = base + oy * slot.stride + ox;
      // PaddleOCR feeds OpenCV's BGR: tensor channel 0 is blue.
      slot.data[at] = (b / k - 0.5) / 0.5;
      slot.data[at + plane] = (g / k - 0.5) / 0.5;
      slot.data[at + 2 * plane] = (r / k - 0.5) / 0.5;
    }
  }
}
