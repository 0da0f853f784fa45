// DB (differentiable binarisation) post-processing, as PaddleOCR's DBPostProcess does it: threshold the
// text probability map, take each connected region, fit its minimum-area rectangle, score it by the mean
// probability inside, grow it back by unclip (the model predicts shrunk kernels) and scale it to the
// source image. Defaults are PaddleOCR's inference defaults (thresh 0.3, box_thresh 0.6, unclip 1.5).
import { minAreaRect, unclip, type Point, type Quad } from './geometry';

export interface ProbabilityMap {
  data: Float32Array;
  width: number;
  height: number;
}

export interface DbOptions {
  /** Pixel is text when its probability exceeds this. */
  threshold?: number;
  /** A region is kept when its mean probability reaches this. */
  boxThreshold?: number;
  unclipRatio?: number;
  /** Shorter side in map pixels below which a region is noise. */
  minSize?: number;
  maxCandidates?: number;
}

export interface DetectedBox {
  /** Corners in source-image pixels: top-left, top-right, bottom-right, bottom-left. */
  quad: Quad;
  score: number;
}

/** Connected regions (8-neighbourhood) of the thresholded map; each as the outermost pixels of every row. */
function regions(map: ProbabilityMap, threshold: number, maxCandidates: number): { points: Point[]; pixels: number[] }[] {
  const { data, width, height } = map;
  const label = new Int32Array(width * height);
  const out: { points: Point[]; pixels: number[] }[] = [];
  const stack: number[] = [];
  for (let start = 0; start < data.length; start++) {
    if (label[start] !== 0 || data[start]! <= threshold) continue;
    const id = out.length + 1;
    const pixels: number[] = [];
    label[start] = id;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      pixels.push(i);
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const j = yy * width + xx;
          if (label[j] === 0 && data[j]! > threshold) {
            label[j] = id;
            stack.push(j);
          }
        }
      }
    }
    // The hull only needs each row's extreme pixels; their outer corners make the region's outline.
    const rows = new Map<number, [number, number]>();
    for (const i of pixels) {
      const x = i % width;
      const y = (i - x) / width;
      const r = rows.get(y);
      if (!r) rows.set(y, [x, x]);
      else {
        if (x < r[0]) r[0] = x;
        if (x > r[1]) r[1] = x;
      }
    }
    const points: Point[] = [];
    for (const [y, [x0, x1]] of rows) points.push({ x: x0, y }, { x: x1 + 1, y }, { x: x0, y: y + 1 }, { x: x1 + 1, y: y + 1 });
    out.push({ points, pixels });
    if (out.length >= maxCandidates) break;
  }
  return out;
}

const inQuad = (q: Quad, x: number, y: number): boolean => {
  let pos = false;
  let neg = false;
  for (let i = 0; i < 4; i++) {
    const a = q[i]!;
    const b = q[(i + 1) % 4]!;
    const c = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
    if (c > 0) pos = true;
    else if (c < 0) neg = true;
  }
  return !(pos && neg);
};

/** Mean probability of the map pixels whose centres lie inside the rectangle (PaddleOCR's box_score_fast). */
function boxScore(map: ProbabilityMap, quad: Quad): number {
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(map.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(map.height - 1, Math.ceil(Math.max(...ys)));
  let sum = 0;
  let n = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (!inQuad(quad, x + 0.5, y + 0.5)) continue;
      sum += map.data[y * map.width + x]!;
      n++;
    }
  }
  return n ? sum / n : 0;
}

/**
 * Text boxes from a DB probability map. `scaleX`/`scaleY` map map pixels to source pixels (the detector
 * ran on a resized image).
 */
export function boxesFromProbabilityMap(map: ProbabilityMap, scaleX: number, scaleY: number, options: DbOptions = {}): DetectedBox[] {
  const threshold = options.threshold ?? 0.3;
  const boxThreshold = options.boxThreshold ?? 0.6;
  const unclipRatio = options.unclipRatio ?? 1.5;
  const minSize = options.minSize ?? 3;
  const boxes: DetectedBox[] = [];
  for (const region of regions(map, threshold, options.maxCandidates ?? 1000)) {
    const kernel = minAreaRect(region.points);
    if (Math.min(kernel.width, kernel.height) < minSize) continue;
    const score = boxScore(map, kernel.quad);
    if (score < boxThreshold) continue;
    const grown = minAreaRect(unclip(kernel.quad, unclipRatio));
    if (Math.min(grown.width, grown.height) < minSize + 2) continue;
    const clampX = (v: number): number => Math.min(Math.max(v * scaleX, 0), map.width * scaleX);
    const clampY = (v: number): number => Math.min(Math.max(v * scaleY, 0), map.height * scaleY);
    const quad = grown.quad.map((p) => ({ x: clampX(p.x), y: clampY(p.y) })) as Quad;
    boxes.push({ quad, score });
  }
  return boxes;
}
