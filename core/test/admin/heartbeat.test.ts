// Heartbeat and alerts against the embedded sandbox (real HTTP, signed client, SQLite): the periodic send
// carries device status and outbox depth; a new alert (paper near-end, reader offline) goes out at once.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '@easydo/backend-client/sandbox/server';
import { createBackendClient } from '@easydo/backend-client/client';
import type { Heartbeat } from '@easydo/backend-client/types';
import type { DeviceSnapshot } from '@easydo/core/contract/schemas/device';
import { HeartbeatService, alertsOf } from '@easydo/core/services/admin/heartbeat';

const TERMINAL = { id: 'SZ-HB-0001', secret: 'heartbeat-test-secret-0123456789' };

function device(id: string, kind: DeviceSnapshot['kind'], over: Partial<DeviceSnapshot> = {}): DeviceSnapshot {
  return { id, kind, status: 'online', required: true, capabilities: {}, counters: {}, detail: {}, lastError: null, alerts: [], ...over };
}

describe('HeartbeatService', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ dbFile: path.join(mkdtempSync(path.join(os.tmpdir(), 'easydo-hb-')), 'sandbox.sqlite'), terminals: [TERMINAL] });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const lastHeartbeat = () => {
    const row = sandbox.db.prepare('SELECT body_json FROM heartbeats WHERE terminal_id = ?').get(TERMINAL.id) as { body_json: string } | undefined;
    return row ? (JSON.parse(row.body_json) as Heartbeat) : null;
  };

  it('sends device status and outbox depth, measures latency, and sends a new alert as it happens', async () => {
    const devices = [device('idReader', 'idReader'), device('receiptPrinter', 'receiptPrinter')];
    const real = createBackendClient({ baseUrl: sandbox.url, terminalId: TERMINAL.id, secret: TERMINAL.secret });
    // The service's clock moves only while the request is out (42 ms), so the latency it reports is that span.
    let clock = Date.now();
    const client = { ...real, sendHeartbeat: async (body: Heartbeat) => ((clock += 42), real.sendHeartbeat(body)) };
    const hb = new HeartbeatService({
      client,
      now: () => clock,
      url: sandbox.url,
      devices: () => devices,
      service: () => ({ inService: true, canSubmit: true, canReadCard: true, canPrint: true, reasons: [], manual: null }),
      outbox: () => ({ depth: 2, oldestPendingAt: Date.parse('2025-01-01T08:00:00Z') }),
      version: 'test',
    });
    const health = await hb.send('ping');
    expect(health.reachable).toBe(true);
    expect(health.latencyMs).toBe(42);
    let sent = lastHeartbeat()!;
    expect(sent.devices).toEqual([
      { id: 'idReader', kind: 'idcard', status: 'online', detail: '' },
      { id: 'receiptPrinter', kind: 'printer', status: 'online', detail: '' },
    ]);
    expect(sent.outbox).toEqual({ depth: 2, oldestPendingAt: '2025-01-01T08:00:00.000Z' });
    expect(sent.alerts).toEqual([]);

    // Paper near-end: an alert on the printer -> a heartbeat right away, no waiting for the minute.
    devices[1] = device('receiptPrinter', 'receiptPrinter', { alerts: [{ code: 'paperNearEnd', message: 'Receipt paper is nearly used up', at: new Date().toISOString() }] });
    hb.deviceChanged();
    await hb.send('ping');
    sent = lastHeartbeat()!;
    expect(sent.alerts).toEqual([{ code: 'paperNearEnd', severity: 'warning', deviceId: 'receiptPrinter', message: 'Receipt paper is nearly used up' }]);

    // Reader unplugged: noDevice -> a critical alert.
    devices[0] = device('idReader', 'idReader', { status: 'noDevice', lastError: { code: 'noDevice', message: 'simulator unplugged', at: new Date().toISOString() } });
    hb.deviceChanged();
    await hb.send('ping');
    sent = lastHeartbeat()!;
    expect(sent.devices[0]).toMatchObject({ id: 'idReader', status: 'noDevice', detail: 'noDevice' });
    expect(sent.alerts).toContainEqual({ code: 'idReader.noDevice', severity: 'critical', deviceId: 'idReader', message: 'simulator unplugged' });
    expect(hb.view().alertsSent).toBe(2);
    // The same alerts again are not news.
    hb.deviceChanged();
    expect(hb.view().alertsSent).toBe(2);
    await hb.close();
  });

  it('reports the backend unreachable (and why) when the signature is wrong', async () => {
    const client = createBackendClient({ baseUrl: sandbox.url, terminalId: TERMINAL.id, secret: 'not-the-right-secret-at-all-000' });
    const hb = new HeartbeatService({ client, url: sandbox.url, devices: () => [], service: () => ({ inService: true, canSubmit: true, canReadCard: true, canPrint: true, reasons: [], manual: null }), outbox: () => ({ depth: 0, oldestPendingAt: null }), version: 'test' });
    const health = await hb.send('ping');
    expect(health.reachable).toBe(false);
    expect(health.error).toBeTruthy();
    expect(hb.view().lastError).toBeTruthy();
  });

  it('alertsOf: a working device without alerts raises nothing', () => {
    expect(alertsOf(device('x', 'scanner'))).toEqual([]);
    expect(alertsOf(device('x', 'scanner', { status: 'busy' }))).toEqual([]);
  });
});
