// A receipt layout fitted to one paper before the driver plans it: every wrapping text, every left/right row that
// does not fit on one line and every table cell is broken here by receipts/line-break (CJK widths, whole words and
// numbers, 禁则), so each block the driver receives already fits its columns and its own column-cut wrap never
// fires. Text is normalised for the profile first (GBK substitutes), so widths are measured on what is printed.
import type { LayoutBlock, ReceiptLayout } from '@easydo/device-drivers/printer/layout';
import type { PrinterProfile } from '@easydo/device-drivers/printer/profiles';
import { normalizeForProfile } from '@easydo/device-drivers/printer/escpos/text-encoding';
import { displayWidth } from '@easydo/device-drivers/printer/escpos/width';
import { breakLines } from './line-break';

type Block<T extends LayoutBlock['type']> = Extract<LayoutBlock, { type: T }>;
type Paper = Pick<PrinterProfile, 'columns' | 'charset'>;

function fitText(b: Block<'text'>, paper: Paper): LayoutBlock[] {
  if (b.overflow === 'truncate') return [b];
  const room = Math.floor(paper.columns / (b.size ?? 1));
  return breakLines(normalizeForProfile(b.text, paper), room).map((text) => ({ ...b, text }));
}

/** One row when both fit with a space between; otherwise the label wraps and the value ends its last line or gets its own, right-aligned. */
function fitLeftRight(b: Block<'leftRight'>, paper: Paper): LayoutBlock[] {
  const cols = paper.columns;
  const left = normalizeForProfile(b.left, paper);
  const right = normalizeForProfile(b.right, paper);
  const bold = b.bold === undefined ? {} : { bold: b.bold };
  if (displayWidth(left) + 1 + displayWidth(right) <= cols) return [{ ...b, left, right }];
  const leftLines = breakLines(left, cols);
  const last = leftLines.pop() ?? '';
  const head: LayoutBlock[] = leftLines.map((text) => ({ type: 'text', text, ...bold }));
  if (displayWidth(last) + 1 + displayWidth(right) <= cols) return [...head, { type: 'leftRight', left: last, right, ...bold }];
  return [...head, { type: 'text', text: last, ...bold }, ...breakLines(right, cols).map((text): LayoutBlock => ({ type: 'text', text, align: 'right', ...bold }))];
}

/**
 * Every column gets an explicit width (auto columns share what the fixed ones leave, as the driver would share
 * it) and every cell its line breaks as `\n`, which the driver keeps; each piece already fits its column.
 */
function fitTable(b: Block<'table'>, paper: Paper): LayoutBlock[] {
  const n = b.columns.length;
  const room = paper.columns - (n - 1);
  const norm = (s: string) => normalizeForProfile(s, paper);
  const rows = b.rows.map((r) => b.columns.map((_, i) => norm(r[i] ?? '')));
  const headers = b.columns.map((c) => (c.header === undefined ? undefined : norm(c.header)));
  const fixed = b.columns.reduce((s, c) => s + (c.width ?? 0), 0);
  const auto = b.columns.filter((c) => c.width === undefined).length;
  // Too narrow for this paper: leave it to the driver, which refuses it with a typed LayoutError.
  if (fixed + auto * 4 > room) return [b];
  const natural = b.columns.map((c, i) => Math.max(2, displayWidth(headers[i] ?? ''), ...rows.map((r) => Math.max(...r[i]!.split('\n').map(displayWidth)))));
  // As the driver shares it: the widest auto column gives up a column until the row fits (none below 4).
  const widths = b.columns.map((c, i) => c.width ?? natural[i]!);
  while (widths.reduce((s, w) => s + w, 0) > room) {
    let widest = -1;
    b.columns.forEach((c, i) => {
      if (c.width === undefined && widths[i]! > 4 && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest]! -= 1;
  }
  const cell = (s: string, i: number) => breakLines(s, widths[i]!).join('\n');
  return [
    {
      ...b,
      columns: b.columns.map((c, i) => ({ ...c, width: widths[i]!, ...(headers[i] === undefined ? {} : { header: cell(headers[i]!, i) }) })),
      rows: rows.map((r) => r.map(cell)),
    },
  ];
}

export function fitLayoutToPaper(layout: ReceiptLayout, paper: Paper): ReceiptLayout {
  return layout.flatMap((b): LayoutBlock[] => {
    switch (b.type) {
      case 'text':
        return fitText(b, paper);
      case 'leftRight':
        return fitLeftRight(b, paper);
      case 'table':
        return fitTable(b, paper);
      default:
        return [b];
    }
  });
}
