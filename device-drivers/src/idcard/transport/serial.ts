// Serial transport over the `serialport` package: 115200 8N1 by default, any speed configurable, reopenable
// after the port vanishes (USB unplug, pty closed).
import { SerialPort } from 'serialport';
import { Listeners } from '../../device/listeners';
import type { Unsubscribe } from '../../device/model';
import { IdCardError } from '../errors';
import type { ByteTransport, TransportClosedInfo } from './transport';

export interface SerialTransportOptions {
  path: string;
  baudRate?: number;
  dataBits?: 5 | 6 | 7 | 8;
  stopBits?: 1 | 1.5 | 2;
  parity?: 'none' | 'even' | 'odd' | 'mark' | 'space';
}

export const DEFAULT_BAUD_RATE = 115200;

export class SerialTransport implements ByteTransport {
  readonly kind = 'serial' as const;
  private port: SerialPort | null = null;
  private closing = false;
  private currentBaud: number;
  private readonly data = new Listeners<Uint8Array>();
  private readonly closed = new Listeners<TransportClosedInfo>();

  constructor(private readonly options: SerialTransportOptions) {
    this.currentBaud = options.baudRate ?? DEFAULT_BAUD_RATE;
  }

  get description(): string {
    return this.options.path;
  }

  get baudRate(): number {
    return this.currentBaud;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.port?.isOpen) return;
    const port = new SerialPort({
      path: this.options.path,
      baudRate: this.currentBaud,
      dataBits: this.options.dataBits ?? 8,
      stopBits: this.options.stopBits ?? 1,
      parity: this.options.parity ?? 'none',
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) => {
      port.open((err) => {
        if (!err) return resolve();
        const missing = /ENOENT|No such file|cannot find|not found/i.test(err.message);
        reject(new IdCardError(missing ? 'noDevice' : 'openFailed', `cannot open ${this.options.path}: ${err.message}`, 'open'));
      });
    });
    this.closing = false;
    this.port = port;
    port.on('data', (chunk: Buffer) => {
      this.data.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
    });
    port.on('error', () => {
      // Errors on an open port are followed by 'close' when they are fatal; nothing to do here.
    });
    port.on('close', (err?: Error & { disconnected?: boolean }) => {
      if (this.port === port) this.port = null;
      if (this.closing) return;
      this.closed.emit({ disconnected: err?.disconnected ?? true, message: err?.message ?? 'port closed' });
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port) return;
    this.closing = true;
    this.port = null;
    if (!port.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  async write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new IdCardError('transportClosed', `${this.options.path} is not open`);
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), (err) => {
        if (err) reject(new IdCardError('writeFailed', `write to ${this.options.path} failed: ${err.message}`));
      });
      port.drain((err) => (err ? reject(new IdCardError('writeFailed', `drain on ${this.options.path} failed: ${err.message}`)) : resolve()));
    });
  }

  async setBaudRate(baudRate: number): Promise<void> {
    this.currentBaud = baudRate;
    const port = this.port;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve, reject) =>
      port.update({ baudRate }, (err) => (err ? reject(new IdCardError('openFailed', `cannot set ${baudRate} baud: ${err.message}`)) : resolve())),
    );
  }

  onData(listener: (chunk: Uint8Array) => void): Unsubscribe {
    return this.data.add(listener);
  }

  onClose(listener: (info: TransportClosedInfo) => void): Unsubscribe {
    return this.closed.add(listener);
  }
}

export function createSerialTransport(options: SerialTransportOptions): SerialTransport {
  return new SerialTransport(options);
}
