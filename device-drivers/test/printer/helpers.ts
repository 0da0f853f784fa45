// Shared test helpers: artefact directories and the layout used by golden and loopback tests.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ReceiptLayout } from '../../src/printer/layout';

export function artifactDir(name: string): string {
  const dir = path.resolve(import.meta.dirname, '../../../test-artifacts/printer', `${name}-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Synthetic receipt exercising every block type, CJK, a long line, ¥ and a non-ASCII QR payload. */
export const GOLDEN_LAYOUT: ReceiptLayout = [
  { type: 'text', text: '深圳市南山区政务服务中心', align: 'center', bold: true, size: 2 },
  { type: 'text', text: '受理回执 RECEIPT', align: 'center' },
  { type: 'rule' },
  { type: 'leftRight', left: '受理编号', right: 'SZNS-20250101-000123' },
  { type: 'leftRight', left: '这是一段很长很长很长很长很长的左侧说明文字用于测试换行', right: '¥12.00', bold: true },
  { type: 'text', text: '办理时限：自受理之日起20个工作日内办结。请凭查询密码查询进度，不要将密码告诉他人。' },
  {
    type: 'table',
    columns: [{ header: '材料' }, { header: '份数', align: 'right', width: 4 }],
    rows: [
      ['居民身份证复印件（正反面）以及户口簿首页', '1'],
      ['申请表', '2'],
    ],
  },
  { type: 'text', text: 'x'.repeat(100), overflow: 'truncate' },
  { type: 'feed', lines: 1 },
  { type: 'qr', data: 'easydo://query?no=SZNS-20250101-000123&pw=836412&中心=南山' },
  { type: 'cut' },
];
