// Step 1 of rendering: lay the blocks out into printed lines for a profile. Every width decision lives
// here, so the bytes (render.ts) and the expected output in tests come from the same plan.
import type { Align, LayoutBlock, ReceiptLayout } from '../layout';
import { receiptLayoutSchema } from '../layout';
import type { PrinterProfile } from '../profiles';
import { normalizeForProfile } from './text-encoding';
import { displayWidth, padToWidth, truncateToWidth, wrapToWidth } from './width';
import { codedError } from '../../device/coded-error';

export interface PlannedLine {
  kind: 'line';
  /** The characters sent for this line (already normalised for the profile). */
  text: string;
  align: Align;
  bold: boolean;
  /** Magnification (width = height). */
  size: number;
}
export type PlannedOp =
  | PlannedLine
  | { kind: 'qr'; data: string; size: number; ec: 'L' | 'M' | 'Q' | 'H' }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

export class LayoutError extends codedError<'layoutInvalid'>('LayoutError') {
  constructor(message: string) {
    super('layoutInvalid', message);
  }
}

export function planLayout(layout: ReceiptLayout, profile: PrinterProfile): PlannedOp[] {
  const parsed = receiptLayoutSchema.safeParse(layout);
  if (!parsed.success) throw new LayoutError(`invalid receipt layout: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  return parsed.data.flatMap((block) => planBlock(block, profile));
}

function line(text: string, align: Align = 'left', bold = false, size = 1): PlannedLine {
  return { kind: 'line', text, align, bold, size };
}

function planBlock(block: LayoutBlock, profile: PrinterProfile): PlannedOp[] {
  const cols = profile.columns;
  const norm = (s: string) => normalizeForProfile(s, profile);
  switch (block.type) {
    case 'text': {
      const size = block.size ?? 1;
      const room = Math.floor(cols / size);
      const text = norm(block.text);
      const pieces = block.overflow === 'truncate' ? text.split('\n').map((p) => truncateToWidth(p, room)) : wrapToWidth(text, room);
      return pieces.map((p) => line(p, block.align, block.bold, size));
    }
    case 'leftRight':
      return planLeftRight(norm(block.left), norm(block.right), cols).map((t) => line(t, 'left', block.bold));
    case 'table':
      return planTable(block, cols, norm).map((t) => line(t));
    case 'qr':
      return [{ kind: 'qr', data: block.data, size: block.size ?? (profile.dots >= 576 ? 6 : 4), ec: block.ec ?? 'M' }];
    case 'rule':
      return [line((block.char ?? '-').repeat(cols))];
    case 'feed':
      return [{ kind: 'feed', lines: block.lines ?? 1 }];
    case 'cut':
      return [{ kind: 'cut' }];
  }
}

/** Left text and right text on one line; if they do not fit, the left part wraps and the right part ends the last line (or gets its own). */
export function planLeftRight(left: string, right: string, cols: number): string[] {
  const rightText = truncateToWidth(right, cols);
  const rw = displayWidth(rightText);
  if (displayWidth(left) + 1 + rw <= cols) return [left + ' '.repeat(cols - displayWidth(left) - rw) + rightText];
  const leftLines = wrapToWidth(left, cols);
  const last = leftLines[leftLines.length - 1] ?? '';
  if (displayWidth(last) + 1 + rw <= cols) {
    leftLines[leftLines.length - 1] = last + ' '.repeat(cols - displayWidth(last) - rw) + rightText;
    return leftLines;
  }
  return [...leftLines, padToWidth(rightText, cols, 'right')];
}

/** Fixed-width columns separated by one space; cells wrap inside their column so no line overflows. */
export function planTable(block: Extract<LayoutBlock, { type: 'table' }>, cols: number, norm: (s: string) => string): string[] {
  const n = block.columns.length;
  const room = cols - (n - 1);
  const header = block.columns.some((c) => c.header !== undefined) ? block.columns.map((c) => norm(c.header ?? '')) : null;
  const rows = block.rows.map((r) => block.columns.map((_, i) => norm(r[i] ?? '')));
  const widths = columnWidths(block, room, header ? [header, ...rows] : rows);
  const out: string[] = [];
  const emit = (cells: string[]) => {
    const wrapped = cells.map((c, i) => wrapToWidth(c, widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let k = 0; k < height; k++) {
      const parts = wrapped.map((w, i) => padToWidth(w[k] ?? '', widths[i]!, block.columns[i]!.align ?? 'left'));
      out.push(parts.join(' ').replace(/ +$/, ''));
    }
  };
  if (header) {
    emit(header);
    out.push('-'.repeat(cols));
  }
  rows.forEach(emit);
  return out;
}

function columnWidths(block: Extract<LayoutBlock, { type: 'table' }>, room: number, cells: string[][]): number[] {
  const fixed = block.columns.reduce((s, c) => s + (c.width ?? 0), 0);
  const free = block.columns.filter((c) => c.width === undefined).length;
  if (fixed + free * 2 > room) throw new LayoutError(`table needs ${fixed + free * 2} columns, the paper has ${room} after separators`);
  const natural = block.columns.map((c, i) => c.width ?? Math.max(2, ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const widths = [...natural];
  // Shrink the widest auto column until the row fits; grow nothing (short tables stay short).
  while (widths.reduce((s, w) => s + w, 0) > room) {
    let widest = -1;
    block.columns.forEach((c, i) => {
      if (c.width === undefined && widths[i]! > 2 && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest]! -= 1;
  }
  return widths;
}
