// Admin sessions end by themselves: no activity for the idle timeout logs the admin out and returns the window to
// the mode it started in (a mode change the shells forward as mode:changed). Polled views are not activity.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdminGate, MAINTENANCE_REASON } from '@easydo/core/services/admin/admin-gate';
import { withAdminActivity } from '@easydo/core/services/admin/admin-activity';
import type { AuditLog } from '@easydo/core/services/admin/audit-log';
import { hashPin } from '@easydo/core/services/config/pin';
import { ModeRegistry, type CallerContext } from '@easydo/core/services/ipc/caller';
import { DeviceManager } from '@easydo/core/services/devices/device-manager';

const PIN = '97531864';
const HASH = hashPin(PIN);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(idleSeconds = 300) {
  const modes = new ModeRegistry();
  modes.register('w1', 'kiosk');
  modes.register('w2', 'counter');
  const devices = new DeviceManager();
  const config = { idleSeconds };
  const changes: Array<[string, string]> = [];
  modes.onChange((id, mode) => changes.push([id, mode]));
  const gate = new AdminGate(() => HASH, modes, { record: () => undefined }, {
    service: devices,
    auditDataDir: mkdtempSync(path.join(os.tmpdir(), 'easydo-idle-')),
    idleMs: () => config.idleSeconds * 1000,
  });
  const caller = (windowId: string): CallerContext => ({ windowId, mode: () => modes.get(windowId) });
  const handlers = withAdminActivity(gate, {
    'admin:dashboard': () => 'dashboard',
    'admin:testPrint': () => 'printed',
  } as never) as unknown as Record<'admin:dashboard' | 'admin:testPrint', (req: unknown, c: CallerContext) => unknown>;
  return { modes, devices, gate, config, changes, caller, handlers, audit: () => (gate.audit as AuditLog).read().map((e) => e.action) };
}

describe('admin idle timeout', () => {
  it('logs out after 5 idle minutes by default and returns the window to its start mode', () => {
    const { gate, modes, devices, changes, audit } = setup();
    gate.login('w1', PIN);
    expect(modes.get('w1')).toBe('admin');
    vi.advanceTimersByTime(299_000);
    expect(modes.get('w1')).toBe('admin');
    vi.advanceTimersByTime(1_000);
    expect(modes.get('w1')).toBe('kiosk');
    expect(gate.isAdmin('w1')).toBe(false);
    expect(changes).toEqual([['w1', 'admin'], ['w1', 'kiosk']]);
    expect(devices.serviceState().manual?.reason).not.toBe(MAINTENANCE_REASON);
    expect(audit()).toEqual(['admin.login', 'admin.logout.idle']);
  });

  it('an admin action starts the timeout again; a polled view does not', () => {
    const { gate, modes, caller, handlers } = setup();
    gate.login('w1', PIN);
    vi.advanceTimersByTime(200_000);
    expect(handlers['admin:testPrint']({}, caller('w1'))).toBe('printed');
    vi.advanceTimersByTime(200_000);
    expect(modes.get('w1')).toBe('admin'); // 400 s after login, 200 s after the action
    for (let i = 0; i < 10; i++) {
      handlers['admin:dashboard']({}, caller('w1'));
      vi.advanceTimersByTime(10_000);
    }
    expect(modes.get('w1')).toBe('kiosk');
  });

  it('only the idle window leaves admin mode', () => {
    const { gate, modes, caller, handlers } = setup(60);
    gate.login('w1', PIN);
    gate.login('w2', PIN);
    vi.advanceTimersByTime(50_000);
    handlers['admin:testPrint']({}, caller('w2'));
    vi.advanceTimersByTime(10_000);
    expect(modes.get('w1')).toBe('kiosk');
    expect(modes.get('w2')).toBe('admin');
    vi.advanceTimersByTime(50_000);
    expect(modes.get('w2')).toBe('counter');
  });

  it('reads the timeout from the live config at each activity', () => {
    const { gate, modes, config, caller, handlers } = setup(300);
    gate.login('w1', PIN);
    config.idleSeconds = 30;
    handlers['admin:testPrint']({}, caller('w1'));
    vi.advanceTimersByTime(30_000);
    expect(modes.get('w1')).toBe('kiosk');
  });

  it('a window closed while in admin mode times out without an error', () => {
    const { gate, modes, audit } = setup();
    gate.login('w1', PIN);
    modes.unregister('w1');
    expect(() => vi.advanceTimersByTime(300_000)).not.toThrow();
    expect(gate.isAdmin('w1')).toBe(false);
    expect(audit()).toEqual(['admin.login', 'admin.logout.idle']);
  });

  it('a logout by hand stops the timer', () => {
    const { gate, modes, changes } = setup();
    gate.login('w1', PIN);
    gate.logout('w1');
    vi.advanceTimersByTime(600_000);
    expect(modes.get('w1')).toBe('kiosk');
    expect(changes).toEqual([['w1', 'admin'], ['w1', 'kiosk']]);
  });
});
