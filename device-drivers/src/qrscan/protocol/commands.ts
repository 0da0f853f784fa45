// The serial command set most 2D imagers share (Honeywell's menu commands; many Chinese OEM imagers accept the
// same): `SYN M CR` + `TAG SUBTAG DATA` + `!` (RAM, lost at power-off) or `.` (flash). The scanner echoes the
// command with ACK (applied), ENQ (unknown tag) or NAK (value out of range) before the terminator. `SYN T CR`
// starts a decode (serial trigger), `SYN U CR` stops it. Scanners without commands get `commandSet: 'none'`.
export const SYN = 0x16;
export const ACK = 0x06;
export const ENQ = 0x05;
export const NAK = 0x15;

export const SYMBOLOGIES = ['qr', 'dataMatrix', 'pdf417', 'aztec', 'code128', 'ean13'] as const;
export type Symbology = (typeof SYMBOLOGIES)[number];

export const SYMBOLOGY_TAGS: Record<Symbology, string> = {
  qr: 'QRCENA',
  dataMatrix: 'IDMENA',
  pdf417: 'PDFENA',
  aztec: 'AZTENA',
  code128: '128ENA',
  ean13: 'E13ENA',
};

export type ReadMode = 'trigger' | 'continuous';

/** TRGMOD0: decode only while triggered (the serial trigger); TRGMOD3: presentation (decode whatever is shown). */
export const READ_MODE_SETTING: Record<ReadMode, string> = { trigger: 'TRGMOD0', continuous: 'TRGMOD3' };

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

export const TRIGGER_ON = Uint8Array.of(SYN, 0x54, 0x0d); // SYN T CR
export const TRIGGER_OFF = Uint8Array.of(SYN, 0x55, 0x0d); // SYN U CR

/** One menu command, applied to RAM (`!`): a restart brings back what the hall's setup card stored. */
export function menuCommand(setting: string): Uint8Array {
  return ascii(`\u0016M\r${setting}!`);
}

export function symbologySetting(symbology: Symbology, enabled: boolean): string {
  return `${SYMBOLOGY_TAGS[symbology]}${enabled ? 1 : 0}`;
}

export type ReplyStatus = 'ack' | 'enq' | 'nak';
const STATUS: Record<number, ReplyStatus> = { [ACK]: 'ack', [ENQ]: 'enq', [NAK]: 'nak' };

/**
 * Collects a menu command's reply out of the byte stream: the echo, a status byte, the terminator. Bytes
 * that arrive before the echo starts (a code scanned meanwhile) are handed back as `rest`.
 */
export class MenuReplyReader {
  private buf: number[] = [];

  constructor(private readonly setting: string) {}

  push(chunk: Uint8Array): { status: ReplyStatus; rest: Uint8Array; before: Uint8Array } | null {
    for (const b of chunk) this.buf.push(b);
    if (this.buf.length > 16384) this.buf = this.buf.slice(-64); // a flood is not a reply; keep the tail
    const text = String.fromCharCode(...this.buf);
    const start = text.indexOf(this.setting);
    if (start < 0) return null;
    const at = start + this.setting.length;
    if (this.buf.length < at + 2) return null;
    const status = STATUS[this.buf[at]!];
    const terminator = this.buf[at + 1];
    if (!status || (terminator !== 0x21 && terminator !== 0x2e)) return { status: 'nak', rest: Uint8Array.from(this.buf.slice(at)), before: Uint8Array.from(this.buf.slice(0, start)) };
    return { status, rest: Uint8Array.from(this.buf.slice(at + 2)), before: Uint8Array.from(this.buf.slice(0, start)) };
  }

  /** What was collected (handed to the framer when no reply came). */
  drain(): Uint8Array {
    const bytes = Uint8Array.from(this.buf);
    this.buf = [];
    return bytes;
  }
}
