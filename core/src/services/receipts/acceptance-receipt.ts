// 受理回执 for the thermal printer, as a layout (data) that the printer driver renders to ESC/POS.
// Applicant name and ID number are masked here; nothing else in the layout identifies the person. The slip
// speaks the session's language; for a department that keeps Chinese records an English slip is bilingual.
import type { LayoutBlock, ReceiptLayout } from '@easydo/device-drivers/printer/layout';
import type { PrinterProfile } from '@easydo/device-drivers/printer/profiles';
import { fitLayoutToPaper } from './fit-layout';
import { maskIdNumber, maskLatinName, maskName } from '@easydo/core/services/privacy/masking';
import { formatLocalDateTime } from '@easydo/core/contract/local-time';
import { acceptanceReceiptSchema, type AcceptanceReceipt, type AcceptanceReceiptData } from './receipt-data';
import { offlineTrackingLink, type QueryLinkBuilder } from './query-link';
import { RECEIPT_WORDS, label, paragraphs, word } from './receipt-words';

export interface ReceiptBuildOptions {
  /** The QR's progress link for an accepted slip (progressLinkBuilder(config)). */
  queryLink: QueryLinkBuilder;
  /** Printed above the title on reprints ("补打"). */
  reprint?: boolean;
  /**
   * The paper it is printed on: text is then broken for its columns here (CJK widths, whole words and numbers,
   * 禁则; receipts/line-break), not cut at the margin by the driver. Without it the layout is paper-neutral.
   */
  paper?: Pick<PrinterProfile, 'columns' | 'charset'>;
}

/**
 * The applicant as they know themselves: a foreigner by the Latin name on the card (with the Chinese
 * transliteration beside it on a Chinese or bilingual slip), everyone else by the Chinese name. Masked.
 */
export function receiptApplicantName(d: Pick<AcceptanceReceipt, 'applicantName' | 'applicantLatinName' | 'language'>): string {
  const zh = maskName(d.applicantName);
  if (!d.applicantLatinName) return zh;
  const latin = maskLatinName(d.applicantLatinName);
  return d.language === 'en' ? latin : `${latin}（${zh}）`;
}

const text = (t: string, extra: Partial<Extract<LayoutBlock, { type: 'text' }>> = {}): LayoutBlock => ({ type: 'text', text: t, ...extra });

export function buildAcceptanceReceiptLayout(input: AcceptanceReceiptData, options: ReceiptBuildOptions): ReceiptLayout {
  const d = acceptanceReceiptSchema.parse(input);
  const lang = d.language;
  const w = (k: Parameters<typeof word>[0]) => word(k, lang);
  const offline = d.outcome.kind === 'offline';
  const name = receiptApplicantName(d);
  const layout: ReceiptLayout = [
    ...(options.reprint ? [text(w('reprint'), { align: 'center' })] : []),
    text(d.centre, { align: 'center', bold: true }),
    ...paragraphs(offline ? RECEIPT_WORDS.submitted : RECEIPT_WORDS.accepted, lang).map((t, i) =>
      text(t, { align: 'center', bold: true, ...(i === 0 ? { size: 2 } : {}) }),
    ),
    ...(offline ? [text(w('waiting'), { align: 'center', bold: true })] : []),
    { type: 'rule' },
    d.outcome.kind === 'accepted'
      ? { type: 'leftRight', left: w('acceptanceNumber'), right: d.outcome.acceptanceNumber, bold: true }
      : { type: 'leftRight', left: w('trackingCode'), right: d.outcome.trackingCode, bold: true },
    ...paragraphs(d.itemName, lang).map((t, i) => text(i === 0 ? `${w('itemName')}：${t}` : t)),
    { type: 'leftRight', left: w('itemCode'), right: d.itemCode },
    // A long Latin name wraps as text instead of being cut at the right margin.
    d.applicantLatinName ? text(`${w('applicant')}：${name}`) : { type: 'leftRight', left: w('applicant'), right: name },
    { type: 'leftRight', left: w('idNumber'), right: maskIdNumber(d.applicantIdNumber) },
    // A card read is the ordinary case; a phone code is said, so the clerk knows no card was seen.
    ...(d.identityVerifiedBy && d.identityVerifiedBy !== 'card' ? [{ type: 'leftRight' as const, left: w('identity'), right: w(d.identityVerifiedBy === 'phone_code' ? 'byPhoneCode' : 'byCardAndCode') }] : []),
    { type: 'leftRight', left: w('submittedAt'), right: formatLocalDateTime(d.submittedAt, d.timeZone) },
    { type: 'leftRight', left: w('terminal'), right: d.terminalId },
    { type: 'rule' },
    text(w('materials'), { bold: true }),
    d.materials.length > 0
      ? {
          type: 'table',
          columns: [{ header: w('materialName') }, { header: w('copies'), width: lang === 'zh' ? 4 : 5, align: 'right' }, { header: w('form'), width: lang === 'zh' ? 8 : 12 }],
          rows: d.materials.map((m) => [label(m.name, lang), String(m.copies), m.form ? label(m.form, lang) : '']),
        }
      : text(w('none')),
    { type: 'rule' },
    ...paragraphs(d.nextStep, lang).map((t, i) => text(i === 0 ? `${w('nextStep')}：${t}` : t)),
    ...paragraphs(d.timeLimit, lang).map((t, i) => text(i === 0 ? `${w('timeLimit')}：${t}` : t)),
  ];
  if (d.outcome.kind === 'accepted') {
    layout.push(
      { type: 'leftRight', left: w('password'), right: d.outcome.queryPassword, bold: true },
      ...paragraphs(RECEIPT_WORDS.keepPassword, lang).map((t) => text(t)),
      { type: 'qr', data: options.queryLink(d.outcome.acceptanceNumber) },
    );
  } else {
    layout.push(...paragraphs(RECEIPT_WORDS.offlineNote, lang).map((t) => text(t)), { type: 'qr', data: offlineTrackingLink(d.outcome.trackingCode) });
  }
  if (d.hotline) layout.push(text(`${w('hotline')}：${d.hotline}`, { align: 'center' }));
  layout.push({ type: 'cut' });
  return options.paper ? fitLayoutToPaper(layout, options.paper) : layout;
}
