// What the agent tells the fleet about an update: one small strict message per change, never anything about a
// resident. The fleet keeps the latest per terminal and counts them per ring and version (fleet/src/updates).
import { z } from 'zod';
import { RingName } from './manifest';
import { Version } from './version';

export const UPDATE_STATES = ['idle', 'pending', 'downloading', 'downloaded', 'installing', 'installed', 'healthy', 'rolledBack', 'failed'] as const;
export const UpdateState = z.enum(UPDATE_STATES);
export type UpdateState = z.infer<typeof UpdateState>;

/** A reason code in a report: a short machine word, never free text (it may have come from an error). */
export const ReasonCode = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/);

export const UpdateReport = z.strictObject({
  terminalId: z.string().regex(/^[A-Z0-9-]{3,32}$/),
  channel: RingName,
  ring: RingName.nullable(),
  /** The release this report is about (null: none on offer). */
  version: Version.nullable(),
  /** The version running now. */
  running: Version,
  state: UpdateState,
  /** A code (why not eligible, why it failed or rolled back). */
  reason: ReasonCode.optional(),
  at: z.iso.datetime({ offset: true }),
});
export type UpdateReport = z.infer<typeof UpdateReport>;
