// The terminal's alerts on disk until the broker has them. mqtt.js queues QoS 1 messages in memory, so an alert
// raised while the broker is away used to survive a reconnect but not a restart of the app. The ledger keeps every
// alert not yet acknowledged by the broker (PUBACK) and the alerts still open, so a restarted agent publishes the
// pending ones again (the console takes an alert id once) and clears, under their old ids, the open ones whose
// condition went while it was down. A damaged file starts empty (the alerts of now are raised again anyway).
import { z } from 'zod';
import { Alert } from './messages';
import { readLedgerFile, writeLedgerFile } from './ledger-file';

const LedgerFile = z.object({ version: z.literal(1), open: z.array(Alert), pending: z.array(Alert) });

export interface AlertLedgerOptions {
  /** null: in memory only (the load generator's simulated terminals). */
  file: string | null;
  /** Pending alerts kept at most (the oldest go first; a terminal away for days has a few hundred at most). */
  maxPending?: number;
}

const same = (a: Alert, b: Alert) => a.id === b.id && Boolean(a.cleared) === Boolean(b.cleared);

export class AlertLedger {
  private openAlerts: Alert[] = [];
  private pendingAlerts: Alert[] = [];

  constructor(private readonly options: AlertLedgerOptions) {
    const saved = readLedgerFile(options.file, LedgerFile);
    if (!saved) return;
    this.openAlerts = saved.open;
    this.pendingAlerts = saved.pending;
  }

  /** Alerts open when the agent last ran (the tracker starts from them). */
  open(): Alert[] {
    return [...this.openAlerts];
  }

  /** Alerts the broker has not acknowledged yet, oldest first. */
  pending(): Alert[] {
    return [...this.pendingAlerts];
  }

  /** Written down before the alerts are handed to the client, with the tracker's open alerts after them. */
  record(raised: Alert[], open: Alert[]): void {
    this.pendingAlerts.push(...raised.filter((a) => !this.pendingAlerts.some((p) => same(p, a))));
    const max = this.options.maxPending ?? 1000;
    if (this.pendingAlerts.length > max) this.pendingAlerts.splice(0, this.pendingAlerts.length - max);
    this.openAlerts = [...open];
    this.save();
  }

  /** The broker acknowledged it: from here on it is the broker's to deliver. */
  delivered(alert: Alert): void {
    const before = this.pendingAlerts.length;
    this.pendingAlerts = this.pendingAlerts.filter((p) => !same(p, alert));
    if (this.pendingAlerts.length !== before) this.save();
  }

  private save(): void {
    writeLedgerFile(this.options.file, { version: 1, open: this.openAlerts, pending: this.pendingAlerts });
  }
}
