// Whether this terminal may take a release now: pure, so the schedule is tested without clocks. The signed
// schedule opens rings; the fleet's rollout control (an unsigned document from the feed: operators' pause and stop,
// and the automatic pause after a rollback) can only hold a ring back, never open one early, so a forged control
// document can delay an update but never push one.
import { z } from 'zod';
import { RingName, type ReleaseManifest } from './manifest';
import { Version, compareVersions } from './version';

export const RolloutControl = z.strictObject({
  channel: RingName,
  versions: z.record(
    Version,
    z.strictObject({ pausedRings: z.array(RingName).max(16), stopped: z.boolean(), reason: z.string().max(200).optional() }),
  ),
});
export type RolloutControl = z.infer<typeof RolloutControl>;

export type Eligibility =
  | { eligible: true }
  | { eligible: false; why: 'notNewer' | 'tooOld' | 'killSwitch' | 'stopped' | 'noRing' | 'ringNotInRelease' | 'ringNotOpen' | 'ringPaused' | 'knownBad' };

export function eligibility(
  m: ReleaseManifest,
  t: { version: string; ring: string | null; now: number; control: RolloutControl | null; knownBad: readonly string[] },
): Eligibility {
  const no = (why: Extract<Eligibility, { eligible: false }>['why']): Eligibility => ({ eligible: false, why });
  // A release never goes backwards: a downgrade is refused even when correctly signed (a replayed old manifest).
  if (compareVersions(m.version, t.version) <= 0) return no('notNewer');
  if (compareVersions(t.version, m.minFromVersion) < 0) return no('tooOld');
  if (m.killSwitch) return no('killSwitch');
  if (t.knownBad.includes(m.version)) return no('knownBad');
  const ctl = t.control?.versions[m.version];
  if (ctl?.stopped) return no('stopped');
  if (!t.ring) return no('noRing');
  const step = m.rollout.find((s) => s.ring === t.ring);
  if (!step) return no('ringNotInRelease');
  if (t.now < Date.parse(step.opensAt)) return no('ringNotOpen');
  if (ctl?.pausedRings.includes(t.ring)) return no('ringPaused');
  return { eligible: true };
}
