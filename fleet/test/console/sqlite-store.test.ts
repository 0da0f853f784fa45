// The SQLite store's rules that keep the console true under redelivery and reordering: a redelivered alert is a
// duplicate, a clear that overtakes its raise is kept, the first acknowledgement stands, a late or repeated ack
// never undoes a final status, and an older state never overwrites a newer one.
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '@easydo/fleet/console/sqlite-store';
import type { CommandRecord } from '@easydo/fleet/console/model';

const state = (at: string, service: 'inService' | 'outOfService') => ({
  terminalId: 'SZ-T-0001', online: true, service, serviceReason: null, version: '1', configVersion: '0123456789abcdef', mode: 'kiosk' as const,
  location: { district: '福田区', street: '莲花街道', centre: '莲花中心' }, at,
});

describe('sqlite store', () => {
  it('alerts: duplicate, clear before raise, first acknowledgement stands', async () => {
    const s = openSqliteStore(':memory:');
    await s.putState(state('2026-12-01T08:00:00.000Z', 'inService'));
    const a = { id: 'a1', terminalId: 'SZ-T-0001', at: '2026-12-01T08:00:01.000Z', severity: 'critical' as const, code: 'paperOut', device: 'receiptPrinter' };
    expect(await s.putAlert(a, '2026-12-01T08:00:01.100Z')).toBe('new');
    expect(await s.putAlert(a, '2026-12-01T08:00:01.200Z')).toBe('duplicate');
    expect(await s.putAlert({ ...a, id: 'a2', cleared: true }, '2026-12-01T08:00:02.000Z')).toBe('unknown-clear');
    expect((await s.getAlert('SZ-T-0001', 'a2'))!.clearedAt).toBe(a.at);
    expect((await s.ackAlert('SZ-T-0001', 'a1', 'first', '2026-12-01T08:01:00.000Z'))!.ackedBy).toBe('first');
    expect((await s.ackAlert('SZ-T-0001', 'a1', 'second', '2026-12-01T08:02:00.000Z'))!.ackedBy).toBe('first');
    expect(await s.putAlert({ ...a, cleared: true }, '2026-12-01T08:03:00.000Z')).toBe('cleared');
    // Active = open or not yet acknowledged: a1 is both cleared and acknowledged; a2 cleared but nobody saw it.
    expect((await s.listAlerts({ district: null, street: null }, { activeOnly: true, limit: 10 })).map((x) => x.alertId)).toEqual(['a2']);
    await s.close();
  });

  it('commands: an ack after the final status and a repeated received change nothing; pending → sent only', async () => {
    const s = openSqliteStore(':memory:');
    const c: CommandRecord = {
      commandId: 'cmd-00000001', terminalId: 'SZ-T-0001', name: 'drain', args: {}, issuedBy: 'op', issuedAt: '2026-12-01T08:00:00.000Z',
      expiresAt: '2026-12-01T08:15:00.000Z', status: 'pending', reason: null, result: null, updatedAt: '2026-12-01T08:00:00.000Z', actionId: null,
    };
    await s.putCommand(c);
    const ack = (status: 'received' | 'done' | 'failed', at: string) => ({ commandId: c.commandId, terminalId: c.terminalId, status, at });
    expect((await s.applyAck(ack('done', '2026-12-01T08:00:02.000Z')))!.status).toBe('done');
    await s.markSent(c.commandId, '2026-12-01T08:00:03.000Z');
    expect((await s.applyAck(ack('received', '2026-12-01T08:00:04.000Z')))!.status).toBe('done');
    expect((await s.applyAck(ack('failed', '2026-12-01T08:00:05.000Z')))!.status).toBe('done');
    expect(await s.applyAck({ ...ack('done', '2026-12-01T08:00:06.000Z'), terminalId: 'SZ-T-0002' })).toBeNull();
    expect(await s.expireCommands('2026-12-01T09:00:00.000Z')).toEqual([]);
    await s.putCommand({ ...c, commandId: 'cmd-00000002' });
    expect((await s.expireCommands('2026-12-01T09:00:00.000Z')).map((x) => x.commandId)).toEqual(['cmd-00000002']);
    await s.close();
  });

  it('an older state message never overwrites a newer one', async () => {
    const s = openSqliteStore(':memory:');
    await s.putState(state('2026-12-01T08:00:05.000Z', 'outOfService'));
    await s.putState(state('2026-12-01T08:00:01.000Z', 'inService'));
    expect((await s.getTerminal('SZ-T-0001'))!.service).toBe('outOfService');
    await s.close();
  });
});
