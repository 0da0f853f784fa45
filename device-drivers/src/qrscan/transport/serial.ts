// CDC-ACM or RS-232 scanners on the shared serial line (device/serial-link.ts), 9600 8N1 by default (the
// factory speed of most imagers), reopened after the port vanishes, with the line's failures as QrScanErrors.
// A scanner is only ever read, and a read on a tty whose other side went away (a pty's master closed) reports
// nothing, so the link also watches its path: the device node (or socat's link) gone is an unplug.
import { existsSync } from 'node:fs';
import type { SerialLinkOptions } from '../../device/serial-link';
import { SerialByteLink, SerialLinkError } from '../../device/serial-link';
import { Listeners } from '../../device/listeners';
import type { Unsubscribe } from '../../device/model';
import { QrScanError } from '../errors';
import type { ScannerLink, ScannerLinkClosed } from './link';

export const DEFAULT_SCANNER_BAUD = 9600;

export interface SerialScannerLinkOptions extends SerialLinkOptions {
  /** How often the path is checked while open. Default 500 ms. */
  presenceCheckMs?: number;
}

export class SerialScannerLink implements ScannerLink {
  readonly kind = 'serial' as const;
  readonly framed = false;
  readonly writable = true;
  private readonly link: SerialByteLink;
  private watch: ReturnType<typeof setInterval> | null = null;
  private readonly vanished = new Listeners<ScannerLinkClosed>();

  constructor(private readonly options: SerialScannerLinkOptions) {
    this.link = new SerialByteLink({ baudRate: DEFAULT_SCANNER_BAUD, ...options });
    this.link.onClose(() => this.unwatch());
  }

  get description(): string {
    return this.options.path;
  }

  get isOpen(): boolean {
    return this.link.isOpen;
  }

  async open(): Promise<void> {
    try {
      await this.link.open();
      this.watchPath();
    } catch (err) {
      const missing = err instanceof SerialLinkError && err.failure === 'missing';
      throw new QrScanError(missing ? 'noDevice' : 'openFailed', `cannot open ${this.options.path}: ${detail(err)}`);
    }
  }

  close(): Promise<void> {
    this.unwatch();
    return this.link.close();
  }

  async write(bytes: Uint8Array): Promise<void> {
    try {
      await this.link.write(bytes);
    } catch (err) {
      if (err instanceof SerialLinkError && err.failure === 'notOpen') throw new QrScanError('transportClosed', `${this.options.path} is not open`);
      throw new QrScanError('writeFailed', `write to ${this.options.path} failed: ${detail(err)}`);
    }
  }

  onData(listener: (chunk: Uint8Array) => void): Unsubscribe {
    return this.link.onData(listener);
  }

  onClose(listener: (info: ScannerLinkClosed) => void): Unsubscribe {
    const offLink = this.link.onClose(listener);
    const offVanished = this.vanished.add(listener);
    return () => {
      offLink();
      offVanished();
    };
  }

  private watchPath(): void {
    this.unwatch();
    this.watch = setInterval(() => {
      if (existsSync(this.options.path)) return;
      this.unwatch();
      void this.link.close().then(() => this.vanished.emit({ disconnected: true, message: `${this.options.path} vanished` }));
    }, this.options.presenceCheckMs ?? 500);
    this.watch.unref();
  }

  private unwatch(): void {
    if (this.watch) clearInterval(this.watch);
    this.watch = null;
  }
}

function detail(err: unknown): string {
  return err instanceof SerialLinkError ? err.detail : (err as Error).message;
}
