// Serial transport for the reader: the shared serial line (device/serial-link.ts), 115200 8N1 by default,
// any speed configurable, reopenable after the port vanishes (USB unplug, pty closed), with the line's
// failures as IdCardErrors.
import type { SerialLinkOptions } from '../../device/serial-link';
import { DEFAULT_SERIAL_BAUD, SerialByteLink, SerialLinkError } from '../../device/serial-link';
import type { Unsubscribe } from '../../device/model';
import { IdCardError } from '../errors';
import type { ByteTransport, TransportClosedInfo } from './transport';

export type SerialTransportOptions = SerialLinkOptions;

export const DEFAULT_BAUD_RATE = DEFAULT_SERIAL_BAUD;

export class SerialTransport implements ByteTransport {
  readonly kind = 'serial' as const;
  private readonly link: SerialByteLink;

  constructor(private readonly options: SerialTransportOptions) {
    this.link = new SerialByteLink(options);
  }

  get description(): string {
    return this.options.path;
  }

  get baudRate(): number {
    return this.link.baudRate;
  }

  get isOpen(): boolean {
    return this.link.isOpen;
  }

  async open(): Promise<void> {
    try {
      await this.link.open();
    } catch (err) {
      const missing = err instanceof SerialLinkError && err.failure === 'missing';
      throw new IdCardError(missing ? 'noDevice' : 'openFailed', `cannot open ${this.options.path}: ${detail(err)}`, 'open');
    }
  }

  close(): Promise<void> {
    return this.link.close();
  }

  async write(bytes: Uint8Array): Promise<void> {
    try {
      await this.link.write(bytes);
    } catch (err) {
      if (err instanceof SerialLinkError && err.failure === 'notOpen') throw new IdCardError('transportClosed', `${this.options.path} is not open`);
      const step = err instanceof SerialLinkError && err.failure === 'drainFailed' ? 'drain on' : 'write to';
      throw new IdCardError('writeFailed', `${step} ${this.options.path} failed: ${detail(err)}`);
    }
  }

  async setBaudRate(baudRate: number): Promise<void> {
    try {
      await this.link.setBaudRate(baudRate);
    } catch (err) {
      throw new IdCardError('openFailed', `cannot set ${baudRate} baud: ${detail(err)}`);
    }
  }

  onData(listener: (chunk: Uint8Array) => void): Unsubscribe {
    return this.link.onData(listener);
  }

  onClose(listener: (info: TransportClosedInfo) => void): Unsubscribe {
    return this.link.onClose(listener);
  }
}

function detail(err: unknown): string {
  return err instanceof SerialLinkError ? err.detail : (err as Error).message;
}

export function createSerialTransport(options: SerialTransportOptions): SerialTransport {
  return new SerialTransport(options);
}
