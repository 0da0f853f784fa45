// A receipt layout as plain text lines, for the screen and screen readers (the paper has the same words).
// QR codes become their payload's caption; rules become a line of dashes.
import type { ReceiptLayout } from '@easydo/device-drivers/printer/layout';

export function layoutToLines(layout: ReceiptLayout): string[] {
  const lines: string[] = [];
  for (const b of layout) {
    switch (b.type) {
      case 'text':
        lines.push(b.text);
        break;
      case 'leftRight':
        lines.push(`${b.left}：${b.right}`);
        break;
      case 'table':
        for (const row of b.rows) lines.push(row.filter(Boolean).join('  '));
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
