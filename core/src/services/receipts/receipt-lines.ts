// A receipt layout as plain text lines, for the screen and screen readers (the paper has the same words; a layout
// fitted to its paper gives the paper's own lines). QR codes, feeds and cuts print nothing here; rules become a
// line of dashes; a table cell broken over lines (`\n`) gives one screen line per printed line.
import type { ReceiptLayout } from '@easydo/device-drivers/printer/layout';

export function layoutToLines(layout: ReceiptLayout): string[] {
  const lines: string[] = [];
  for (const b of layout) {
    switch (b.type) {
      case 'text':
        lines.push(...b.text.split('\n'));
        break;
      case 'leftRight':
        lines.push(`${b.left}：${b.right}`);
        break;
      case 'table':
        for (const row of b.rows) {
          const cells = row.map((c) => c.split('\n'));
          const height = Math.max(1, ...cells.map((c) => c.length));
          for (let k = 0; k < height; k++) {
            const line = cells.map((c) => c[k] ?? '').filter(Boolean).join('  ');
            if (line) lines.push(line);
          }
        }
        break;
      case 'rule':
        lines.push('-'.repeat(24));
        break;
      case 'qr':
      case 'feed':
      case 'cut':
        break;
    }
  }
  return lines;
}
