// The helper's whole interface, checked with zod on the root side: what the unprivileged agent may ask (install a
// verified file, confirm a version healthy, roll back), the helper's own configuration (root-owned), and the state
// file it keeps (world-readable, so the agent can report it). Nothing else crosses from the agent to root.
import { z } from 'zod';

export const VERSION = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/;
const Version = z.string().regex(VERSION);
const RequestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const Reason = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/);

export const HelperRequest = z.discriminatedUnion('op', [
  z.strictObject({
    id: RequestId,
    op: z.literal('install'),
    /** A file in the agent's download folder (helper config `acceptFrom`); copied before it is checked. */
    file: z.string().min(1).max(4096),
    version: Version,
    size: z.number().int().min(1),
    sha512: z.string().regex(/^[a-f0-9]{128}$/),
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
    keyId: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
  }),
  z.strictObject({ id: RequestId, op: z.literal('healthy'), version: Version }),
  z.strictObject({ id: RequestId, op: z.literal('rollback'), reason: Reason }),
]);
export type HelperRequest = z.infer<typeof HelperRequest>;

export const HelperResult = z.strictObject({
  id: RequestId,
  ok: z.boolean(),
  code: z.string().max(64),
  message: z.string().max(500),
  /** The version dpkg reports installed after the request. */
  installed: Version.nullable(),
  at: z.iso.datetime({ offset: true }),
});
export type HelperResult = z.infer<typeof HelperResult>;

export const HelperConfig = z.strictObject({
  stateDir: z.string().min(1),
  /** Where the agent drops requests (group-writable by the agent's user; a systemd .path unit watches it). */
  spoolDir: z.string().min(1),
  /** The only folder install requests may name files in. */
  acceptFrom: z.string().min(1),
  packageName: z.string().regex(/^[a-z0-9][a-z0-9+.-]{1,63}$/),
  publicKeys: z.array(z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), publicKey: z.string().refine((k) => Buffer.from(k, 'base64').length === 32 && Buffer.from(k, 'base64').toString('base64') === k, 'base64 of a raw 32-byte Ed25519 public key') })).min(1).max(8),
  maxPackageBytes: z.number().int().min(1),
  healthWindowSeconds: z.number().int().min(1).max(86400).default(900),
  /** Starts without a health report after which the previous version comes back. */
  maxFailedStarts: z.number().int().min(1).max(20).default(3),
  /** dpkg and its options; tests give `--root` of a private tree, an image leaves the default. */
  dpkg: z.strictObject({ command: z.string().min(1).default('dpkg'), args: z.array(z.string()).max(20).default([]) }).default({ command: 'dpkg', args: [] }),
  /** How long a helper waits for another one to finish (a rollback at a start check) before it gives up. */
  lockWaitSeconds: z.number().int().min(0).max(3600).default(600),
  /** Run after a rollback outside an app start (the deadline timer): restarts the kiosk unit on the old version. */
  restartCommand: z.array(z.string().min(1)).max(10).optional(),
});
export type HelperConfig = z.infer<typeof HelperConfig>;

const Held = z.strictObject({ version: Version, file: z.string() });
export const HelperState = z.strictObject({
  schema: z.literal(1),
  /** The last version that proved healthy, and its package (kept for rollback). */
  good: Held.nullable(),
  /** The good version before it (kept, so one more step back exists). */
  previousGood: Held.nullable(),
  /** Installed, not yet healthy. */
  pending: Held.extend({ installedAt: z.number(), deadline: z.number(), starts: z.number().int() }).nullable(),
  /** Written before dpkg runs, cleared after: found at start-up, it means the install was cut off. */
  inFlight: z.strictObject({ op: z.enum(['install', 'rollback']), version: Version, startedAt: z.number() }).nullable(),
  /** Versions that rolled back here, newest last: the agent reports them and never takes them again. */
  rolledBack: z.array(z.strictObject({ version: Version, reason: Reason, at: z.number() })).max(50),
});
export type HelperState = z.infer<typeof HelperState>;

export const EMPTY_STATE: HelperState = { schema: 1, good: null, previousGood: null, pending: null, inFlight: null, rolledBack: [] };
