// Sign-in on a real SQLite file: scrypt hashes, the lockout escalating and surviving a restart, sessions expiring.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_BASE_MS, MAX_FAILURES, Operators, SESSION_TTL_MS, lockDurationMs } from '@easydo/fleet/console/operators';
import { openSqliteStore } from '@easydo/fleet/console/sqlite-store';

describe('operators', () => {
  it('escalates the lock: 15 min after 5 failures, 30 after 10, capped at a day', () => {
    expect(lockDurationMs(MAX_FAILURES - 1)).toBeNull();
    expect(lockDurationMs(MAX_FAILURES)).toBe(LOCK_BASE_MS);
    expect(lockDurationMs(MAX_FAILURES + 1)).toBeNull();
    expect(lockDurationMs(2 * MAX_FAILURES)).toBe(2 * LOCK_BASE_MS);
    expect(lockDurationMs(100 * MAX_FAILURES)).toBe(24 * 3600_000);
  });

  it('keeps the lock across a restart and lifts it when its time is up; stores only a hash', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'fleet-ops-')), 'fleet.sqlite');
    let now = Date.parse('2026-12-01T08:00:00Z');
    const store = openSqliteStore(file);
    const ops = new Operators(store, () => now);
    await ops.upsert({ username: 'op1', password: 'correct horse 1', role: 'street', district: '福田区', street: '莲花街道' });
    expect((await store.getOperator('op1'))!.passwordHash).toMatch(/^scrypt\$16384\$/);
    expect(JSON.stringify(await store.getOperator('op1'))).not.toContain('correct horse');
    for (let i = 0; i < MAX_FAILURES; i++) await ops.signIn('op1', 'nope');
    await store.close();

    const reopened = openSqliteStore(file);
    const again = new Operators(reopened, () => now);
    expect(await again.signIn('op1', 'correct horse 1')).toMatchObject({ ok: false, reason: 'locked' });
    now += LOCK_BASE_MS + 1000;
    const ok = await again.signIn('op1', 'correct horse 1');
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.operator).toEqual({ username: 'op1', role: 'street', district: '福田区', street: '莲花街道' });
    expect(await again.authenticate(ok.token)).toMatchObject({ username: 'op1' });
    expect(await again.authenticate(ok.token + 'x')).toBeNull();
    now += SESSION_TTL_MS + 1;
    expect(await again.authenticate(ok.token)).toBeNull();
    await reopened.close();
  });

  it('refuses a street operator without a street', async () => {
    const store = openSqliteStore(':memory:');
    await expect(new Operators(store).upsert({ username: 'x', password: 'y', role: 'street' })).rejects.toThrow('needs a district and a street');
    await store.close();
  });
});
