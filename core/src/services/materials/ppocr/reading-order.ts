// First-step reading order: boxes are grouped into printed lines by vertical overlap, lines run top to
// bottom and the boxes of a line left to right. No block or column analysis yet (two-column pages read
// across both columns; tables read row by row, which is their reading order anyway).
import type { OcrBox, OcrLine } from '../ocr-pool';

export interface ReadingOrder {
  /** Boxes in reading order (each keeps its own box for the PDF text layer). */
  lines: OcrLine[];
  /** One text line per printed line, boxes of a line joined by one space (the fixtures' convention). */
  text: string;
}

const height = (b: OcrBox): number => b.y1 - b.y0;

/** Two boxes share a printed line when their vertical overlap is at least half the smaller height. */
function sameRow(a: OcrBox, b: OcrBox): boolean {
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return overlap >= 0.5 * Math.min(height(a), height(b));
}

export function readingOrder(items: readonly OcrLine[]): ReadingOrder {
  const byTop = [...items].sort((a, b) => (a.bbox.y0 + a.bbox.y1) / 2 - (b.bbox.y0 + b.bbox.y1) / 2 || a.bbox.x0 - b.bbox.x0);
  const rows: { band: OcrBox; items: OcrLine[] }[] = [];
  for (const item of byTop) {
    // Join the nearest open row below which this box still overlaps; rows are in top order already.
    const row = rows.findLast((r) => sameRow(r.band, item.bbox) || r.items.some((i) => sameRow(i.bbox, item.bbox)));
    if (row) {
      row.items.push(item);
      row.band = { x0: Math.min(row.band.x0, item.bbox.x0), y0: Math.min(row.band.y0, item.bbox.y0), x1: Math.max(row.band.x1, item.bbox.x1), y1: Math.max(row.band.y1, item.bbox.y1) };
    } else {
      rows.push({ band: { ...item.bbox }, items: [item] });
    }
  }
  rows.sort((a, b) => a.band.y0 + a.band.y1 - (b.band.y0 + b.band.y1));
  const lines: OcrLine[] = [];
  const text: string[] = [];
  for (const row of rows) {
    row.items.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    lines.push(...row.items);
    text.push(row.items.map((i) => i.text).join(' '));
  }
  return { lines, text: text.join('\n') };
}
