// The signed manifest, the package statement, the schedule and the window: pure parts, real Ed25519 signatures.
import { describe, expect, it } from 'vitest';
import { ManifestError, openManifest, type ReleaseManifest } from '@easydo/core/services/update/manifest';
import { eligibility } from '@easydo/core/services/update/rollout';
import { SignatureError, generateSigningKey, isPublicKey, manifestStatement, packageStatement, signData, verifySigned } from '@easydo/core/services/update/signing';
import { inOwnSlot, inWindow, slotMinute } from '@easydo/core/services/update/maintenance-window';
import { compareVersions } from '@easydo/core/services/update/version';
import { UpdateConfig } from '@easydo/core/services/update/config';
import { TerminalConfig } from '@easydo/core/services/config/schema';
import { productionRefusals } from '@easydo/core/services/config/production-policy';

const key = generateSigningKey('k1');
const pinned = [{ id: key.id, publicKey: key.publicKey }];
const T0 = Date.parse('2026-12-01T00:00:00Z');
const manifest = (over: Partial<ReleaseManifest> = {}): ReleaseManifest => ({
  schema: 1,
  channel: 'stable',
  packageName: 'easydo-terminal',
  version: '1.2.0',
  minFromVersion: '1.0.0',
  publishedAt: new Date(T0).toISOString(),
  package: { url: 'p.deb', size: 10, sha512: 'a'.repeat(128), signature: 'A'.repeat(86) + '==', keyId: 'k1' },
  rollout: [
    { ring: 'pilot', opensAt: new Date(T0).toISOString(), soakHours: 24 },
    { ring: 'all', opensAt: new Date(T0 + 24 * 3600_000).toISOString(), soakHours: 0 },
  ],
  killSwitch: false,
  ...over,
});
const envelope = (m: unknown, k = key) => {
  const body = JSON.stringify(m);
  return { keyId: k.id, signature: signData(k, manifestStatement(body)), body };
};

describe('signed manifest', () => {
  it('opens a manifest signed by a pinned key', () => {
    expect(openManifest(envelope(manifest()), pinned, 'stable').version).toBe('1.2.0');
  });

  it('refuses an altered body, another key, a wrong channel and a schedule that skips a soak', () => {
    const env = envelope(manifest());
    expect(() => openManifest({ ...env, body: env.body.replace('1.2.0', '9.2.0') }, pinned, 'stable')).toThrow(ManifestError);
    expect(() => openManifest(envelope(manifest(), generateSigningKey('k1')), pinned, 'stable')).toThrow(/signature/);
    expect(() => openManifest(envelope(manifest(), generateSigningKey('k2')), pinned, 'stable')).toThrow(/does not pin/);
    expect(() => openManifest(envelope(manifest()), pinned, 'beta')).toThrow(expect.objectContaining({ code: 'wrongChannel' }));
    const rushed = manifest({ rollout: [{ ring: 'pilot', opensAt: new Date(T0).toISOString(), soakHours: 24 }, { ring: 'all', opensAt: new Date(T0 + 3600_000).toISOString(), soakHours: 0 }] });
    expect(() => openManifest(envelope(rushed), pinned, 'stable')).toThrow(/soaked/);
  });

  it('a manifest signature never passes as a package signature (different statements)', () => {
    const p = { name: 'easydo-terminal', version: '1.2.0', size: 10, sha512: 'b'.repeat(128) };
    const sig = signData(key, packageStatement(p));
    expect(() => verifySigned(pinned, 'k1', packageStatement(p), sig)).not.toThrow();
    expect(() => verifySigned(pinned, 'k1', manifestStatement(packageStatement(p).toString()), sig)).toThrow(SignatureError);
    expect(() => verifySigned(pinned, 'k1', packageStatement({ ...p, size: 11 }), sig)).toThrow(SignatureError);
  });
});

