// A4 documents: the application as submitted, the 受理回执, and the 受理 / 不予受理 / 补齐补正 notices.
// Every personal identifier is masked (maskName / maskIdNumber) as on the thermal receipt.
import QRCode from 'qrcode';
import { z } from 'zod';
import { maskIdNumber, maskName } from '@easydo/core/services/privacy/masking';
import { acceptanceReceiptSchema, formatChinaTime, textIn, type AcceptanceReceiptData } from '../receipt-data';
import { offlineTrackingLink, type QueryLinkBuilder } from '../query-link';
import { fieldRows, heading, list, paragraph, renderA4, signature } from './a4-document';

const party = z.object({ name: z.string().min(1).max(100), idNumber: z.string().min(6).max(40) });

export const applicationPdfSchema = z.object({
  centre: z.string().min(1).max(100),
  itemName: z.string().min(1).max(200),
  itemCode: z.string().min(1).max(64),
  applicant: party,
  submittedAt: z.iso.datetime({ offset: true }),
  /** Acceptance number, or the local tracking code while offline. */
  reference: z.string().min(1).max(64),
  /** The form as submitted: label → value, in display order. */
  fields: z.array(z.object({ label: z.string().min(1).max(100), value: z.string().max(2000) })).max(200),
  materials: z.array(z.object({ name: z.string().min(1).max(200), copies: z.number().int().min(0).default(1) })).max(100),
});
export type ApplicationPdfData = z.input<typeof applicationPdfSchema>;

const noticeBase = z.object({
  organisation: z.string().min(1).max(100),
  /** Document number, e.g. 深南政受〔2025〕123号 */
  docNumber: z.string().min(1).max(64),
  applicant: party,
  itemName: z.string().min(1).max(200),
  acceptanceNumber: z.string().min(1).max(64),
  /** Date of the decision (ISO 8601). */
  decidedAt: z.iso.datetime({ offset: true }),
});

export const noticePdfSchema = z.discriminatedUnion('kind', [
  noticeBase.extend({ kind: z.literal('acceptance'), timeLimit: z.string().min(1).max(200), nextStep: z.string().min(1).max(500) }),
  noticeBase.extend({
    kind: z.literal('rejection'),
    reasons: z.array(z.string().min(1).max(500)).min(1),
    legalBasis: z.string().min(1).max(500),
    /** Remedy: 行政复议 / 行政诉讼 with their bodies and time limits. */
    remedy: z.string().min(1).max(500),
  }),
  noticeBase.extend({
    kind: z.literal('correction'),
    items: z.array(z.object({ material: z.string().min(1).max(200), requirement: z.string().min(1).max(500) })).min(1),
    /** Deadline for the supplement, e.g. "2025年1月31日前" */
    deadline: z.string().min(1).max(100),
  }),
]);
export type NoticePdfData = z.input<typeof noticePdfSchema>;

const NOTICE_TITLES = { acceptance: '受理通知书', rejection: '不予受理通知书', correction: '补齐补正材料通知书' } as const;

const date = (iso: string) => formatChinaTime(iso).slice(0, 10);

export function buildApplicationPdf(input: ApplicationPdfData): Promise<Buffer> {
  const d = applicationPdfSchema.parse(input);
  return renderA4({ title: '申请表（已提交）' }, (doc) => {
    heading(doc, d.centre, '申请表', `编号：${d.reference}`);
    fieldRows(doc, [
      ['事项名称', d.itemName],
      ['事项编码', d.itemCode],
      ['申请人', maskName(d.applicant.name)],
      ['证件号码', maskIdNumber(d.applicant.idNumber)],
      ['提交时间', formatChinaTime(d.submittedAt)],
    ]);
    paragraph(doc, '申请内容', { size: 14 });
    fieldRows(doc, d.fields.map((f) => [f.label, f.value]));
    paragraph(doc, '提交材料', { size: 14 });
    list(doc, d.materials.length > 0 ? d.materials.map((m) => `${m.name}（${m.copies}份）`) : ['（无）']);
  });
}

