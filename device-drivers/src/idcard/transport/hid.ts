// USB HID transport. The SAM protocol has no standard HID mapping (reference §6: vendors differ), so the report
// format is an interface: a HidReportFraming turns outgoing bytes into reports and incoming reports back into
// bytes. The default frames payload as [length, ...bytes] in fixed-size reports (the one public vendor layout
// seen); swap it for a reader that does otherwise. The device itself is also an interface so tests can feed
// reports from a fake; openNodeHidDevice() adapts node-hid.
import { Listeners } from '../../device/listeners';
import type { Unsubscribe } from '../../device/model';
import { IdCardError } from '../errors';
import type { ByteTransport, TransportClosedInfo } from './transport';

/** The slice of a HID device the transport uses (node-hid's HIDAsync fits). */
export interface HidReportDevice {
  write(report: number[]): Promise<number>;
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): Promise<void>;
}

export interface HidReportFraming {
  /** Split an outgoing byte stream into output reports (each as written to the device, report ID included). */
  encode(bytes: Uint8Array): number[][];
  /** Payload bytes carried by one input report (may be empty, e.g. an ACK). */
  decode(report: Uint8Array): Uint8Array;
}

export interface LengthPrefixedFramingOptions {
  /** Report size without the report-ID byte. Default 64. */
  reportSize?: number;
  /** Report ID prepended to output reports (hidapi wants 0 for devices without numbered reports). null: none. */
  outputReportId?: number | null;
  /** Whether input reports arrive with a leading report-ID byte to skip. Default false. */
  inputHasReportId?: boolean;
}

/** Byte 0 = payload length (<= reportSize - 1), then the payload, zero-padded to reportSize. */
export function lengthPrefixedFraming(options: LengthPrefixedFramingOptions = {}): HidReportFraming {
  const size = options.reportSize ?? 64;
  const reportId = options.outputReportId === undefined ? 0 : options.outputReportId;
  const skip = options.inputHasReportId ? 1 : 0;
  const maxPayload = size - 1;
  return {
    encode(bytes) {
      const reports: number[][] = [];
      for (let at = 0; at < bytes.length; at += maxPayload) {
        const part = bytes.subarray(at, at + maxPayload);
        const report = new Array<number>(size).fill(0);
        report[0] = part.length;
        for (let i = 0; i < part.length; i++) report[1 + i] = part[i]!;
        reports.push(reportId === null ? report : [reportId, ...report]);
      }
      return reports;
    },
    decode(report) {
      const body = report.subarray(skip);
      const n = Math.min(body[0] ?? 0, maxPayload, Math.max(0, body.length - 1));
      return body.slice(1, 1 + n);
    },
  };
}

export interface HidTransportOptions {
  /** Opens the device; should reject (or throw) when it is not plugged in. */
  openDevice: () => Promise<HidReportDevice>;
  framing?: HidReportFraming;
  description?: string;
}

export class HidTransport implements ByteTransport {
  readonly kind = 'hid' as const;
  readonly description: string;
  private device: HidReportDevice | null = null;
  private readonly framing: HidReportFraming;
  private readonly data = new Listeners<Uint8Array>();
  private readonly closed = new Listeners<TransportClosedInfo>();

  constructor(private readonly options: HidTransportOptions) {
    this.framing = options.framing ?? lengthPrefixedFraming();
    this.description = options.description ?? 'hid';
  }

  get isOpen(): boolean {
    return this.device !== null;
  }

  async open(): Promise<void> {
    if (this.device) return;
    let device: HidReportDevice;
    try {
      device = await this.options.openDevice();
    } catch (err) {
      throw new IdCardError('noDevice', `cannot open HID reader ${this.description}: ${(err as Error).message}`, 'open');
    }
    this.device = device;
    device.on('data', (report: Buffer) => {
      if (this.device !== device) return;
      const bytes = this.framing.decode(new Uint8Array(report.buffer, report.byteOffset, report.length));
      if (bytes.length > 0) this.data.emit(bytes);
    });
    device.on('error', (error: Error) => {
      // node-hid reports an unplug as a read error; the device is gone either way.
      if (this.device !== device) return;
      this.device = null;
      void device.close().catch(() => undefined);
      this.closed.emit({ disconnected: true, message: error.message });
    });
  }

  async close(): Promise<void> {
    const device = this.device;
    this.device = null;
    if (device) await device.close().catch(() => undefined);
  }

  async write(bytes: Uint8Array): Promise<void> {
    const device = this.device;
    if (!device) throw new IdCardError('transportClosed', `HID reader ${this.description} is not open`);
    try {
      for (const report of this.framing.encode(bytes)) await device.write(report);
    } catch (err) {
      throw new IdCardError('writeFailed', `write to HID reader ${this.description} failed: ${(err as Error).message}`);
    }
  }

  onData(listener: (chunk: Uint8Array) => void): Unsubscribe {
    return this.data.add(listener);
  }

  onClose(listener: (info: TransportClosedInfo) => void): Unsubscribe {
    return this.closed.add(listener);
  }
}

export function createHidTransport(options: HidTransportOptions): HidTransport {
  return new HidTransport(options);
}

export interface NodeHidSelector {
  vendorId?: number;
  productId?: number;
  /** OS device path (from node-hid's devices()); wins over vendor/product. */
  path?: string;
}

/** An openDevice for HidTransport backed by node-hid (loaded lazily: it is a native module). */
export function openNodeHidDevice(selector: NodeHidSelector): () => Promise<HidReportDevice> {
  return async () => {
    const hid = await import('node-hid');
    if (selector.path) return hid.HIDAsync.open(selector.path);
    if (selector.vendorId === undefined || selector.productId === undefined) {
      throw new Error('give a HID path or a vendorId and productId');
    }
    return hid.HIDAsync.open(selector.vendorId, selector.productId);
  };
}
