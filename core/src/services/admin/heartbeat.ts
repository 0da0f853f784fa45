// Heartbeat to the acceptance platform every minute (device status, service state, outbox), and alerts the
// moment they appear (paper near-end, reader offline...): a device change that raises a new alert code sends
// a heartbeat right away. Each send doubles as the backend ping: its round trip is the latency shown on the
// dashboard. Only device ids, statuses and codes travel; never anything about a resident.
import type { BackendClient } from '@easydo/backend-client/client';
import type { Heartbeat } from '@easydo/backend-client/types';
import type { DeviceSnapshot, ServiceState } from '@easydo/core/contract/schemas/device';
import type { BackendHealth } from '@easydo/core/contract/schemas/admin-dashboard';
import { scrubText } from '../logging/redact';
import { scrubbedError } from './redacted-errors';

export interface HeartbeatSources {
  client: BackendClient;
  url: string;
  devices(): DeviceSnapshot[];
  service(): ServiceState;
  outbox(): { depth: number; oldestPendingAt: number | null };
  version: string;
  now?: () => number;
}

type HeartbeatAlert = Heartbeat['alerts'][number];

const KIND: Record<string, Heartbeat['devices'][number]['kind']> = {
  idReader: 'idcard',
  receiptPrinter: 'printer',
  a4Printer: 'printer',
  scanner: 'scanner',
  documentCamera: 'camera',
};

const CRITICAL = new Set(['noDevice', 'hardwareError', 'offline']);

/** Alerts of a device: its own (e.g. paperNearEnd) plus one for a status that stops it (reader offline...). */
export function alertsOf(d: DeviceSnapshot): HeartbeatAlert[] {
  // Messages leave the terminal: scrubbed like a log line (redacted-errors.ts).
  const alerts: HeartbeatAlert[] = d.alerts.map((a) => ({ code: a.code, severity: 'warning', deviceId: d.id, message: scrubText(a.message) }));
  if (d.status !== 'online' && d.status !== 'busy' && d.status !== 'starting') {
    alerts.push({
      code: `${d.kind}.${d.status}`,
      severity: CRITICAL.has(d.status) || d.required ? 'critical' : 'warning',
      deviceId: d.id,
      message: scrubbedError(d.lastError?.message ?? null) ?? d.status,
    });
  }
  return alerts;
}

export function buildHeartbeat(src: HeartbeatSources, at: Date): Heartbeat {
  const devices = src.devices();
  const outbox = src.outbox();
  return {
    at: at.toISOString(),
    mode: 'kiosk',
    appVersion: src.version,
    inService: src.service().inService,
    devices: devices.map((d) => ({ id: d.id, kind: KIND[d.kind] ?? 'other', status: d.status, detail: d.lastError?.code ?? String(d.detail.paper ?? '') })),
    alerts: devices.flatMap(alertsOf),
    outbox: { depth: outbox.depth, oldestPendingAt: outbox.oldestPendingAt === null ? null : new Date(outbox.oldestPendingAt).toISOString() },
  };
}

export class HeartbeatService {
  private timer: NodeJS.Timeout | undefined;
  private health: BackendHealth;
  private lastSentAt: string | null = null;
  private lastError: string | null = null;
  private alertsSent = 0;
  private knownAlerts = new Set<string>();
  private inFlight: Promise<BackendHealth> | null = null;
  private readonly now: () => number;

  constructor(private readonly src: HeartbeatSources) {
    this.now = src.now ?? Date.now;
    this.health = { url: src.url, reachable: null, latencyMs: null, checkedAt: null, error: null };
  }

  start(intervalMs = 60_000): void {
    this.stop();
    void this.send('interval');
    this.timer = setInterval(() => void this.send('interval'), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Call on every device change: a new alert code goes out at once. */
  deviceChanged(): void {
    const codes = new Set(this.src.devices().flatMap(alertsOf).map((a) => `${a.deviceId}:${a.code}`));
    const fresh = [...codes].some((c) => !this.knownAlerts.has(c));
    this.knownAlerts = codes;
    if (fresh) {
      this.alertsSent += 1;
      void this.send('alert');
    }
  }

  /** Sends a heartbeat now (the dashboard's ping). Concurrent calls share one request. */
  send(_why: 'interval' | 'alert' | 'ping' = 'ping'): Promise<BackendHealth> {
    if (this.inFlight) return this.inFlight;
    const started = this.now();
    const at = new Date(started);
    this.inFlight = this.src.client
      .sendHeartbeat(buildHeartbeat(this.src, at))
      .then(
        () => {
          this.lastSentAt = at.toISOString();
          this.lastError = null;
          this.health = { url: this.src.url, reachable: true, latencyMs: this.now() - started, checkedAt: at.toISOString(), error: null };
        },
        (e: unknown) => {
          this.lastError = scrubbedError(e instanceof Error ? e.message : String(e));
          this.health = { url: this.src.url, reachable: false, latencyMs: null, checkedAt: at.toISOString(), error: this.lastError };
        },
      )
      .then(() => this.health)
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  backend(): BackendHealth {
    return this.health;
  }

  view(): { lastSentAt: string | null; lastError: string | null; alertsSent: number } {
    return { lastSentAt: this.lastSentAt, lastError: this.lastError, alertsSent: this.alertsSent };
  }

  async close(): Promise<void> {
    this.stop();
    await this.inFlight?.catch(() => undefined);
  }
}
