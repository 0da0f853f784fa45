// Skew estimation by projection profiles: text lines give sharp peaks in the row histogram of dark
// pixels only when the image is level, so the angle whose sheared histogram has the largest sum of
// squares wins. A coarse search over ±maxDeg then a fine one around the best keeps it to a few ms.
import { downscale, otsuThreshold, type GreyImage } from './raster';

export interface SkewOptions {
  maxDeg?: number;
  /** Work on roughly this many pixels across (speed vs precision). */
  workWidth?: number;
}

function darkPixels(img: GreyImage): { xs: Float64Array; ys: Float64Array } {
  const t = Math.min(otsuThreshold(img), 160);
  const xs: number[] = [];
  const ys: number[] = [];
  // Ignore a margin: scan borders and rotation wedges are not text.
  const mx = Math.floor(img.width * 0.03);
  const my = Math.floor(img.height * 0.03);
  for (let y = my; y < img.height - my; y++) {
    for (let x = mx; x < img.width - mx; x++) {
      if (img.data[y * img.width + x]! < t) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
}

function profileScore(xs: Float64Array, ys: Float64Array, height: number, deg: number): number {
  const tan = Math.tan((deg * Math.PI) / 180);
  const pad = Math.ceil(Math.abs(tan) * 4000) + 1;
  const bins = new Float64Array(height + 2 * pad);
  for (let i = 0; i < xs.length; i++) {
    const b = Math.round(ys[i]! - xs[i]! * tan) + pad;
    if (b >= 0 && b < bins.length) bins[b]! += 1;
  }
  let score = 0;
  for (const v of bins) score += v * v;
  return score;
}

/**
 * Estimated skew in degrees: positive when the content is rotated clockwise, i.e. rotate the image
 * by -angle (sharp: `.rotate(-angle)`) to level it.
 */
export function estimateSkew(img: GreyImage, options: SkewOptions = {}): number {
  const maxDeg = options.maxDeg ?? 5;
  const small = downscale(img, Math.max(1, Math.round(img.width / (options.workWidth ?? 1000))));
  const { xs, ys } = darkPixels(small);
  if (xs.length < 200) return 0; // blank page: nothing to level
  let best = 0;
  let bestScore = -1;
  const search = (from: number, to: number, step: number): void => {
    for (let a = from; a <= to + 1e-9; a += step) {
      const s = profileScore(xs, ys, small.height, a);
      if (s > bestScore) {
        bestScore = s;
        best = a;
      }
    }
  };
  search(-maxDeg, maxDeg, 0.25);
  const coarse = best;
  search(coarse - 0.25, coarse + 0.25, 0.02);
  // y' = y - x·tan(a) levels content whose lines slope down to the right by a (clockwise on screen).
  return Math.round(best * 100) / 100;
}
