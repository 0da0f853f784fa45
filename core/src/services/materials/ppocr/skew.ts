// The page's skew as the detector saw it (median angle of the wide line quads) and each line's box in a
// frame rotated back by it: on a scan turned by 1.5° a full-width line's axis-aligned box is ~60 px taller
// than the line, enough to swallow the gap to the next one. Only the layout uses these boxes; the lines
// keep their boxes in image pixels for the PDF text layer.
import type { OcrBox } from '../ocr-pool';
import type { Quad } from './geometry';

export function skewOf(quads: readonly Quad[]): number {
  const angles = quads
    .filter((q) => Math.hypot(q[1].x - q[0].x, q[1].y - q[0].y) > 3 * Math.hypot(q[3].x - q[0].x, q[3].y - q[0].y))
    .map((q) => Math.atan2(q[1].y - q[0].y, q[1].x - q[0].x))
    .filter((a) => Math.abs(a) < Math.PI / 12)
    .sort((a, b) => a - b);
  return angles.length ? angles[Math.floor(angles.length / 2)]! : 0;
}

export function deskewedBoxes(quads: readonly Quad[]): OcrBox[] {
  const a = -skewOf(quads);
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return quads.map((q) => {
    const xs = q.map((p) => p.x * cos - p.y * sin);
    const ys = q.map((p) => p.x * sin + p.y * cos);
    return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  });
}
