// One serial line over the `serialport` package, shared by every driver that talks over RS-232 or
// USB-serial (the ID card reader's transport, the receipt printer's): open (again after the port vanished),
// write and wait for the bytes to leave (drain), change speed, received chunks, and an unplug event. Each
// driver turns a SerialLinkError into its own typed error; `detail` is the OS's words for the logs. Ports go
// through the hang-up-aware binding, so a port that hangs up always ends in 'close' (see that file).
import { SerialPortStream } from '@serialport/stream';
import { hangUpAwareBinding } from './hangup-aware-binding';
import { Listeners } from './listeners';
import type { Unsubscribe } from './model';

export interface SerialLinkOptions {
  path: string;
  /** Default 115200. */
  baudRate?: number;
  dataBits?: 5 | 6 | 7 | 8;
  stopBits?: 1 | 1.5 | 2;
  parity?: 'none' | 'even' | 'odd' | 'mark' | 'space';
}

/** Why an open link stopped without close(): unplugged / port vanished. */
export interface SerialLinkClosed {
  disconnected: boolean;
  message: string;
}

export type SerialLinkFailure = 'missing' | 'openFailed' | 'notOpen' | 'writeFailed' | 'drainFailed' | 'speedFailed';

export class SerialLinkError extends Error {
  constructor(
    readonly failure: SerialLinkFailure,
    /** The OS's message (empty for `notOpen`). */
    readonly detail: string,
  ) {
    super(`${failure}: ${detail}`);
    this.name = 'SerialLinkError';
  }
}

export const DEFAULT_SERIAL_BAUD = 115200;

const binding = hangUpAwareBinding();

export class SerialByteLink {
  private port: SerialPortStream | null = null;
  private closing = false;
  private currentBaud: number;
  private readonly data = new Listeners<Uint8Array>();
  private readonly closed = new Listeners<SerialLinkClosed>();

  constructor(private readonly options: SerialLinkOptions) {
    this.currentBaud = options.baudRate ?? DEFAULT_SERIAL_BAUD;
  }

  get path(): string {
    return this.options.path;
  }

  get baudRate(): number {
    return this.currentBaud;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  /** Opens (again); a no-op when open. Rejects with `missing` when the path does not exist. */
  async open(): Promise<void> {
    if (this.port?.isOpen) return;
    const port = new SerialPortStream({
      binding,
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
        reject(new SerialLinkError(missing ? 'missing' : 'openFailed', err.message));
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

  /** Resolves once the bytes have left the UART (tcdrain), so a caller may time the reply from here. */
  async write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new SerialLinkError('notOpen', '');
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(bytes), (err) => {
        if (err) reject(new SerialLinkError('writeFailed', err.message));
      });
      port.drain((err) => (err ? reject(new SerialLinkError('drainFailed', err.message)) : resolve()));
    });
  }

  /** Changes the speed now when open, else for the next open. */
  async setBaudRate(baudRate: number): Promise<void> {
    this.currentBaud = baudRate;
    const port = this.port;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve, reject) =>
      port.update({ baudRate }, (err) => (err ? reject(new SerialLinkError('speedFailed', err.message)) : resolve())),
    );
  }

  onData(listener: (chunk: Uint8Array) => void): Unsubscribe {
    return this.data.add(listener);
  }

  onClose(listener: (info: SerialLinkClosed) => void): Unsubscribe {
    return this.closed.add(listener);
  }
}
