// What the fleet agent needs from the terminal, as small interfaces: the real terminal plugs its device manager,
// sessions, config store and window host in (terminal-ports.ts); the load generator plugs simulated ones; tests
// plug fakes. The agent itself never reaches into the terminal.
import type { DeviceSnapshot, ServiceState } from '@easydo/core/contract/schemas/device';
import type { Heartbeat } from './messages';

export type Unsubscribe = () => void;

export interface FleetDevicesPort {
  list(): DeviceSnapshot[];
  serviceState(): ServiceState;
  onChange(listener: () => void): Unsubscribe;
  /** Closes the terminal to new visits with a reason code (a visit under way carries on), or opens it again (null). */
  setOutOfService(reasonCode: string | null): Promise<void>;
}

export interface FleetSessionsPort {
  /** A resident session is open right now. */
  isOpen(): boolean;
  /** Sessions started since the app started. */
  started(): number;
  /** Called when a session starts or ends. */
  onChange(listener: () => void): Unsubscribe;
}

/** A refusal with the same per-field issues admin's config save gives. */
export class ConfigPushRefused extends Error {
  constructor(
    message: string,
    readonly issues: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'ConfigPushRefused';
  }
}

export interface ConfigPushResult {
  applied: string[];
  restartNeeded: string[];
}

export interface FleetConfigPort {
  version(): string;
  /** Validates and saves exactly as admin's save does; throws ConfigPushRefused for a refusal. */
  push(values: Record<string, unknown>): Promise<ConfigPushResult>;
  /** Back to the version the last save replaced. */
  rollback(): Promise<void>;
  /** Called after a push was saved; throwing here rolls the push back. */
  verify?(): Promise<void>;
}

export interface FleetWindowPort {
  reloadRenderer(): Promise<void>;
  restartApp(): Promise<void>;
  /** PNG of the main window; absent where the shell cannot capture (the browser shell). */
  screenshot?(): Promise<Uint8Array>;
}

export interface FleetDiagnosticsPort {
  /** The redacted diagnostics bundle (admin/bundle.ts). */
  logBundle(): Promise<{ fileName: string; bytes: Uint8Array }>;
}

/** The update agent (core/src/services/update/agent.ts), when config `update` is set. */
export interface FleetUpdatePort {
  check(): Promise<{ step: string; reason?: string }>;
}

export interface FleetPorts {
  devices: FleetDevicesPort;
  sessions: FleetSessionsPort;
  config: FleetConfigPort;
  outbox(): { depth: number; oldestPendingAt: number | null };
  host(): Heartbeat['host'];
  /** Receipts printed since the app started. */
  receiptsPrinted(): number;
  window?: FleetWindowPort;
  diagnostics?: FleetDiagnosticsPort;
  update?: FleetUpdatePort;
}
