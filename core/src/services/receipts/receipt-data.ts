// The facts a 受理回执 shows, as plain data checked at the boundary (they come from the journal and the
// backend). Names and ID numbers arrive in clear and are masked by the builders, never printed whole.
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, formatLocalDateTime } from '@easydo/core/contract/local-time';

/** A text the slip may print in Chinese, English or both; a plain string reads the same in both. */
export const receiptText = z.union([z.string().min(1).max(500), z.object({ zh: z.string().min(1).max(500), en: z.string().min(1).max(500) })]);
export type ReceiptText = z.infer<typeof receiptText>;

/** zh / en follow the session language; bilingual is English for a department that keeps Chinese records. */
export const receiptLanguage = z.enum(['zh', 'en', 'bilingual']);
export type ReceiptLanguage = z.infer<typeof receiptLanguage>;

export const receiptMaterialSchema = z.object({
  name: receiptText,
  copies: z.number().int().min(0).max(999).default(1),
  /** e.g. 原件核验 / 复印件 / 电子件 */
  form: receiptText.optional(),
});

export const acceptanceReceiptSchema = z.object({
  centre: z.string().min(1).max(100),
  terminalId: z.string().min(1).max(64),
  itemName: receiptText,
  itemCode: z.string().min(1).max(64),
  applicantName: z.string().min(1).max(100),
  /** The name in Latin letters on a foreigner's card: the name the applicant knows, printed masked. */
  applicantLatinName: z.string().min(1).max(100).optional(),
  applicantIdNumber: z.string().min(6).max(40),
  /** How the identity was established; the slip says so when it was a phone code (alone or with the card). */
  identityVerifiedBy: z.enum(['card', 'phone_code', 'card_and_code']).optional(),
  /** Time of submission (ISO 8601); printed in the terminal's time zone. */
  submittedAt: z.iso.datetime({ offset: true }),
  timeZone: z.string().min(1).max(64).default(DEFAULT_TIME_ZONE),
  language: receiptLanguage.default('zh'),
  materials: z.array(receiptMaterialSchema).max(100),
  nextStep: receiptText,
  /** Legal time limit (承诺/法定时限), e.g. "自受理之日起20个工作日". */
  timeLimit: receiptText,
  /** Online: the backend accepted and issued a number and password. Offline: waiting in the outbox. */
  outcome: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('accepted'), acceptanceNumber: z.string().min(1).max(64), queryPassword: z.string().min(4).max(32) }),
    z.object({ kind: z.literal('offline'), trackingCode: z.string().min(1).max(64) }),
  ]),
  /** Service hotline shown at the foot (optional). */
  hotline: z.string().max(40).optional(),
});
export type AcceptanceReceiptData = z.input<typeof acceptanceReceiptSchema>;
export type AcceptanceReceipt = z.output<typeof acceptanceReceiptSchema>;

/** "2025-01-01 09:30" in China Standard Time, whatever the machine's zone (kept for the A4 notices). */
export function formatChinaTime(iso: string): string {
  return formatLocalDateTime(iso, DEFAULT_TIME_ZONE);
}

/** One language of a receipt text (a plain string is the same in both). */
export function textIn(t: ReceiptText, lang: 'zh' | 'en'): string {
  return typeof t === 'string' ? t : t[lang];
}
