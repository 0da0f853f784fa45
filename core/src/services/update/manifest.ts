// The release manifest of one channel, as the release tooling signs it and the terminal checks it. The file on the
// feed is a small envelope { keyId, signature, body }: `body` is the manifest's JSON text exactly as signed (no
// re-serialising, so no canonical-JSON question), parsed only after its signature checked out.
import { z } from 'zod';
import { Version, compareVersions } from './version';
import { manifestStatement, verifySigned, type PinnedKey } from './signing';
import { codedError } from '@easydo/device-drivers/device/coded-error';

export class ManifestError extends codedError<'malformed' | 'signature' | 'wrongChannel'>('ManifestError') {}

export const RingName = z.string().regex(/^[a-z0-9-]{1,32}$/, 'a ring name: a-z, 0-9, -');
const Instant = z.iso.datetime({ offset: true });
const KeyId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
export const Sha512Hex = z.string().regex(/^[a-f0-9]{128}$/, 'sha512 as 128 lower-case hex digits');

/** One ring of the schedule: it opens at `opensAt`; the next ring may open only after this one soaked. */
export const RingStep = z.strictObject({ ring: RingName, opensAt: Instant, soakHours: z.number().min(0).max(24 * 30) });

export const ReleaseManifest = z
  .strictObject({
    schema: z.literal(1),
    channel: RingName,
    /** The Debian package name the helper installs (one name per product). */
    packageName: z.string().regex(/^[a-z0-9][a-z0-9+.-]{1,63}$/),
    version: Version,
    /** Terminals on an older version need an intermediate release first. */
    minFromVersion: Version,
    publishedAt: Instant,
    package: z.strictObject({
      /** Relative to the manifest's URL, or absolute. */
      url: z.string().min(1).max(500),
      size: z.number().int().min(1),
      sha512: Sha512Hex,
      /** Ed25519 over the package statement (signing.ts), by `keyId`. */
      signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'base64 of a 64-byte signature'),
      keyId: KeyId,
    }),
    /** In order; a terminal whose ring is not listed gets nothing from this release. */
    rollout: z.array(RingStep).min(1).max(16),
    /** Stops this release everywhere it has not been installed yet (installed terminals keep it: rollback is the fleet's ring pause + a newer release). */
    killSwitch: z.boolean(),
  })
  .superRefine((m, ctx) => {
    if (compareVersions(m.minFromVersion, m.version) > 0) ctx.addIssue({ code: 'custom', path: ['minFromVersion'], message: 'newer than the version itself' });
    const names = new Set<string>();
    m.rollout.forEach((step, i) => {
      if (names.has(step.ring)) ctx.addIssue({ code: 'custom', path: ['rollout', i, 'ring'], message: 'ring listed twice' });
      names.add(step.ring);
      const prev = m.rollout[i - 1];
      if (prev && Date.parse(step.opensAt) < Date.parse(prev.opensAt) + prev.soakHours * 3600_000) {
        ctx.addIssue({ code: 'custom', path: ['rollout', i, 'opensAt'], message: `opens before ring ${prev.ring} has soaked` });
      }
    });
  });
export type ReleaseManifest = z.infer<typeof ReleaseManifest>;

export const SignedManifest = z.strictObject({ keyId: KeyId, signature: z.string().max(200), body: z.string().min(2).max(64 * 1024) });
export type SignedManifest = z.infer<typeof SignedManifest>;

/** Envelope → checked signature → parsed manifest of the expected channel. Throws ManifestError. */
export function openManifest(raw: unknown, keys: readonly PinnedKey[], channel: string): ReleaseManifest {
  const env = SignedManifest.safeParse(raw);
  if (!env.success) throw new ManifestError('malformed', 'the manifest envelope is malformed');
  try {
    verifySigned(keys, env.data.keyId, manifestStatement(env.data.body), env.data.signature);
  } catch (e) {
    throw new ManifestError('signature', (e as Error).message, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(env.data.body);
  } catch {
    throw new ManifestError('malformed', 'the signed body is not JSON');
  }
  const m = ReleaseManifest.safeParse(json);
  if (!m.success) throw new ManifestError('malformed', m.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  if (m.data.channel !== channel) throw new ManifestError('wrongChannel', `manifest of channel ${m.data.channel}, expected ${channel}`);
  return m.data;
}
