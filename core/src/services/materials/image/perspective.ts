// Perspective (homography) warp of a quadrilateral onto an upright rectangle with bilinear sampling.
// Hand-written because sharp/libvips offers only affine transforms and OpenCV.js would add 9 MB of
// WASM for one function.
import type { GreyImage } from './raster';
import type { Point, Quad } from './page-detect';

/** Solves A·x = b (n×n) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-12) throw new Error('degenerate quad');
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Homography H (row-major 3×3, h33 = 1) with H·dst[i] ∝ src[i]. */
export function homography(dst: readonly Point[], src: readonly Point[]): number[] {
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { x: u, y: v } = dst[i]!;
    const { x, y } = src[i]!;
    a.push([u, v, 1, 0, 0, 0, -u * x, -v * x]);
    b.push(x);
    a.push([0, 0, 0, u, v, 1, -u * y, -v * y]);
    b.push(y);
  }
  return [...solve(a, b), 1];
}

const dist = (p: Point, q: Point): number => Math.hypot(p.x - q.x, p.y - q.y);

/**
 * Output size for a quad: the longer of each pair of opposite edges, or — when the quad's aspect is
 * within `snapToA4` (share) of A4 portrait — exactly A4 proportions at `width` pixels. A camera above
 * the platen foreshortens the page (keystone), so a measured A4 sheet often looks 15–20 % squatter.
 */
export function rectifiedSize(quad: Quad, width?: number, snapToA4 = 0.2): { width: number; height: number } {
  const w = Math.max(dist(quad[0], quad[1]), dist(quad[3], quad[2]));
  const h = Math.max(dist(quad[0], quad[3]), dist(quad[1], quad[2]));
  const aspect = h / w;
  const a4 = Math.SQRT2;
  const outW = Math.round(width ?? w);
  const outH = Math.abs(aspect - a4) / a4 < snapToA4 ? outW * a4 : outW * aspect;
  // Even sizes keep downstream encoders (and 4:2:0 video) happy.
  return { width: outW - (outW % 2), height: Math.round(outH) - (Math.round(outH) % 2) };
}

export function warpPerspective(img: GreyImage, quad: Quad, width: number, height: number, background = 255): GreyImage {
  return { width, height, data: warpPixels(img, 1, quad, width, height, background) };
}

/** The same warp of an interleaved raster of `channels` bytes a pixel (the pipeline's colour copy: 3). */
export function warpPixels(img: { width: number; height: number; data: Uint8Array }, channels: number, quad: Quad, width: number, height: number, background = 255): Uint8Array {
  const dst: Point[] = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
  const h = homography(dst, quad);
  const out = new Uint8Array(width * height * channels);
  const { data, width: sw, height: sh } = img;
  const row = sw * channels;
  for (let v = 0; v < height; v++) {
    const vc = v + 0.5;
    for (let u = 0; u < width; u++) {
      const uc = u + 0.5;
      const w = h[6]! * uc + h[7]! * vc + h[8]!;
      const x = (h[0]! * uc + h[1]! * vc + h[2]!) / w - 0.5;
      const y = (h[3]! * uc + h[4]! * vc + h[5]!) / w - 0.5;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const o = (v * width + u) * channels;
      if (x0 < 0 || y0 < 0 || x0 + 1 >= sw || y0 + 1 >= sh) {
        out.fill(background, o, o + channels);
        continue;
      }
      const fx = x - x0;
      const fy = y - y0;
      const i = (y0 * sw + x0) * channels;
      for (let c = 0; c < channels; c++) {
        const top = data[i + c]! * (1 - fx) + data[i + channels + c]! * fx;
        const bottom = data[i + row + c]! * (1 - fx) + data[i + row + channels + c]! * fx;
        out[o + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return out;
}
