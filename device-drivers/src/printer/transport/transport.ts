// One interface for every way bytes reach a receipt printer. We write these on Node's net/fs and
// serialport directly rather than through node-thermal-printer: its file interface has a hard 5 s
// timeout, its status read is TCP-only and it has no DLE EOT (reference §1.1–1.2).
import { codedError } from '../../device/coded-error';

export interface PrinterTransport {
  /** For logs and the admin screen, e.g. "tcp://127.0.0.1:9100". */
  readonly description: string;
  /** Whether `query` can read replies (TCP, serial yes; a USB device file in general no). */
  readonly canQuery: boolean;
  write(bytes: Uint8Array): Promise<void>;
  /** Send `request` and collect exactly `expected` reply bytes, or fail with a timeout. */
  query(request: Uint8Array, expected: number, timeoutMs: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export class TransportError extends codedError<'unreachable' | 'timeout' | 'writeFailed' | 'unsupported' | 'badUrl'>('TransportError') {}
