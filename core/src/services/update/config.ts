// The `update` section of the terminal's config (absent: the terminal never updates itself). The release keys are
// pinned here; a key that is not a valid Ed25519 public key is refused by the schema, so a terminal never starts
// believing it checks signatures when it cannot. The ring is the fleet's assignment (pushed with configPush), never
// a local random id. Production also refuses a feed that is not https (production-policy.ts).
import { z } from 'zod';
import { MaintenanceWindow } from './maintenance-window';
import { RingName } from './manifest';
import { isPublicKey } from './signing';

export const UpdateConfig = z.strictObject({
  /** The channel's manifest is <feedUrl>/channels/<channel>/manifest.json. */
  feedUrl: z.url({ protocol: /^https?$/ }),
  channel: RingName.default('stable'),
  /** Pinned release keys (rotation: the next key is added here before releases are signed with it). */
  publicKeys: z
    .array(z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), publicKey: z.string().refine(isPublicKey, 'base64 of a raw 32-byte Ed25519 public key') }))
    .min(1)
    .max(8),
  ring: RingName.nullable().default(null),
  maintenanceWindow: MaintenanceWindow.default({ start: '02:00', end: '05:00' }),
  checkMinutes: z.number().int().min(5).max(24 * 60).default(60),
  maxPackageBytes: z.number().int().min(1024 * 1024).max(4 * 1024 * 1024 * 1024).default(1024 * 1024 * 1024),
  /** Agent-side health window; the helper's own (its config) is the backstop when the app cannot even ask. */
  healthWindowSeconds: z.number().int().min(1).max(86400).default(900),
  /** The agent's own folder (downloads; the helper's `acceptFrom` is its downloads/). Default <dataDir>/updates. */
  agentDir: z.string().min(1).optional(),
  /** The helper's folders (packaging/linux/update-helper/README.md). */
  spoolDir: z.string().min(1).default('/var/lib/easydo-update/spool'),
  helperStateDir: z.string().min(1).default('/var/lib/easydo-update'),
});
export type UpdateConfig = z.infer<typeof UpdateConfig>;
