// 受理回执 for the thermal printer, as a layout (data) that the printer driver renders to ESC/POS.
// Applicant name and ID number are masked here; nothing else in the layout identifies the person.
import type { ReceiptLayout } from '@easydo/device-drivers/printer/layout';
import { maskIdNumber, maskName } from '@easydo/core/contract/masking';
import { acceptanceReceiptSchema, formatChinaTime, type AcceptanceReceiptData } from './receipt-data';
import { offlineTrackingLink, progressQueryLink, type QueryLinkBuilder } from './query-link';

export interface ReceiptBuildOptions {
  queryLink?: QueryLinkBuilder;
  /** Printed above the title on reprints ("补打"). */
  reprint?: boolean;
}

export function buildAcceptanceReceiptLayout(input: AcceptanceReceiptData, options: ReceiptBuildOptions = {}): ReceiptLayout {
  const d = acceptanceReceiptSchema.parse(input);
  const link = options.queryLink ?? progressQueryLink;
  const offline = d.outcome.kind === 'offline';
  const layout: ReceiptLayout = [
    ...(options.reprint ? [{ type: 'text' as const, text: '（补打）', align: 'center' as const }] : []),
    { type: 'text', text: d.centre, align: 'center', bold: true },
    { type: 'text', text: offline ? '提交回执' : '受理回执', align: 'center', bold: true, size: 2 },
    ...(offline ? [{ type: 'text' as const, text: '已提交，待受理', align: 'center' as const, bold: true }] : []),
    { type: 'rule' },
    d.outcome.kind === 'accepted'
      ? { type: 'leftRight', left: '受理编号', right: d.outcome.acceptanceNumber, bold: true }
      : { type: 'leftRight', left: '本地跟踪码', right: d.outcome.trackingCode, bold: true },
    { type: 'text', text: `事项名称：${d.itemName}` },
    { type: 'leftRight', left: '事项编码', right: d.itemCode },
    { type: 'leftRight', left: '申请人', right: maskName(d.applicantName) },
    { type: 'leftRight', left: '证件号码', right: maskIdNumber(d.applicantIdNumber) },
    { type: 'leftRight', left: '提交时间', right: formatChinaTime(d.submittedAt) },
    { type: 'leftRight', left: '受理终端', right: d.terminalId },
    { type: 'rule' },
    { type: 'text', text: '已收材料', bold: true },
    d.materials.length > 0
      ? { type: 'table', columns: [{ header: '材料名称' }, { header: '份数', width: 4, align: 'right' }, { header: '形式', width: 8 }], rows: d.materials.map((m) => [m.name, String(m.copies), m.form ?? '']) }
      : { type: 'text', text: '（无）' },
    { type: 'rule' },
    { type: 'text', text: `下一步：${d.nextStep}` },
    { type: 'text', text: `办理时限：${d.timeLimit}` },
  ];
  if (d.outcome.kind === 'accepted') {
    layout.push(
      { type: 'leftRight', left: '查询密码', right: d.outcome.queryPassword, bold: true },
      { type: 'text', text: '请妥善保管查询密码，扫码或凭受理编号查询办理进度。' },
      { type: 'qr', data: link({ acceptanceNumber: d.outcome.acceptanceNumber, queryPassword: d.outcome.queryPassword }) },
    );
  } else {
    layout.push(
      { type: 'text', text: '网络恢复后将自动提交至受理平台，受理编号与查询密码将以短信告知；也可凭本地跟踪码在本终端查询。' },
      { type: 'qr', data: offlineTrackingLink(d.outcome.trackingCode) },
    );
  }
  if (d.hotline) layout.push({ type: 'text', text: `咨询电话：${d.hotline}`, align: 'center' });
  layout.push({ type: 'cut' });
  return layout;
}
