// Free-text errors the admin dashboard shows and the heartbeat sends (a device's or the outbox's lastError, the
// backend's error) are scrubbed like a log line: no ID, card or phone number, no name of the open or just-wiped
// session, while their codes stay readable.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceSnapshot, ServiceState } from '@easydo/core/contract/schemas/device';
import { buildDashboard, outboxView } from '@easydo/core/services/admin/dashboard';
import { alertsOf, HeartbeatService } from '@easydo/core/services/admin/heartbeat';
import { addSensitiveTerms, DEFAULT_GRACE_MS, sessionTerms } from '@easydo/core/services/logging/session-terms';

const ID = '440304199604122469';
const SAID = `read failed for ${ID}, call 0755-8888 6666 or 13800138000, card 6222 0212 3456 7894`;
/** No digit of the numbers above survives; the words around them do. */
const leaks = (text: string) => [ID, '0755', '8888', '13800138000', '6222', '7894'].filter((n) => text.includes(n));

let clock = 1_000_000;
sessionTerms.configure({ now: () => clock });
afterEach(() => void (clock += DEFAULT_GRACE_MS * 10));

const at = '2026-12-02T01:00:00.000Z';
function device(over: Partial<DeviceSnapshot> = {}): DeviceSnapshot {
  return {
    id: 'idReader', kind: 'idReader', status: 'hardwareError', required: true, capabilities: {}, counters: {}, detail: {},
    lastError: { code: 'readFailed', message: SAID, at }, alerts: [{ code: 'cardStuck', message: `card ${ID} stuck`, at }], ...over,
  };
}
const service: ServiceState = {
  inService: false, canSubmit: false, canReadCard: false, canPrint: true,
  reasons: [{ code: 'idReader.hardwareError', deviceId: 'idReader', kind: 'idReader', status: 'hardwareError', fault: 'readFailed', message: SAID }], manual: null,
} as ServiceState;
const outboxStatus = (lastError: string | null) => ({
  running: true, depth: 1, oldestPendingAt: null, lastError, lastSuccessAt: null, pending: 1, delivered: 0, failed: 0, quarantined: 0, needsClerk: 0, byState: {},
});
const applications = (lastError: string | null) => ({ delivery: { status: () => outboxStatus(lastError), lastStatus: () => outboxStatus(lastError) }, records: { setAside: () => [] } });

describe('admin shows and sends scrubbed error texts', () => {
  it('the dashboard: devices, service reasons and the outbox', async () => {
    const ctx = {
      config: () => ({ terminalId: 'SZ-FT-0001' }),
      devices: { list: () => [device()], serviceState: () => service },
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'easydo-dash-')),
      applications: applications(`validation/validation_failed: applicant ${ID} refused`),
    };
    const heartbeat = { backend: () => ({ url: 'https://platform.example.invalid', reachable: false, latencyMs: null, checkedAt: null, error: null }), view: () => ({ lastSentAt: null, lastError: null, alertsSent: 0 }) };
    const dashboard = await buildDashboard(ctx as never, heartbeat as never);
    // The machine's live figures (memory, disk, uptime) are left out: their digits are whatever the host has, and
    // 78946304 bytes of RSS once "contained" the card's last four digits.
    const { system: _machine, ...texts } = dashboard;
    const shown = JSON.stringify(texts);
    expect(leaks(shown), shown).toEqual([]);
    expect(dashboard.devices[0]!.lastError).toMatchObject({ code: 'readFailed', message: expect.stringContaining('read failed for [redacted]') });
    expect(dashboard.service.reasons[0]).toMatchObject({ fault: 'readFailed', message: expect.stringContaining('[redacted]') });
    expect(dashboard.outbox.lastError).toBe('validation/validation_failed: applicant [redacted] refused');
  });

  it('the outbox view names no one the session registered, during the grace period after the wipe too', async () => {
    const wipe = addSensitiveTerms(['卓岚']);
    wipe();
    clock += 60_000;
    const view = await outboxView({ applications: applications('validation/validation_failed: applicant 卓岚 (Zhuo Lan) already applied') } as never);
    expect(view.lastError).toBe('validation/validation_failed: applicant [redacted] ([redacted]) already applied');
  });

  it('the heartbeat: alert messages, the send error and the backend health', async () => {
    const alerts = alertsOf(device());
    expect(alerts.map((a) => a.code)).toEqual(['cardStuck', 'idReader.hardwareError']);
    expect(leaks(JSON.stringify(alerts))).toEqual([]);
    const hb = new HeartbeatService({
      client: { sendHeartbeat: () => Promise.reject(new Error(`refused: terminal holder phone 13800138000, id ${ID}`)) } as never,
      url: 'https://platform.example.invalid',
      devices: () => [device()],
      service: () => service,
      outbox: () => ({ depth: 0, oldestPendingAt: null }),
      version: 'test',
    } as never);
    await hb.send('ping');
    expect(hb.view().lastError).toBe('refused: terminal holder phone [redacted], id [redacted]');
    expect(hb.backend().error).toBe(hb.view().lastError);
  });
});
