// Applications as the renderer submits and sees them.
import { z } from 'zod';

export const FormValue = z.union([z.string().max(2000), z.number(), z.boolean()]);

export const SubmitApplicationRequest = z.object({
  itemCode: z.string().min(1).max(64),
  /** Fields the resident typed. Card and library prefill are merged in main, never trusted from here. */
  form: z.record(z.string().max(64), FormValue),
});
export type SubmitApplicationRequest = z.infer<typeof SubmitApplicationRequest>;

export const LocalStage = z.enum(['draft', 'submitted-locally', 'accepted', 'receipt-printed', 'evaluated']);
export type LocalStage = z.infer<typeof LocalStage>;

export const SubmitApplicationResponse = z.object({
  localId: z.string(),
  localStage: LocalStage,
  /** Server-issued, opaque. Null while the application waits in the outbox (offline). */
  acceptanceNumber: z.string().nullable(),
  queryPassword: z.string().nullable(),
  /** Local tracking code printed on an offline receipt. */
  trackingCode: z.string(),
  serverStage: z.string().nullable(),
});
export type SubmitApplicationResponse = z.infer<typeof SubmitApplicationResponse>;
