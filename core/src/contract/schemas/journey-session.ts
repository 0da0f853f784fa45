// Session channels of the journey: guest sessions, activity reports, card-must-stay choice.
import { z } from 'zod';

export const SessionInfo = z.object({
  active: z.boolean(),
  guest: z.boolean(),
  /** Main's safety-net idle limit in seconds (the screen's own warning + countdown come first). */
  idleLimitSeconds: z.number().int().positive(),
  /** The screen's inactivity before its warning, and the warning's countdown (config.session). */
  idleWarningSeconds: z.number().int().positive(),
  idleCountdownSeconds: z.number().int().positive(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const RequireCardRequest = z.object({ required: z.boolean() }).strict();
/** endCurrent: yes, end this visit and start with the card now on the reader; no, carry on (take that card off). */
export const OtherCardRequest = z.object({ endCurrent: z.boolean() }).strict();
