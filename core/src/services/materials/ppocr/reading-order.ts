// Reading order that follows the page: a recursive XY-cut over the detector's boxes. A region is split at a
// column gutter when both sides read as running text (two-column pages read column by column); otherwise at
// its widest empty horizontal bands (blocks, then printed lines), so tables and label/value forms read row by
// row, cell by cell, left to right. Boxes of one printed line are grouped by vertical overlap. Hand-written:
// the layout libraries we found (e.g. PaddleOCR's PP-Structure) are Python or need another model.
import type { OcrBox, OcrLine } from '../ocr-pool';

export interface ReadingOrder {
  /** Boxes in reading order (each keeps its own box for the PDF text layer), `block` set. */
  lines: OcrLine[];
  /** One text line per printed line, boxes of a line joined by one space (the fixtures' convention). */
  text: string;
}

/** A line as the layout sees it: `box` may be a deskewed copy of the line's own bbox. */
export interface LayoutItem {
  line: OcrLine;
  box: OcrBox;
}

const height = (b: OcrBox): number => b.y1 - b.y0;
const width = (b: OcrBox): number => b.x1 - b.x0;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};
const union = (boxes: OcrBox[]): OcrBox => ({
  x0: Math.min(...boxes.map((b) => b.x0)),
  y0: Math.min(...boxes.map((b) => b.y0)),
  x1: Math.max(...boxes.map((b) => b.x1)),
  y1: Math.max(...boxes.map((b) => b.y1)),
});

/** Two boxes share a printed line when their vertical overlap is at least half the smaller height. */
export function sameRow(a: OcrBox, b: OcrBox): boolean {
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return overlap >= 0.5 * Math.min(height(a), height(b));
}

/** Printed lines of a region: top to bottom, each left to right. */
function rowsOf(items: LayoutItem[]): LayoutItem[][] {
  const byTop = [...items].sort((a, b) => a.box.y0 + a.box.y1 - (b.box.y0 + b.box.y1) || a.box.x0 - b.box.x0);
  const rows: { band: OcrBox; items: LayoutItem[] }[] = [];
  for (const item of byTop) {
    const row = rows.findLast((r) => sameRow(r.band, item.box) || r.items.some((i) => sameRow(i.box, item.box)));
    if (row) {
      row.items.push(item);
      row.band = union([row.band, item.box]);
    } else rows.push({ band: { ...item.box }, items: [item] });
  }
  rows.sort((a, b) => a.band.y0 + a.band.y1 - (b.band.y0 + b.band.y1));
  return rows.map((r) => r.items.sort((a, b) => a.box.x0 - b.box.x0));
}

/** Empty stretches of one axis that no box covers: [start, end) pairs between the boxes' extent. */
function gaps(items: LayoutItem[], axis: 'x' | 'y'): { at: number; size: number }[] {
  const spans = items.map((i) => (axis === 'x' ? [i.box.x0, i.box.x1] : [i.box.y0, i.box.y1]) as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: { at: number; size: number }[] = [];
  let reach = spans[0]![1];
  for (const [s, e] of spans.slice(1)) {
    if (s > reach) out.push({ at: (reach + s) / 2, size: s - reach });
    reach = Math.max(reach, e);
  }
  return out;
}

/**
 * Running text on both sides of a gutter: at least 3 printed lines a side, most of them filling their side's
 * width and long (≥ 10 line heights, some 15 characters). Label/value columns and table cells are short and ragged, so a form or
 * table with an empty vertical stripe is still read row by row.
 */
function isTextColumn(items: LayoutItem[], lineHeight: number): boolean {
  const rows = rowsOf(items).map((r) => union(r.map((i) => i.box)));
  if (rows.length < 3) return false;
  const side = union(rows);
  const full = rows.filter((r) => width(r) >= 0.6 * width(side)).length;
  return full >= 0.6 * rows.length && median(rows.map(width)) >= 10 * lineHeight;
}

function columnSplit(items: LayoutItem[], lineHeight: number): LayoutItem[][] | null {
  const gutters = gaps(items, 'x').filter((g) => g.size >= lineHeight);
  if (gutters.length === 0) return null;
  const cuts = gutters.map((g) => g.at).sort((a, b) => a - b);
  const columns: LayoutItem[][] = cuts.map(() => []).concat([[]]);
  for (const item of items) columns[cuts.filter((c) => c < item.box.x0).length]!.push(item);
  return columns.every((c) => isTextColumn(c, lineHeight)) ? columns : null;
}

/** Splits a region into blocks (leaf regions) in reading order. */
function cut(items: LayoutItem[], lineHeight: number, depth = 0): LayoutItem[][] {
  if (items.length <= 1 || depth > 12) return [items];
  const columns = columnSplit(items, lineHeight);
  if (columns) return columns.flatMap((c) => cut(c, lineHeight, depth + 1));
  const bands = gaps(items, 'y');
  const widest = Math.max(0, ...bands.map((g) => g.size));
  // Only gaps clearly wider than line spacing separate blocks; uniform spacing leaves one block of lines.
  const cuts = bands.filter((g) => g.size >= Math.max(0.75 * widest, 0.8 * lineHeight)).map((g) => g.at);
  if (cuts.length === 0) return [items];
  const blocks: LayoutItem[][] = cuts.map(() => []).concat([[]]);
  for (const item of items) blocks[cuts.filter((c) => c < item.box.y0).length]!.push(item);
  return blocks.filter((b) => b.length).flatMap((b) => cut(b, lineHeight, depth + 1));
}

/** Orders lines by their own boxes (or by the given layout boxes, e.g. deskewed by the engine). */
export function readingOrder(input: readonly OcrLine[] | readonly LayoutItem[]): ReadingOrder {
  const items: LayoutItem[] = input.map((i) => ('line' in i ? i : { line: i, box: i.bbox }));
  if (items.length === 0) return { lines: [], text: '' };
  const lineHeight = median(items.map((i) => height(i.box)));
  const lines: OcrLine[] = [];
  const text: string[] = [];
  cut(items, lineHeight).forEach((block, b) => {
    for (const row of rowsOf(block)) {
      lines.push(...row.map((i) => ({ ...i.line, block: b })));
      text.push(row.map((i) => i.line.text).join(' '));
    }
  });
  return { lines, text: text.join('\n') };
}
