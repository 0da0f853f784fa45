// The device service model every driver follows (after XFS4IoT / CUSS): a status, capabilities,
// counters, a last error, and unsolicited events. Commands can time out and be cancelled.
import { codedError } from './coded-error';

export const DEVICE_STATUSES = [
  'online',
  'offline',
  'noDevice',
  'hardwareError',
  'userError',
  'busy',
  'starting',
] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export type DeviceKind = 'idReader' | 'receiptPrinter' | 'a4Printer' | 'scanner' | 'documentCamera' | 'qrScanner';

/** A maintenance-relevant condition that does not (yet) stop the device, e.g. paper near-end. */
export interface DeviceAlert {
  code: string;
  message: string;
  at: string; // ISO time
}

export interface DeviceError {
  code: string;
  message: string;
  at: string; // ISO time
}

export interface DeviceSnapshot {
  id: string;
  kind: DeviceKind;
  status: DeviceStatus;
  /** Free-form capability flags and values (e.g. { cut: true, columns: 48 }). Plain data only. */
  capabilities: Record<string, string | number | boolean>;
  /** Monotonic counters since start (e.g. cardsRead, receiptsPrinted, pagesScanned, paperOutEvents). */
  counters: Record<string, number>;
  /** Extra status detail (e.g. { paper: 'nearEnd', cover: 'closed' } or { samId: '...' }). */
  detail: Record<string, string | number | boolean>;
  lastError: DeviceError | null;
  alerts: DeviceAlert[];
}

export type Unsubscribe = () => void;

/** Minimal contract a device service offers to the device manager. */
export interface DeviceService {
  readonly id: string;
  readonly kind: DeviceKind;
  snapshot(): DeviceSnapshot;
  /** Called whenever the snapshot changes (status, detail, counters, error). */
  onChange(listener: (snapshot: DeviceSnapshot) => void): Unsubscribe;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Error thrown by device commands; `code` is stable and machine-readable. */
export class DeviceCommandError extends codedError<string>('DeviceCommandError') {}

/** The codes every linked driver's typed error (ID card, 2D scanner) has besides its own: command and link conditions. */
export type DeviceLinkErrorCode = 'timeout' | 'cancelled' | 'busy' | 'noDevice' | 'openFailed' | 'transportClosed' | 'writeFailed';

export class DeviceTimeoutError extends DeviceCommandError {
  constructor(what: string, ms: number) {
    super('timeout', `${what} timed out after ${ms} ms`);
    this.name = 'DeviceTimeoutError';
  }
}

export class DeviceCancelledError extends DeviceCommandError {
  constructor(what: string) {
    super('cancelled', `${what} was cancelled`);
    this.name = 'DeviceCancelledError';
  }
}
