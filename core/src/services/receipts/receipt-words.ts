// The fixed words of the 受理回执 in Chinese and English. A bilingual slip prints the Chinese first (the
// department's record) and the English beside or below it.
import { textIn, type ReceiptLanguage, type ReceiptText } from './receipt-data';

export const RECEIPT_WORDS = {
  reprint: { zh: '（补打）', en: '(Reprint)' },
  accepted: { zh: '受理回执', en: 'Acceptance receipt' },
  submitted: { zh: '提交回执', en: 'Submission receipt' },
  waiting: { zh: '已提交，待受理', en: 'Submitted, awaiting acceptance' },
  acceptanceNumber: { zh: '受理编号', en: 'Acceptance no.' },
  trackingCode: { zh: '本地跟踪码', en: 'Tracking code' },
  itemName: { zh: '事项名称', en: 'Service' },
  itemCode: { zh: '事项编码', en: 'Service code' },
  applicant: { zh: '申请人', en: 'Applicant' },
  idNumber: { zh: '证件号码', en: 'ID number' },
  submittedAt: { zh: '提交时间', en: 'Submitted' },
  identity: { zh: '身份核验', en: 'Identity' },
  byPhoneCode: { zh: '手机身份码', en: 'phone identity code' },
  byCardAndCode: { zh: '证件 + 手机身份码', en: 'card + phone code' },
  terminal: { zh: '受理终端', en: 'Terminal' },
  materials: { zh: '已收材料', en: 'Materials received' },
  materialName: { zh: '材料名称', en: 'Material' },
  copies: { zh: '份数', en: 'Qty' },
  form: { zh: '形式', en: 'Form' },
  none: { zh: '（无）', en: '(none)' },
  nextStep: { zh: '下一步', en: 'Next step' },
  timeLimit: { zh: '办理时限', en: 'Time limit' },
  password: { zh: '查询密码', en: 'Query password' },
  keepPassword: { zh: '请妥善保管查询密码，扫码或凭受理编号查询办理进度。', en: 'Keep the query password safe. Scan the code or use the acceptance number to check progress.' },
  offlineNote: {
    zh: '网络恢复后将自动提交至受理平台，受理编号与查询密码将以短信告知；也可凭本地跟踪码在本终端查询。',
    en: 'This terminal submits the application when the network is back; the acceptance number and password follow by SMS. You can also check with the tracking code here.',
  },
  hotline: { zh: '咨询电话', en: 'Hotline' },
} as const;

export type ReceiptWord = keyof typeof RECEIPT_WORDS;

/** A fixed word in the slip's language: "受理编号", "Acceptance no." or "受理编号 Acceptance no.". */
export function word(key: ReceiptWord, lang: ReceiptLanguage): string {
  return label(RECEIPT_WORDS[key], lang);
}

/** Any receipt text as a one-line label in the slip's language (both, Chinese first, when bilingual). */
export function label(t: ReceiptText, lang: ReceiptLanguage): string {
  if (lang !== 'bilingual') return textIn(t, lang);
  const zh = textIn(t, 'zh');
  const en = textIn(t, 'en');
  return zh === en ? zh : `${zh} ${en}`;
}

/** A sentence (or paragraph) in the slip's language: one line each, Chinese first, on a bilingual slip. */
export function paragraphs(t: ReceiptText, lang: ReceiptLanguage): string[] {
  if (lang !== 'bilingual') return [textIn(t, lang)];
  const zh = textIn(t, 'zh');
  const en = textIn(t, 'en');
  return zh === en ? [zh] : [zh, en];
}
