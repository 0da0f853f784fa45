// The PIN lockout: escalating locks (5 → 5 min, 10 → 30 min, …), kept across restarts in a file, audited.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lockout } from '@easydo/core/services/admin/lockout';
import { AdminGate } from '@easydo/core/services/admin/admin-gate';
import type { AuditLog } from '@easydo/core/services/admin/audit-log';
import { hashPin } from '@easydo/core/services/config/pin';
import { ModeRegistry } from '@easydo/core/services/ipc/caller';

const MIN = 60_000;
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'easydo-lockout-'));

function failTimes(lockout: Lockout, n: number) {
  let last = { failures: 0, lockedForMs: 0 };
  for (let i = 0; i < n; i++) last = lockout.recordFailure();
  return last;
}

describe('Lockout', () => {
  it('locks for 5 min after 5 wrong PINs, 30 min after 10, 3 h after 15, never more than 24 h', () => {
    let now = 0;
    const lockout = new Lockout({ now: () => now });
    expect(failTimes(lockout, 4).lockedForMs).toBe(0);
    expect(lockout.remainingMs()).toBe(0);
    expect(lockout.recordFailure()).toEqual({ failures: 5, lockedForMs: 5 * MIN });
    expect(lockout.remainingMs()).toBe(5 * MIN);
    now += 5 * MIN;
    expect(lockout.remainingMs()).toBe(0);
    expect(failTimes(lockout, 5)).toEqual({ failures: 10, lockedForMs: 30 * MIN });
    now += 30 * MIN;
    expect(failTimes(lockout, 5)).toEqual({ failures: 15, lockedForMs: 180 * MIN });
    expect(lockout.lockFor(4)).toBe(18 * 60 * MIN);
    expect(lockout.lockFor(5)).toBe(24 * 60 * MIN);
    expect(lockout.lockFor(9)).toBe(24 * 60 * MIN);
  });

  it('a right PIN resets the count, so the next lock is the first one again', () => {
    let now = 0;
    const lockout = new Lockout({ now: () => now });
    failTimes(lockout, 5);
    now += 5 * MIN;
    lockout.recordSuccess();
    expect(failTimes(lockout, 5).lockedForMs).toBe(5 * MIN);
  });

  it('keeps the count and the lock across a restart (a new instance on the same file)', () => {
    const file = path.join(tmp(), 'admin', 'lockout.json');
    let now = 1_000;
    failTimes(new Lockout({ now: () => now, file }), 7);
    const restarted = new Lockout({ now: () => now, file });
    expect(restarted.failuresSoFar()).toBe(7);
    expect(failTimes(restarted, 3)).toEqual({ failures: 10, lockedForMs: 30 * MIN });
    now += 10 * MIN;
    expect(new Lockout({ now: () => now, file }).remainingMs()).toBe(20 * MIN);
  });

  it('treats a damaged state file as a lock (fail closed), not as a fresh start', () => {
    const dir = tmp();
    const file = path.join(dir, 'lockout.json');
    writeFileSync(file, '{"failures": "many"');
    const lockout = new Lockout({ now: () => 0, file });
    expect(lockout.damaged).toBe(true);
    expect(lockout.remainingMs()).toBe(5 * MIN);
  });
});

describe('AdminGate lockout', () => {
  const gateAt = (dir: string, now: () => number) => {
    const modes = new ModeRegistry();
    modes.register('w1', 'kiosk');
    return { modes, gate: new AdminGate(() => hashPin('97531864'), modes, { record: () => undefined }, { auditDataDir: dir, now }) };
  };

  it('a restart does not reopen a locked door, and the lock is in the audit trail', () => {
    const dir = tmp();
    let now = 5_000_000;
    const first = gateAt(dir, () => now);
    for (let i = 0; i < 4; i++) expect(() => first.gate.login('w1', '000000')).toThrow(/Wrong PIN/);
    expect(() => first.gate.login('w1', '000000')).toThrow(/locked for 5 min/);

    const second = gateAt(dir, () => now); // the process restarted
    expect(() => second.gate.login('w1', '97531864')).toThrow(/Try again in 300 s/);
    expect(second.modes.get('w1')).toBe('kiosk');
    now += 5 * MIN;
    for (let i = 0; i < 4; i++) expect(() => second.gate.login('w1', '000000')).toThrow(/Wrong PIN/);
    expect(() => second.gate.login('w1', '000000')).toThrow(/locked for 30 min/);

    const trail = (second.gate.audit as AuditLog).read();
    const locks = trail.filter((e) => e.action === 'admin.lockout.locked');
    expect(locks.map((e) => e.detail)).toEqual([
      { windowId: 'w1', failures: 5, lockedForSeconds: 300 },
      { windowId: 'w1', failures: 10, lockedForSeconds: 1800 },
    ]);
    expect(trail.filter((e) => e.action === 'admin.login.locked')).toHaveLength(1);
  });

  it('audits a lockout file that could not be read', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'admin'), { recursive: true });
    writeFileSync(path.join(dir, 'admin', 'lockout.json'), 'not json');
    const { gate } = gateAt(dir, () => 0);
    expect((gate.audit as AuditLog).read().map((e) => e.action)).toEqual(['admin.lockout.unreadable']);
    expect(() => gate.login('w1', '97531864')).toThrow(/Try again/);
  });
});
