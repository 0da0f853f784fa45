// The agent's small parts: back-off bounds, the command ledger across a restart, alert raise/clear pairing,
// config version and the push merge.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backoff } from '@easydo/core/services/fleet/backoff';
import { CommandLedger } from '@easydo/core/services/fleet/command-ledger';
import { AlertTracker } from '@easydo/core/services/fleet/alert-tracker';
import { configVersion } from '@easydo/core/services/fleet/config-version';
import { mergeValues } from '@easydo/core/services/fleet/config-merge';
import { parseTopic, topics } from '@easydo/core/services/fleet/messages';
import { simulatorDefaults } from '@easydo/core/services/config/load';
import type { DeviceSnapshot } from '@easydo/core/contract/schemas/device';

describe('Backoff', () => {
  it('doubles its ceiling up to the cap, jitters below it, and starts over after reset', () => {
    const b = new Backoff({ baseMs: 100, capMs: 1000, random: () => 1 });
    expect([b.next(), b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([100, 200, 400, 800, 1000, 1000]);
    b.reset();
    expect(b.next()).toBe(100);
    const jittered = new Backoff({ baseMs: 100, capMs: 1000, random: () => 0.25 });
    expect([jittered.next(), jittered.next()]).toEqual([25, 50]);
  });
});

describe('CommandLedger', () => {
  it('remembers seen ids and their final ack across a restart; a damaged file starts empty', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'easydo-ledger-')), 'fleet', 'commands.json');
    const a = new CommandLedger({ file });
    a.markReceived('cmd-00000001');
    a.markReceived('cmd-00000002');
    a.finish({ commandId: 'cmd-00000002', terminalId: 'SZ-T-0001', status: 'done', at: new Date(0).toISOString() });
    const b = new CommandLedger({ file });
    expect(b.get('cmd-00000001')?.final).toBeNull();
    expect(b.get('cmd-00000002')?.final?.status).toBe('done');
    expect(b.get('cmd-00000003')).toBeUndefined();
    writeFileSync(file, '{not json');
    expect(new CommandLedger({ file }).size()).toBe(0);
    writeFileSync(file, JSON.stringify({ version: 9 }));
    expect(new CommandLedger({ file }).size()).toBe(0);
  });

  it('drops entries past the retention and beyond the maximum', () => {
    let now = 0;
    const l = new CommandLedger({ file: null, retentionMs: 1000, maxEntries: 3, now: () => now });
    l.markReceived('cmd-old-00001');
    now = 5000;
    l.markReceived('cmd-new-00001');
    expect(l.get('cmd-old-00001')).toBeUndefined();
    for (const i of [2, 3, 4]) l.markReceived(`cmd-new-0000${i}`);
    expect(l.size()).toBe(3);
    expect(l.get('cmd-new-00001')).toBeUndefined();
  });
});

const printer = (alerts: string[], status: DeviceSnapshot['status'] = 'online'): DeviceSnapshot => ({
  id: 'receiptPrinter', kind: 'receiptPrinter', status, required: true, capabilities: {}, counters: {}, detail: {}, lastError: null,
  alerts: alerts.map((code) => ({ code, message: code, at: new Date(0).toISOString() })),
});

describe('AlertTracker', () => {
  it('raises a new alert once, clears it under the same id, and gives a second raising a new id', () => {
    const t = new AlertTracker('SZ-T-0001', () => 0, () => new Date(1000));
    const [raised] = t.update([printer(['paperNearEnd'])]);
    expect(raised).toMatchObject({ code: 'paperNearEnd', severity: 'warning', device: 'receiptPrinter' });
    expect(t.update([printer(['paperNearEnd'])])).toEqual([]);
    const [cleared] = t.update([printer([])]);
    expect(cleared).toMatchObject({ id: raised!.id, cleared: true });
    const [again] = t.update([printer(['paperNearEnd'])]);
    expect(again!.id).not.toBe(raised!.id);
    expect(t.update([printer([], 'hardwareError')]).map((a) => `${a.code}:${a.severity}:${a.cleared ?? false}`)).toEqual(['paperNearEnd:warning:true', 'receiptPrinter.hardwareError:critical:false']);
  });
});

describe('config version and push merge', () => {
  it('the version ignores key order and secrets but follows every other value', () => {
    const c = simulatorDefaults();
    const reordered = Object.fromEntries(Object.entries(c).reverse()) as typeof c;
    expect(configVersion(reordered)).toBe(configVersion(c));
    expect(configVersion({ ...c, terminalSecret: 'another-secret-of-16+' })).toBe(configVersion(c));
    expect(configVersion({ ...c, centreName: 'x' })).not.toBe(configVersion(c));
  });

  it('merges objects key by key and replaces arrays and scalars', () => {
    expect(mergeValues({ a: { b: 1, c: 2 }, l: [1, 2], s: 'x' }, { a: { c: 3 }, l: [9], s: 'y' })).toEqual({ a: { b: 1, c: 3 }, l: [9], s: 'y' });
  });
});

describe('topics', () => {
  it('parses the tree and refuses what is not in it', () => {
    expect(parseTopic(topics.state('SZ-T-0001'))).toEqual({ terminalId: 'SZ-T-0001', kind: 'state' });
    expect(parseTopic(topics.upload('SZ-T-0001', 'cmd-00000001'))).toEqual({ terminalId: 'SZ-T-0001', kind: 'uploads', commandId: 'cmd-00000001' });
    expect(parseTopic('easydo/v1/terminals/sz-lower/state')).toBeNull();
    expect(parseTopic('easydo/v1/terminals/SZ-T-0001/uploads')).toBeNull();
    expect(parseTopic('easydo/v1/terminals/SZ-T-0001/state/extra')).toBeNull();
  });
});
