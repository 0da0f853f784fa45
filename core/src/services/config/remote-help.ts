// The terminal's remote-help settings (config `remoteHelp`, optional; absent: the defaults).
import { z } from 'zod';

export const RemoteHelpConfig = z.strictObject({
  /** How long a kiosk rings the counters before it tells the resident nobody answered and offers a ticket. */
  ringSeconds: z.number().int().min(10).max(600).default(90),
  /**
   * STUN/TURN servers for the call's media (the hall's own TURN across NAT and firewalls). Empty: host candidates
   * only, which is enough on one network (and on loopback in tests).
   */
  iceServers: z.array(z.strictObject({
    urls: z.array(z.string().regex(/^(stun|turn|turns):[^\s]{1,200}$/)).min(1).max(4),
    username: z.string().max(128).optional(),
    credential: z.string().max(256).optional(),
  })).max(4).default([]),
});
export type RemoteHelpConfig = z.infer<typeof RemoteHelpConfig>;

/** The settings a terminal without a `remoteHelp` section runs with (the schema's defaults). */
export const REMOTE_HELP_DEFAULTS: RemoteHelpConfig = RemoteHelpConfig.parse({});
