// Plane geometry for PP-OCR's DB post-processing: convex hull, minimum-area rectangle (rotating calipers),
// the corner order PaddleOCR uses (top-left, top-right, bottom-right, bottom-left) and "unclip", which grows
// a shrunk text kernel back to the full text region by the distance area·ratio/perimeter (the DB paper's
// inverse of its shrink; PaddleOCR does it with pyclipper's round offset, we offset a convex polygon with
// mitred corners, which gives the same minimum-area rectangle for the rectangles we feed it).

export interface Point {
  x: number;
  y: number;
}

/** Four corners: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Convex hull (Andrew's monotone chain), counter-clockwise in a y-up frame, without repeated end point. */
export function convexHull(points: readonly Point[]): Point[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length <= 2) return pts;
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

export function polygonArea(poly: readonly Point[]): number {
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    a += p.x * q.y - q.x * p.y;
  }
  return Math.abs(a) / 2;
}

export function polygonPerimeter(poly: readonly Point[]): number {
  let l = 0;
  for (let i = 0; i < poly.length; i++) l += Math.hypot(poly[(i + 1) % poly.length]!.x - poly[i]!.x, poly[(i + 1) % poly.length]!.y - poly[i]!.y);
  return l;
}

/**
 * PaddleOCR's get_mini_boxes order: sort by x; of the two leftmost the upper is top-left, of the two
 * rightmost the upper is top-right.
 */
export function orderQuad(corners: readonly Point[]): Quad {
  const s = [...corners].sort((a, b) => a.x - b.x);
  const [l0, l1, r0, r1] = s as [Point, Point, Point, Point];
  const [tl, bl] = l0.y <= l1.y ? [l0, l1] : [l1, l0];
  const [tr, br] = r0.y <= r1.y ? [r0, r1] : [r1, r0];
  return [tl, tr, br, bl];
}

export interface MinAreaRect {
  quad: Quad;
  /** Lengths of the two sides. */
  width: number;
  height: number;
}

/** Smallest-area enclosing rectangle of a point set; one of its sides lies on a hull edge. */
export function minAreaRect(points: readonly Point[]): MinAreaRect {
  const hull = convexHull(points);
  if (hull.length === 0) throw new RangeError('minAreaRect of no points');
  if (hull.length < 3) {
    const xs = hull.map((p) => p.x);
    const ys = hull.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    return { quad: orderQuad([{ x: x0, y: y0 }, { x: x1, y: y0 }, { x: x1, y: y1 }, { x: x0, y: y1 }]), width: x1 - x0, height: y1 - y0 };
  }
  let best = { area: Infinity, ux: 1, uy: 0, minU: 0, maxU: 0, minV: 0, maxV: 0 };
  for (let i = 0; i < hull.length; i++) {
    const p = hull[i]!;
    const q = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(q.x - p.x, q.y - p.y);
    if (len === 0) continue;
    const ux = (q.x - p.x) / len;
    const uy = (q.y - p.y) / len;
    let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
    for (const h of hull) {
      const u = h.x * ux + h.y * uy;
      const v = -h.x * uy + h.y * ux;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < best.area) best = { area, ux, uy, minU, maxU, minV, maxV };
  }
  const { ux, uy, minU, maxU, minV, maxV } = best;
  const at = (u: number, v: number): Point => ({ x: u * ux - v * uy, y: u * uy + v * ux });
  return {
    quad: orderQuad([at(minU, minV), at(maxU, minV), at(maxU, maxV), at(minU, maxV)]),
    width: maxU - minU,
    height: maxV - minV,
  };
}

/**
 * Grows a convex polygon outward by area·ratio/perimeter. Each edge moves out by that distance and
 * neighbouring edges are intersected (a mitred offset).
 */
export function unclip(poly: readonly Point[], ratio: number): Point[] {
  const area = polygonArea(poly);
  const perimeter = polygonPerimeter(poly);
  if (perimeter === 0) return [...poly];
  const d = (area * ratio) / perimeter;
  // Orientation decides which normal points outwards.
  let signed = 0;
  for (let i = 0; i < poly.length; i++) signed += poly[i]!.x * poly[(i + 1) % poly.length]!.y - poly[(i + 1) % poly.length]!.x * poly[i]!.y;
  const outward = signed > 0 ? 1 : -1;
  const n = poly.length;
  const lines = poly.map((p, i) => {
    const q = poly[(i + 1) % n]!;
    const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    const nx = (outward * (q.y - p.y)) / len;
    const ny = (outward * -(q.x - p.x)) / len;
    return { p: { x: p.x + nx * d, y: p.y + ny * d }, dx: q.x - p.x, dy: q.y - p.y };
  });
  return lines.map((cur, i) => {
    const prev = lines[(i + n - 1) % n]!;
    const den = prev.dx * cur.dy - prev.dy * cur.dx;
    if (Math.abs(den) < 1e-9) return cur.p; // parallel neighbours: the shifted vertex itself
    const t = ((cur.p.x - prev.p.x) * cur.dy - (cur.p.y - prev.p.y) * cur.dx) / den;
    return { x: prev.p.x + t * prev.dx, y: prev.p.y + t * prev.dy };
  });
}
