// Layout-aware reading order on synthetic page layouts: boxes placed as a detector would find them on a
// two-column page, a ruled table, a label/value form and a rotated scan.
import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../src/services/materials/ocr-pool';
import type { Quad } from '../../src/services/materials/ppocr/geometry';
import { readingOrder } from '../../src/services/materials/ppocr/reading-order';
import { deskewedBoxes, skewOf } from '../../src/services/materials/ppocr/skew';
import { redInkShare } from '../../src/services/materials/ppocr/red-ink';

const H = 50; // line box height in pixels (≈ 12 pt at 300 dpi after unclip)
const box = (text: string, x0: number, y0: number, x1: number, y1 = y0 + H): OcrLine => ({ text, bbox: { x0, y0, x1, y1 }, confidence: 95 });

/** A column of running text: `n` lines of `width` px from (x, y), 70 px apart, the last line shorter. */
function column(name: string, x: number, y: number, width: number, n: number): OcrLine[] {
  return Array.from({ length: n }, (_, i) => box(`${name}${i + 1}`, x, y + i * 70, x + (i === n - 1 ? width * 0.4 : width)));
}

function shuffled<T>(xs: T[]): T[] {
  // Deterministic reorder (reverse interleave) so input order never happens to be reading order.
  return xs.map((x, i) => ({ x, k: (i * 7919) % xs.length })).sort((a, b) => a.k - b.k).map((e) => e.x);
}

describe('reading order', () => {
  it('reads a two-column page column by column under a full-width title, rows of both columns aligned', () => {
    const lines = [box('标题', 800, 100, 1680), ...column('左', 150, 300, 1000, 6), ...column('右', 1330, 300, 1000, 6), box('页脚', 150, 900, 2330)];
    const order = readingOrder(shuffled(lines));
    expect(order.text.split('\n')).toEqual(['标题', '左1', '左2', '左3', '左4', '左5', '左6', '右1', '右2', '右3', '右4', '右5', '右6', '页脚']);
    const blocks = new Map(order.lines.map((l) => [l.text, l.block]));
    expect(blocks.get('左1')).toBe(blocks.get('左6'));
    expect(blocks.get('右1')).not.toBe(blocks.get('左1'));
    expect(blocks.get('标题')).not.toBe(blocks.get('左1'));
  });

  it('reads a table row by row, cell by cell, left to right, even with empty vertical stripes between columns', () => {
    const cols = [150, 700, 1300, 1900];
    const lines: OcrLine[] = [];
    for (let r = 0; r < 5; r++) cols.forEach((x, c) => lines.push(box(`r${r}c${c}`, x, 400 + r * 90, x + 300 + ((r + c) % 3) * 60)));
    const order = readingOrder(shuffled(lines));
    expect(order.text.split('\n')).toEqual([0, 1, 2, 3, 4].map((r) => cols.map((_, c) => `r${r}c${c}`).join(' ')));
  });

  it('reads a label/value form row by row (a short label column is not a text column)', () => {
    const labels = ['姓名', '性别', '民族', '出生', '住址', '公民身份号码'];
    const lines = labels.flatMap((l, i) => [box(l, 150, 300 + i * 80, 150 + l.length * 50), box(`值${i}`, 700, 300 + i * 80, 700 + 200 + i * 150)]);
    expect(readingOrder(shuffled(lines)).text.split('\n')).toEqual(labels.map((l, i) => `${l} 值${i}`));
  });

  it('keeps line order on a scan turned by 1.5° when the layout boxes are deskewed from the quads', () => {
    const a = (1.5 * Math.PI) / 180;
    const rot = (x: number, y: number) => ({ x: x * Math.cos(a) - y * Math.sin(a), y: x * Math.sin(a) + y * Math.cos(a) });
    const rect = (x0: number, y0: number, x1: number, y1: number): Quad => [rot(x0, y0), rot(x1, y0), rot(x1, y1), rot(x0, y1)];
    // Full-width lines 60 px apart: their axis-aligned boxes (≈ 110 px tall) overlap the neighbours'.
    const quads = Array.from({ length: 8 }, (_, i) => rect(150, 300 + i * 60, 2330, 300 + i * 60 + 45));
    quads.push(rect(150, 900, 600, 945), rect(1800, 900, 2330, 945));
    const lines = quads.map((q, i) => {
      const xs = q.map((p) => p.x);
      const ys = q.map((p) => p.y);
      return { text: `L${i}`, bbox: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }, confidence: 90 };
    });
    expect(skewOf(quads)).toBeCloseTo(a, 5);
    const boxes = deskewedBoxes(quads);
    const order = readingOrder(shuffled(lines.map((line, i) => ({ line, box: boxes[i]! }))));
    expect(order.text.split('\n')).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8 L9']);
    // The lines keep their image-pixel boxes (the PDF text layer is positioned from them).
    expect(order.lines[0]!.bbox).toEqual(lines[0]!.bbox);
  });

  it('returns nothing for an empty page', () => {
    expect(readingOrder([])).toEqual({ lines: [], text: '' });
  });
});

describe('red ink', () => {
  /** 40×20 image: paper, with the left half inked in `ink`. */
  const image = (ink: [number, number, number], paper: [number, number, number] = [235, 232, 225]) => {
    const data = new Uint8Array(40 * 20 * 3);
    for (let y = 0; y < 20; y++) for (let x = 0; x < 40; x++) data.set(x < 20 && y % 3 ? ink : paper, (y * 40 + x) * 3);
    return { data, width: 40, height: 20, channels: 3 };
  };
  const all = { x0: 0, y0: 0, x1: 40, y1: 20 };

  it('tells the red of a seal (dark or pale) from black ink, and says nothing of grey images', () => {
    expect(redInkShare(image([200, 40, 45]), all)).toBeGreaterThan(0.9);
    expect(redInkShare(image([225, 150, 155]), all)).toBeGreaterThan(0.9);
    expect(redInkShare(image([30, 30, 30]), all)).toBe(0);
    expect(redInkShare({ data: new Uint8Array(40 * 20).fill(90), width: 40, height: 20, channels: 1 }, all)).toBe(0);
  });
});
