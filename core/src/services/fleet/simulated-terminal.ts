// A terminal without hardware for the load generator and tests: a card reader and a receipt printer whose
// status the caller changes (paper near end, paper out, reader unplugged), resident sessions that open and close,
// and the real ConfigStore over an in-memory config, so a configPush is validated exactly as on a terminal.
import os from 'node:os';
import type { DeviceSnapshot, ServiceState } from '@easydo/core/contract/schemas/device';
import { ConfigRefused, ConfigStore } from '../config/config-store';
import type { TerminalConfig } from '../config/schema';
import { configVersion } from './config-version';
import { pushedValues } from './config-merge';
import { ConfigPushRefused, type FleetPorts } from './ports';

type Paper = 'ok' | 'nearEnd' | 'out';

export class SimulatedTerminal {
  private paper: Paper = 'ok';
  private readerConnected = true;
  private manual: ServiceState['manual'] = null;
  private sessionOpen = false;
  private sessions = 0;
  private printed = 0;
  private readonly listeners = new Set<() => void>();
  private readonly sessionListeners = new Set<() => void>();
  readonly store: ConfigStore;
  /** Set by a test to make the next save's verification fail (the push must then roll back). */
  failVerification = false;
  /** The version is a hash of the whole config: computed again only after a save or rollback. */
  private version: string | null = null;

  constructor(readonly config: TerminalConfig) {
    this.store = new ConfigStore({ live: config, file: null, profile: 'development' });
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }

  setPaper(paper: Paper): void {
    this.paper = paper;
    this.changed();
  }

  setReader(connected: boolean): void {
    this.readerConnected = connected;
    this.changed();
  }

  openSession(): void {
    this.sessionOpen = true;
    this.sessions += 1;
    for (const l of [...this.sessionListeners]) l();
  }

  closeSession(): void {
    this.sessionOpen = false;
    if (this.paper !== 'out') this.printed += 1;
    for (const l of [...this.sessionListeners]) l();
  }

  devices(): DeviceSnapshot[] {
    const at = new Date(0).toISOString();
    return [
      {
        id: 'idReader', kind: 'idReader', status: this.readerConnected ? 'online' : 'offline', required: true, capabilities: {}, counters: { reads: this.sessions },
        detail: {}, lastError: this.readerConnected ? null : { code: 'noResponse', message: 'reader offline', at }, alerts: [],
      },
      {
        id: 'receiptPrinter', kind: 'receiptPrinter', status: this.paper === 'out' ? 'userError' : 'online', required: true, capabilities: {},
        counters: { receiptsPrinted: this.printed }, detail: { paper: this.paper },
        lastError: this.paper === 'out' ? { code: 'paperOut', message: 'out of paper', at } : null,
        alerts: this.paper === 'nearEnd' ? [{ code: 'paperNearEnd', message: 'paper nearly used up', at }] : [],
      },
    ];
  }

  serviceState(): ServiceState {
    const devices = this.devices();
    const reasons = devices.filter((d) => d.required && d.status !== 'online').map((d) => ({ code: `${d.kind}.${d.status}`, deviceId: d.id, kind: d.kind, status: d.status, message: d.status }));
    return {
      inService: reasons.length === 0 && !this.manual,
      canSubmit: this.readerConnected,
      canReadCard: this.readerConnected,
      canPrint: this.paper !== 'out',
      paperLow: this.paper === 'nearEnd',
      reasons,
      manual: this.manual,
    };
  }

  ports(): FleetPorts {
    return {
      devices: {
        list: () => this.devices(),
        serviceState: () => this.serviceState(),
        onChange: (l) => {
          this.listeners.add(l);
          return () => this.listeners.delete(l);
        },
        setOutOfService: async (reason) => {
          this.manual = reason === null ? null : { outOfService: true, reason };
          this.changed();
        },
      },
      sessions: {
        isOpen: () => this.sessionOpen,
        started: () => this.sessions,
        onChange: (l) => {
          this.sessionListeners.add(l);
          return () => this.sessionListeners.delete(l);
        },
      },
      config: {
        version: () => (this.version ??= configVersion(this.store.current())),
        push: async (values) => {
          this.version = null;
          try {
            return this.store.save({ values: pushedValues(this.store.current(), values) });
          } catch (e) {
            if (e instanceof ConfigRefused) throw new ConfigPushRefused(`Not saved: ${e.message}`, e.issues);
            throw e;
          }
        },
        rollback: async () => {
          this.version = null;
          this.store.rollback();
        },
        verify: async () => {
          if (this.failVerification) throw new Error('verification failed after the save');
        },
      },
      outbox: () => ({ depth: 0, oldestPendingAt: null }),
      host: () => ({
        cpuLoad1m: os.loadavg()[0] ?? 0,
        cpuCount: Math.max(1, os.cpus().length),
        memoryTotalBytes: os.totalmem(),
        memoryFreeBytes: os.freemem(),
        rssBytes: 0,
        diskTotalBytes: null,
        diskFreeBytes: null,
        hostUptimeSeconds: Math.round(os.uptime()),
        appUptimeSeconds: Math.round(process.uptime()),
      }),
      receiptsPrinted: () => this.printed,
    };
  }
}
