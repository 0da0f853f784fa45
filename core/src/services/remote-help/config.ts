// The terminal's remote-help settings (config `remoteHelp`, optional; absent: the defaults).
import { z } from 'zod';

export const RemoteHelpConfig = z.strictObject({
  /** How long a kiosk rings the counters before it tells the resident nobody answered and offers a ticket. */
  ringSeconds: z.number().int().min(10).max(600).default(90),
});
export type RemoteHelpConfig = z.infer<typeof RemoteHelpConfig>;
