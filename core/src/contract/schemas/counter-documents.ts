// Documents the counter prints (A4 through CUPS, the thermal receipt) and journaled applications it can
// pick up again. Applicants appear masked; main holds the clear values.
import { z } from 'zod';
import { FormValue, LocalStage } from './application';
import { LocalText } from './catalogue';

export const DocumentKind = z.enum(['receipt', 'application', 'acceptance', 'rejection', 'correction', 'thermal']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const PrintDocumentRequest = z.object({ localId: z.string().min(1).max(64), kind: DocumentKind }).strict();
export const PrintDocumentResponse = z.object({ kind: DocumentKind, target: z.enum(['cups', 'thermal']), queue: z.string(), jobId: z.string() });
export type PrintDocumentResponse = z.infer<typeof PrintDocumentResponse>;

export const ApplicationSummary = z.object({
  localId: z.string(),
  trackingCode: z.string(),
  itemCode: z.string(),
  itemName: LocalText,
  localStage: LocalStage.or(z.enum(['failed', 'needs-clerk', 'quarantined'])),
  acceptanceNumber: z.string().nullable(),
  channel: z.enum(['kiosk', 'counter']),
  applicantMasked: z.string(),
  createdAt: z.string(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const StageRequest = z.object({ localId: z.string().min(1).max(64) }).strict();
export const StageResponse = z.object({
  serverStage: z.string().nullable(),
  /** Documents that fit the stage reached. */
  documents: z.array(DocumentKind),
  reason: z.string().nullable(),
  supplementList: z.array(z.string()),
});
export type StageResponse = z.infer<typeof StageResponse>;

export const PickupRequest = z
  .object({
    trackingCode: z.string().regex(/^[A-Za-z0-9]{4,32}$/).optional(),
    byCard: z.boolean().optional(),
    /** The slip's QR as the 2D scanner read it (qr:scanReceipt): its progress link or offline tracking link. */
    receiptQr: z.string().min(1).max(500).optional(),
  })
  .strict()
  .refine((r) => r.trackingCode !== undefined || r.byCard === true || r.receiptQr !== undefined, 'a tracking code, the slip\'s QR or the card on the reader is needed');
export const PickupResponse = z.object({ applications: z.array(ApplicationSummary) });

export const ResumeResponse = z.object({ itemCode: z.string(), form: z.record(z.string(), FormValue) });
