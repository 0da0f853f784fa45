// Turns device snapshots into fleet alerts: an alert is raised the moment a device shows a new alert or fault
// (the same rules as the platform heartbeat: admin/heartbeat.ts alertsOf), and cleared, under the same id, when
// it goes. Ids carry the terminal, device, code and a start-time stamp, so the console can pair raise and clear
// and two raisings of the same code never share an id.
import type { DeviceSnapshot } from '@easydo/core/contract/schemas/device';
import { alertsOf } from '../admin/heartbeat';
import type { Alert } from './messages';

const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 40);

export class AlertTracker {
  private open = new Map<string, Alert>();
  private serial = 0;
  private readonly epoch: string;

  constructor(
    private readonly terminalId: string,
    now: () => number = Date.now,
    private readonly clock: () => Date = () => new Date(),
    /** Alerts open when the agent last ran (the alert ledger): kept under their ids, cleared if gone. */
    restored: Alert[] = [],
  ) {
    this.epoch = now().toString(36);
    for (const a of restored) if (a.terminalId === terminalId && !a.cleared) this.open.set(`${a.device ?? ''}|${a.code}`, a);
  }

  /** What changed since the last call: new alerts to raise, and clearings of those that went. */
  update(devices: DeviceSnapshot[]): Alert[] {
    const at = this.clock().toISOString();
    const current = new Map<string, { code: string; severity: Alert['severity']; device: string }>();
    for (const d of devices) {
      for (const a of alertsOf(d)) {
        const code = safe(a.code);
        const device = safe(a.deviceId ?? d.id);
        current.set(`${device}|${code}`, { code, severity: a.severity === 'critical' ? 'critical' : 'warning', device });
      }
    }
    const out: Alert[] = [];
    for (const [key, alert] of this.open) {
      if (!current.has(key)) {
        this.open.delete(key);
        out.push({ ...alert, at, cleared: true });
      }
    }
    for (const [key, a] of current) {
      if (this.open.has(key)) continue;
      this.serial += 1;
      const alert: Alert = { id: `${this.terminalId}:${a.device}:${a.code}:${this.epoch}.${this.serial}`, terminalId: this.terminalId, at, severity: a.severity, code: a.code, device: a.device };
      this.open.set(key, alert);
      out.push(alert);
    }
    return out;
  }

  openAlerts(): Alert[] {
    return [...this.open.values()];
  }

  raised(): number {
    return this.serial;
  }
}
