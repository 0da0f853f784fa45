// Who did it: maintainers with their own staff number and PIN; every audit line of their session names them.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '@easydo/core/services/admin/audit-log';
import { AdminGate } from '@easydo/core/services/admin/admin-gate';
import { hashPin } from '@easydo/core/services/config/pin';
import { ModeRegistry } from '@easydo/core/services/ipc/caller';
import { parseConfig, simulatorDefaults } from '@easydo/core/services/config/load';
import { publicView } from '@easydo/core/services/config/public-view';

const SHARED = '246810';

function setup(operators: { id: string; pinHash: string }[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-operators-'));
  const modes = new ModeRegistry();
  modes.register('w1', 'kiosk');
  const gate = new AdminGate(() => hashPin(SHARED), modes, { record: () => undefined }, { auditDataDir: dir, operators: () => operators });
  const trail = () => new AuditLog(dir).read();
  return { gate, modes, trail };
}

describe('AdminGate operators', () => {
  const listed = [{ id: '1001', pinHash: hashPin('135791') }, { id: '1002', pinHash: hashPin('975313') }];

  it('a listed maintainer enters with their own number and PIN, and login and logout name them', () => {
    const { gate, modes, trail } = setup(listed);
    gate.login('w1', '975313', '1002');
    expect(modes.get('w1')).toBe('admin');
    expect(gate.operatorOf('w1')).toBe('1002');
    gate.logout('w1');
    expect(gate.operatorOf('w1')).toBeNull();
    expect(trail().map((e) => [e.action, e.detail.operator])).toEqual([['admin.login', '1002'], ['admin.logout', '1002']]);
    gate.close();
  });

  it("refuses another maintainer's PIN, an unknown number and the shared PIN alone, as wrong PINs", () => {
    const { gate, modes, trail } = setup(listed);
    expect(() => gate.login('w1', '135791', '1002')).toThrow(/Wrong PIN/);
    expect(() => gate.login('w1', '135791', '9999')).toThrow(/Wrong PIN/);
    expect(() => gate.login('w1', SHARED)).toThrow(/Wrong PIN/);
    expect(modes.get('w1')).toBe('kiosk');
    expect(trail().map((e) => e.action)).toEqual(['admin.login.failed', 'admin.login.failed', 'admin.login.failed']);
    gate.close();
  });

  it('with nobody listed the shared PIN opens and the trail says shared; a number is then refused', () => {
    const { gate, trail } = setup([]);
    expect(() => gate.login('w1', SHARED, '1001')).toThrow(/Wrong PIN/);
    gate.login('w1', SHARED);
    expect(gate.operatorOf('w1')).toBe('shared');
    expect(trail().at(-1)).toMatchObject({ action: 'admin.login', detail: { operator: 'shared' } });
    gate.close();
  });

  it('the config takes maintainers (strict: a staff number of digits and a scrypt hash)', () => {
    const ok = parseConfig({ ...simulatorDefaults(), admin: { idleTimeoutSeconds: 300, operators: [{ id: '1001', pinHash: hashPin('135791') }] } });
    expect(ok.admin.operators?.map((o) => o.id)).toEqual(['1001']);
    expect(parseConfig({ ...simulatorDefaults() }).admin.operators).toBeUndefined();
    expect(() => parseConfig({ ...simulatorDefaults(), admin: { idleTimeoutSeconds: 300, operators: [{ id: 'zhang', pinHash: hashPin('135791') }] } })).toThrow();
    expect(() => parseConfig({ ...simulatorDefaults(), admin: { idleTimeoutSeconds: 300, operators: [{ id: '1001', pinHash: '135791' }] } })).toThrow();
  });

  it("the admin screens see the maintainers' numbers, never their PIN hashes", () => {
    const config = parseConfig({ ...simulatorDefaults(), admin: { idleTimeoutSeconds: 300, operators: [{ id: '1001', pinHash: hashPin('135791') }] } });
    const view = publicView(config);
    expect(view.admin.operators).toEqual([{ id: '1001' }]);
    expect(JSON.stringify(view)).not.toContain(config.admin.operators![0]!.pinHash);
  });
});
