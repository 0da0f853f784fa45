// Finds the page in a document-camera frame: a bright sheet on a darker base (高拍仪 bases are dark
// or the field of view is fixed). Otsu split, largest bright connected component, rough corners
// from the extremes of x±y, then each edge refined by a least-squares line through its boundary
// points and the corners re-taken as line intersections (robust to blur and rounded corners).
import { downscale, otsuThreshold, type GreyImage } from './raster';

export interface Point {
  x: number;
  y: number;
}

/** Corners in source pixels: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

export interface PageDetectOptions {
  /** Work on roughly this many pixels across. */
  workWidth?: number;
  /** Reject components smaller than this share of the frame (no page present). */
  minAreaShare?: number;
  /**
   * The page must be this much brighter (0–255) than everything around it. A bordered form on a scan
   * (white margin outside the frame line) is not a page on a dark base and must not be cropped.
   */
  minContrast?: number;
}

function largestComponent(mask: Uint8Array, width: number, height: number): { label: Int32Array; id: number; area: number } {
  const label = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  let next = 0;
  let bestId = 0;
  let bestArea = 0;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || label[start]) continue;
    next += 1;
    let top = 0;
    let area = 0;
    stack[top++] = start;
    label[start] = next;
    while (top > 0) {
      const p = stack[--top]!;
      area++;
      const x = p % width;
      const neighbours = [x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, p - width, p + width];
      for (const n of neighbours) {
        if (n < 0 || n >= mask.length || !mask[n] || label[n]) continue;
        label[n] = next;
        stack[top++] = n;
      }
    }
    if (area > bestArea) {
      bestArea = area;
      bestId = next;
    }
  }
  return { label, id: bestId, area: bestArea };
}

/** Least-squares fit of b = m·a + c over pairs (a, b). */
function fitLine(pairs: Array<[number, number]>): { m: number; c: number } | null {
  const n = pairs.length;
  if (n < 5) return null;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sab = 0;
  for (const [a, b] of pairs) {
    sa += a;
    sb += b;
    saa += a * a;
    sab += a * b;
  }
  const den = n * saa - sa * sa;
  if (Math.abs(den) < 1e-9) return null;
  const m = (n * sab - sa * sb) / den;
  return { m, c: (sb - m * sa) / n };
}

/** Detects the page quad, or null when no page-like bright region fills enough of the frame. */
export function detectPage(img: GreyImage, options: PageDetectOptions = {}): Quad | null {
  const factor = Math.max(1, Math.round(img.width / (options.workWidth ?? 640)));
  const small = downscale(img, factor);
  const { width, height } = small;
  const t = otsuThreshold(small);
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) mask[i] = small.data[i]! > t ? 1 : 0;
  const { label, id, area } = largestComponent(mask, width, height);
  if (id === 0 || area < (options.minAreaShare ?? 0.1) * width * height) return null;
  const inPage = (x: number, y: number): boolean => label[y * width + x] === id;
  let inSum = 0;
  let outSum = 0;
  for (let i = 0; i < label.length; i++) {
    if (label[i] === id) inSum += small.data[i]!;
    else outSum += small.data[i]!;
  }
  const outside = label.length - area;
  if (outside > 0 && inSum / area - outSum / outside < (options.minContrast ?? 50)) return null;

  // Rough corners from the extremes of x+y and x−y.
  let tl = { x: 0, y: 0, s: Infinity };
  let br = { x: 0, y: 0, s: -Infinity };
  let tr = { x: 0, y: 0, s: -Infinity };
  let bl = { x: 0, y: 0, s: Infinity };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!inPage(x, y)) continue;
      if (x + y < tl.s) tl = { x, y, s: x + y };
      if (x + y > br.s) br = { x, y, s: x + y };
      if (x - y > tr.s) tr = { x, y, s: x - y };
      if (x - y < bl.s) bl = { x, y, s: x - y };
    }
  }

  // Boundary points along the middle 80 % of each edge.
  const span = (a: number, b: number): number[] => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const m = (hi - lo) * 0.1;
    const out: number[] = [];
    for (let v = Math.ceil(lo + m); v <= Math.floor(hi - m); v++) out.push(v);
    return out;
  };
  const firstRow = (x: number, { fromTop }: { fromTop: boolean }): number | null => {
    for (let i = 0; i < height; i++) {
      const y = fromTop ? i : height - 1 - i;
      if (inPage(x, y)) return y;
    }
    return null;
  };
  const firstCol = (y: number, { fromLeft }: { fromLeft: boolean }): number | null => {
    for (let i = 0; i < width; i++) {
      const x = fromLeft ? i : width - 1 - i;
      if (inPage(x, y)) return x;
    }
    return null;
  };
  const collect = (vs: number[], f: (v: number) => number | null): Array<[number, number]> =>
    vs.flatMap((v) => {
      const w = f(v);
      return w === null ? [] : [[v, w] as [number, number]];
    });
  const top = fitLine(collect(span(tl.x, tr.x), (x) => firstRow(x, { fromTop: true }))); // y = m x + c
  const bottom = fitLine(collect(span(bl.x, br.x), (x) => firstRow(x, { fromTop: false })));
  const left = fitLine(collect(span(tl.y, bl.y), (y) => firstCol(y, { fromLeft: true }))); // x = m y + c
  const right = fitLine(collect(span(tr.y, br.y), (y) => firstCol(y, { fromLeft: false })));

  const rough: Quad = [tl, tr, br, bl].map(({ x, y }) => ({ x, y })) as Quad;
  let quad = rough;
  if (top && bottom && left && right) {
    // Intersect y = m1 x + c1 with x = m2 y + c2.
    const meet = (h: { m: number; c: number }, v: { m: number; c: number }): Point => {
      const y = (h.m * v.c + h.c) / (1 - h.m * v.m);
      return { x: v.m * y + v.c, y };
    };
    quad = [meet(top, left), meet(top, right), meet(bottom, right), meet(bottom, left)];
  }
  // Pixel centres: +0.5 before scaling back to source coordinates.
  return quad.map((p) => ({ x: (p.x + 0.5) * factor, y: (p.y + 0.5) * factor })) as Quad;
}
