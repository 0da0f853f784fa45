// The sample receipt of `npm run printer -- print-sample`: Chinese, a long line, a table, a QR. Synthetic data only.
import type { ReceiptLayout } from './layout';

export function sampleReceipt(): ReceiptLayout {
  return [
    { type: 'text', text: '易办事 自助终端', align: 'center', bold: true, size: 2 },
    { type: 'text', text: '测试打印 / Test print', align: 'center' },
    { type: 'rule' },
    { type: 'leftRight', left: '受理编号', right: 'SZNS-20250101-000123' },
    { type: 'leftRight', left: '金额', right: '¥12.00' },
    { type: 'text', text: '这是一行很长的中文文字，用来检查按显示宽度换行：每个汉字占两列，ASCII 字符占一列，绝不超出纸宽。' },
    {
      type: 'table',
      columns: [{ header: '材料名称' }, { header: '份数', align: 'right', width: 4 }, { header: '状态', width: 6 }],
      rows: [
        ['居民身份证（正反面复印件）', '1', '已收'],
        ['户口簿', '1', '已收'],
        ['申请表（签字）', '2', '待补'],
      ],
    },
    { type: 'rule', char: '=' },
    { type: 'qr', data: 'easydo://query?no=SZNS-20250101-000123&pw=836412' },
    { type: 'text', text: '扫码查询办理进度', align: 'center' },
    { type: 'cut' },
  ];
}