export async function buildAcceptanceReceiptPdf(input: AcceptanceReceiptData, queryLink: QueryLinkBuilder): Promise<Buffer> {
  const d = acceptanceReceiptSchema.parse(input);
  const o = d.outcome;
  const qrData = o.kind === 'accepted' ? queryLink(o.acceptanceNumber) : offlineTrackingLink(o.trackingCode);
  const qr = await QRCode.toBuffer(qrData, { errorCorrectionLevel: 'M', margin: 2, scale: 4 });
  return renderA4({ title: o.kind === 'accepted' ? '受理回执' : '提交回执' }, (doc) => {
    heading(doc, d.centre, o.kind === 'accepted' ? '受理回执' : '提交回执（已提交，待受理）');
    fieldRows(doc, [
      o.kind === 'accepted' ? ['受理编号', o.acceptanceNumber] : ['本地跟踪码', o.trackingCode],
      ['事项名称', textIn(d.itemName, 'zh')],
      ['事项编码', d.itemCode],
      ['申请人', maskName(d.applicantName)],
      ['证件号码', maskIdNumber(d.applicantIdNumber)],
      ['提交时间', formatChinaTime(d.submittedAt)],
      ['受理终端', d.terminalId],
      ['已收材料', d.materials.map((m) => `${textIn(m.name, 'zh')}（${m.copies}份${m.form ? `，${textIn(m.form, 'zh')}` : ''}）`).join('；') || '（无）'],
      ['下一步', textIn(d.nextStep, 'zh')],
      ['办理时限', textIn(d.timeLimit, 'zh')],
      ...(o.kind === 'accepted' ? [['查询密码', o.queryPassword] as [string, string]] : []),
    ]);
    paragraph(doc, o.kind === 'accepted' ? '请妥善保管查询密码，扫描二维码或凭受理编号查询办理进度。' : '网络恢复后将自动提交至受理平台，也可凭本地跟踪码在本终端查询。');
    doc.image(qr, doc.page.margins.left, doc.y, { width: 110 });
  });
}

export function buildNoticePdf(input: NoticePdfData): Promise<Buffer> {
  const d = noticePdfSchema.parse(input);
  const title = NOTICE_TITLES[d.kind];
  return renderA4({ title }, (doc) => {
    heading(doc, d.organisation, title, d.docNumber);
    paragraph(doc, `${maskName(d.applicant.name)}（证件号码：${maskIdNumber(d.applicant.idNumber)}）：`);
    if (d.kind === 'acceptance') {
      paragraph(doc, `你（单位）于${date(d.decidedAt)}提出的“${d.itemName}”申请（受理编号：${d.acceptanceNumber}），申请材料齐全、符合法定形式，本机关决定予以受理。`);
      fieldRows(doc, [
        ['办理时限', d.timeLimit],
        ['下一步', d.nextStep],
      ]);
    } else if (d.kind === 'rejection') {
      paragraph(doc, `你（单位）提出的“${d.itemName}”申请（受理编号：${d.acceptanceNumber}），经审查，本机关决定不予受理。理由如下：`);
      list(doc, d.reasons);
      paragraph(doc, `依据：${d.legalBasis}`);
      paragraph(doc, `如不服本决定，${d.remedy}`);
    } else {
      paragraph(doc, `你（单位）提出的“${d.itemName}”申请（受理编号：${d.acceptanceNumber}），申请材料不齐全或不符合法定形式，请于${d.deadline}补齐补正以下材料：`);
      list(doc, d.items.map((i) => `${i.material}：${i.requirement}`));
      paragraph(doc, '逾期不补正的，视为放弃申请。补正材料后，受理编号不变。');
    }
    signature(doc, d.organisation, date(d.decidedAt));
  });
}
