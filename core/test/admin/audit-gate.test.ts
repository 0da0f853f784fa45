// The audit trail (append-only file) and the admin gate: lockout, audit of every attempt, maintenance handshake.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '@easydo/core/services/admin/audit-log';
import { AdminGate, MAINTENANCE_REASON } from '@easydo/core/services/admin/admin-gate';
import { hashPin } from '@easydo/core/services/config/pin';
import { ModeRegistry } from '@easydo/core/services/ipc/caller';
import { DeviceManager } from '@easydo/core/services/devices/device-manager';
import { SessionManager } from '@easydo/core/services/session/session-manager';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'easydo-audit-'));

describe('AuditLog', () => {
  it('appends one JSON line per action, never rewrites, and redacts personal fields in details', () => {
    const dir = tmp();
    const mirrored: string[] = [];
    const log = new AuditLog(dir, { record: (a) => mirrored.push(a) });
    log.record('admin.login', { windowId: 'w1' });
    const first = readFileSync(log.file, 'utf8');
    log.record('admin.testRead', { windowId: 'w1', idNumber: '440304199604122469', note: 'card 440304199604122469' });
    const text = readFileSync(log.file, 'utf8');
    expect(text.startsWith(first)).toBe(true);
    expect(text).not.toContain('440304199604122469');
    expect(log.read().map((e) => e.action)).toEqual(['admin.login', 'admin.testRead']);
    expect(mirrored).toEqual(['admin.login', 'admin.testRead']);
    // A second instance (a restart) appends to the same trail.
    new AuditLog(dir).record('admin.logout', { windowId: 'w1' });
    expect(new AuditLog(dir).read().map((e) => e.action)).toEqual(['admin.login', 'admin.testRead', 'admin.logout']);
  });
});

describe('AdminGate', () => {
  const setup = () => {
    const dir = tmp();
    const modes = new ModeRegistry();
    modes.register('w1', 'kiosk');
    const sessions = new SessionManager();
    const devices = new DeviceManager();
    let now = 1_000_000;
    const gate = new AdminGate(() => hashPin('246810'), modes, { record: () => undefined }, { sessions, service: devices, auditDataDir: dir, maxFailures: 3, lockMs: 60_000, now: () => now });
    return { gate, modes, sessions, devices, audit: gate.audit as AuditLog, advance: (ms: number) => (now += ms) };
  };

  it('locks after repeated wrong PINs, audits every attempt, opens again after the lock', () => {
    const { gate, modes, audit, advance } = setup();
    for (let i = 0; i < 2; i++) expect(() => gate.login('w1', '000000')).toThrow(/Wrong PIN/);
    expect(() => gate.login('w1', '000000')).toThrow(/locked/);
    // The screen says the wait from params (reason + seconds), not from the English message.
    expect(() => gate.login('w1', '246810')).toThrow(expect.objectContaining({ message: expect.stringMatching(/Try again/), reason: 'locked', params: { retryAfterSeconds: 60 } }));
    expect(modes.get('w1')).toBe('kiosk');
    advance(61_000);
    gate.login('w1', '246810');
    expect(modes.get('w1')).toBe('admin');
    expect(audit.read().map((e) => e.action)).toEqual(['admin.login.failed', 'admin.login.failed', 'admin.login.failed', 'admin.lockout.locked', 'admin.login.locked', 'admin.login']);
  });

  it('puts the terminal under maintenance while an admin is in, back in service on logout', () => {
    const { gate, devices } = setup();
    gate.login('w1', '246810');
    expect(devices.serviceState().manual?.reason).toBe(MAINTENANCE_REASON);
    gate.logout('w1');
    expect(devices.serviceState().manual).toBeNull();
  });

  it('keeps an out-of-service reason an admin set by hand after logout', () => {
    const { gate, devices } = setup();
    gate.login('w1', '246810');
    devices.setManualOutOfService('打印机维修');
    gate.logout('w1');
    expect(devices.serviceState().manual?.reason).toBe('打印机维修');
  });

  it('waits for an active resident session to end before entering', async () => {
    const { gate, modes, sessions, devices, audit } = setup();
    await sessions.start(null);
    expect(() => gate.login('w1', '246810')).toThrow(/resident is still using/);
    expect(modes.get('w1')).toBe('kiosk');
    // The resident is not cut off: the terminal stays in service for them.
    expect(devices.serviceState().manual).toBeNull();
    expect(gate.waiting()).toEqual(['w1']);
    await sessions.end('finished');
    expect(modes.get('w1')).toBe('admin');
    expect(devices.serviceState().manual?.reason).toBe(MAINTENANCE_REASON);
    expect(audit.read().map((e) => e.action)).toEqual(['admin.login.waiting-for-session', 'admin.login']);
  });

  it('exit to desktop: refused for a non-admin window and without a shell hook', () => {
    const { gate } = setup();
    expect(() => gate.requestExit('w1')).toThrow(/authenticated admin/);
    gate.login('w1', '246810');
    expect(() => gate.requestExit('w1')).toThrow(/cannot exit/);
    const exits: string[] = [];
    gate.onExitRequested((id) => exits.push(id));
    gate.requestExit('w1');
    expect(exits).toEqual(['w1']);
  });
});
