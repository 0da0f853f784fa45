// The facts a 受理回执 shows, as plain data checked at the boundary (they come from the journal and the
// backend). Names and ID numbers arrive in clear and are masked by the builders, never printed whole.
import { z } from 'zod';

export const receiptMaterialSchema = z.object({
  name: z.string().min(1).max(200),
  copies: z.number().int().min(0).max(999).default(1),
  /** e.g. 原件核验 / 复印件 / 电子件 */
  form: z.string().max(40).optional(),
});

export const acceptanceReceiptSchema = z.object({
  centre: z.string().min(1).max(100),
  terminalId: z.string().min(1).max(64),
  itemName: z.string().min(1).max(200),
  itemCode: z.string().min(1).max(64),
  applicantName: z.string().min(1).max(100),
  applicantIdNumber: z.string().min(6).max(40),
  /** Time of submission (ISO 8601); printed in China Standard Time. */
  submittedAt: z.iso.datetime({ offset: true }),
  materials: z.array(receiptMaterialSchema).max(100),
  nextStep: z.string().min(1).max(500),
  /** Legal time limit (承诺/法定时限), e.g. "自受理之日起20个工作日". */
  timeLimit: z.string().min(1).max(200),
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

/** "2025-01-01 09:30" in China Standard Time, whatever the machine's zone. */
export function formatChinaTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}
