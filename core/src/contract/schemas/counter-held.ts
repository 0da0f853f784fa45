// Counter applications the outbox set aside because the platform refused the clerk's sign-in (needs-clerk):
// listed at the counter with the reason, and re-authorised by the clerk who took them once signed in again.
import { z } from 'zod';
import { SubmitApplicationResponse } from './application';
import { LocalText } from './catalogue';

export const HeldApplication = z.object({
  localId: z.string(),
  trackingCode: z.string(),
  itemCode: z.string(),
  itemName: LocalText,
  applicantMasked: z.string(),
  /** Staff id of the clerk who took it (only that clerk may re-authorise it), when this counter recorded it. */
  takenBy: z.string().nullable(),
  reason: z.literal('clerk-token-expired'),
  since: z.string().nullable(),
});
export type HeldApplication = z.infer<typeof HeldApplication>;

export const HeldView = z.object({ applications: z.array(HeldApplication) });
export type HeldView = z.infer<typeof HeldView>;

export const ReauthoriseRequest = z.object({ localId: z.string().min(1).max(64) }).strict();
export const ReauthoriseResponse = SubmitApplicationResponse;
