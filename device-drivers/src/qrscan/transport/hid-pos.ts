// USB HID POS scanners (HID usage page 0x8C, Bar Code Scanner): a code arrives in one or more input reports,
// each with a length byte, a slice of data, the symbology identifier and a "more follows" flag. The layout
// differs by vendor, so it is an interface (`HidPosDecoder`); `honeywellHidPos` reads the common one
// (report 0x02: [id, length, 56 data bytes, AIM id x3, 2 reserved, flags]). The device is the same slice of
// node-hid the ID reader uses, so tests feed reports from a fake.
import { Listeners } from '../../device/listeners';
import type { Unsubscribe } from '../../device/model';
import type { HidReportDevice } from '../../idcard/transport/hid';
import { QrScanError } from '../errors';
import type { ScannerLink, ScannerLinkClosed } from './link';

export interface HidPosPiece {
  data: Uint8Array;
  /** More reports of the same code follow. */
  more: boolean;
  /** AIM symbology identifier when the report carries one (`]Q1`). */
  aimId?: string;
}

export interface HidPosDecoder {
  /** One input report (as node-hid delivers it) → a piece of a code, or null for a report that is not one. */
  decode(report: Uint8Array): HidPosPiece | null;
}

export interface HidPosLayout {
  reportId: number;
  dataOffset: number;
  dataCapacity: number;
  aimOffset: number | null;
  flagsOffset: number;
  moreBit: number;
}

export const HONEYWELL_HID_POS: HidPosLayout = { reportId: 0x02, dataOffset: 2, dataCapacity: 56, aimOffset: 58, flagsOffset: 63, moreBit: 0x01 };

export function hidPosDecoder(layout: HidPosLayout = HONEYWELL_HID_POS): HidPosDecoder {
  return {
    decode(report) {
      if (report.length <= layout.flagsOffset || report[0] !== layout.reportId) return null;
      const length = Math.min(report[1] ?? 0, layout.dataCapacity);
      const data = report.slice(layout.dataOffset, layout.dataOffset + length);
      const more = ((report[layout.flagsOffset] ?? 0) & layout.moreBit) !== 0;
      if (layout.aimOffset === null) return { data, more };
      const aim = report.subarray(layout.aimOffset, layout.aimOffset + 3);
      const aimId = aim[0] === 0x5d ? String.fromCharCode(...aim) : undefined;
      return aimId ? { data, more, aimId } : { data, more };
    },
  };
}

export interface HidPosLinkOptions {
  openDevice: () => Promise<HidReportDevice>;
  decoder?: HidPosDecoder;
  description?: string;
}

/** What one code may take in memory while its reports arrive; the service refuses far less (its maxBytes). */
const ASSEMBLY_LIMIT = 64 * 1024;

export class HidPosLink implements ScannerLink {
  readonly kind = 'hidPos' as const;
  readonly framed = true;
  readonly writable = false;
  readonly description: string;
  private device: HidReportDevice | null = null;
  private readonly decoder: HidPosDecoder;
  private parts: Uint8Array[] = [];
  private size = 0;
  private readonly data = new Listeners<Uint8Array>();
  private readonly closed = new Listeners<ScannerLinkClosed>();

  constructor(private readonly options: HidPosLinkOptions) {
    this.decoder = options.decoder ?? hidPosDecoder();
    this.description = options.description ?? 'hid-pos';
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
      throw new QrScanError('noDevice', `cannot open HID POS scanner ${this.description}: ${(err as Error).message}`);
    }
    this.device = device;
    this.parts = [];
    this.size = 0;
    device.on('data', (report: Buffer) => {
      if (this.device === device) this.report(new Uint8Array(report.buffer, report.byteOffset, report.length));
    });
    device.on('error', (error: Error) => {
      if (this.device !== device) return; // node-hid reports an unplug as a read error
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

  write(): Promise<void> {
    return Promise.reject(new QrScanError('notSupported', 'HID POS scanners take no commands here'));
  }

  onData(listener: (chunk: Uint8Array) => void): Unsubscribe {
    return this.data.add(listener);
  }

  onClose(listener: (info: ScannerLinkClosed) => void): Unsubscribe {
    return this.closed.add(listener);
  }

  private report(report: Uint8Array): void {
    const piece = this.decoder.decode(report);
    if (!piece) return;
    if (this.size < ASSEMBLY_LIMIT) {
      const room = ASSEMBLY_LIMIT - this.size;
      const part = piece.data.subarray(0, room);
      this.parts.push(part.slice());
      this.size += part.length;
    }
    if (piece.more) return;
    const code = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      code.set(part, at);
      at += part.length;
    }
    this.parts = [];
    this.size = 0;
    if (code.length > 0) this.data.emit(code);
  }
}