describe('eligibility', () => {
  const base = { version: '1.1.0', ring: 'pilot', now: T0 + 1000, control: null, knownBad: [] as string[] };
  it('opens rings by the signed schedule only', () => {
    expect(eligibility(manifest(), base)).toEqual({ eligible: true });
    expect(eligibility(manifest(), { ...base, ring: 'all' })).toEqual({ eligible: false, why: 'ringNotOpen' });
    expect(eligibility(manifest(), { ...base, ring: 'all', now: T0 + 25 * 3600_000 })).toEqual({ eligible: true });
    expect(eligibility(manifest(), { ...base, ring: 'street-x' })).toMatchObject({ why: 'ringNotInRelease' });
    expect(eligibility(manifest(), { ...base, ring: null })).toMatchObject({ why: 'noRing' });
  });
  it('the fleet control only holds back; downgrades, too-old versions, known-bad and the kill switch are refused', () => {
    const control = { channel: 'stable', versions: { '1.2.0': { pausedRings: ['pilot'], stopped: false } } };
    expect(eligibility(manifest(), { ...base, control })).toMatchObject({ why: 'ringPaused' });
    expect(eligibility(manifest(), { ...base, ring: 'all', control: { channel: 'stable', versions: { '1.2.0': { pausedRings: [], stopped: false } } } })).toMatchObject({ why: 'ringNotOpen' });
    expect(eligibility(manifest(), { ...base, control: { channel: 'stable', versions: { '1.2.0': { pausedRings: [], stopped: true } } } })).toMatchObject({ why: 'stopped' });
    expect(eligibility(manifest(), { ...base, version: '1.2.0' })).toMatchObject({ why: 'notNewer' });
    expect(eligibility(manifest(), { ...base, version: '1.10.0' })).toMatchObject({ why: 'notNewer' });
    expect(eligibility(manifest(), { ...base, version: '0.9.0' })).toMatchObject({ why: 'tooOld' });
    expect(eligibility(manifest(), { ...base, knownBad: ['1.2.0'] })).toMatchObject({ why: 'knownBad' });
    expect(eligibility(manifest({ killSwitch: true }), base)).toMatchObject({ why: 'killSwitch' });
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
  });
});

describe('maintenance window', () => {
  const w = { start: '02:00', end: '05:00' };
  it('is read in the terminal time zone and may span midnight', () => {
    expect(inWindow(Date.parse('2026-12-02T02:30:00+08:00'), w, 'Asia/Shanghai')).toBe(true);
    expect(inWindow(Date.parse('2026-12-02T05:00:00+08:00'), w, 'Asia/Shanghai')).toBe(false);
    expect(inWindow(Date.parse('2026-12-02T02:30:00Z'), w, 'Asia/Shanghai')).toBe(false);
    expect(inWindow(Date.parse('2026-12-02T23:30:00+08:00'), { start: '23:00', end: '01:00' }, 'Asia/Shanghai')).toBe(true);
    expect(inWindow(Date.parse('2026-12-02T00:30:00+08:00'), { start: '23:00', end: '01:00' }, 'Asia/Shanghai')).toBe(true);
  });
  it('spreads terminals over the first half of the window by id', () => {
    const slots = new Set(Array.from({ length: 50 }, (_, i) => slotMinute(`SZ-${i}`, 180)));
    expect(slots.size).toBeGreaterThan(20);
    expect(Math.max(...slots)).toBeLessThan(90);
    const id = 'SZ-T-0042';
    const slot = slotMinute(id, 180);
    const at = (m: number) => Date.parse('2026-12-02T02:00:00+08:00') + m * 60_000;
    expect(inOwnSlot(at(slot), w, 'Asia/Shanghai', id)).toBe(true);
    if (slot > 0) expect(inOwnSlot(at(slot - 1), w, 'Asia/Shanghai', id)).toBe(false);
  });
});

describe('config', () => {
  const terminal = (update: unknown) => ({ terminalId: 'SZ-1', centreName: 'c', terminalSecret: 's'.repeat(16), adminPinHash: 'scrypt$a$b', update });
  it('refuses a key that is not an Ed25519 public key and unknown fields', () => {
    expect(isPublicKey(key.publicKey)).toBe(true);
    expect(UpdateConfig.safeParse({ feedUrl: 'https://u.example', publicKeys: [{ id: 'k', publicKey: 'AAAA' }] }).success).toBe(false);
    expect(UpdateConfig.safeParse({ feedUrl: 'https://u.example', publicKeys: [] }).success).toBe(false);
    expect(TerminalConfig.safeParse(terminal({ feedUrl: 'https://u.example', publicKeys: pinned, rign: 'pilot' })).success).toBe(false);
    expect(TerminalConfig.parse(terminal({ feedUrl: 'https://u.example', publicKeys: pinned })).update).toMatchObject({ channel: 'stable', ring: null, maintenanceWindow: w2() });
  });
  it('production refuses an update feed without TLS', () => {
    const c = TerminalConfig.parse(terminal({ feedUrl: 'http://u.example', publicKeys: pinned }));
    expect(productionRefusals(c).map((r) => r.field)).toContain('update.feedUrl');
    const ok = TerminalConfig.parse(terminal({ feedUrl: 'https://u.example', publicKeys: pinned }));
    expect(productionRefusals(ok).map((r) => r.field)).not.toContain('update.feedUrl');
  });
});

function w2() {
  return { start: '02:00', end: '05:00' };
}
