// The SAM command set (reference §2) and the parsers for the DATA of their replies.
import { IdCardError } from '../errors';
import { encodeRequest } from './frame-codec';

export interface SamCommand {
  name: CommandName;
  cmd: number;
  para: number;
  data?: Uint8Array;
}

export type CommandName =
  | 'resetSam'
  | 'samStatus'
  | 'samId'
  | 'findCard'
  | 'selectCard'
  | 'readBase'
  | 'readBaseFingerprint'
  | 'readNewAddress'
  | 'readManagementNumber'
  | 'setBaudRate'
  | 'setMaxRfBytes';

export const COMMANDS = {
  resetSam: { name: 'resetSam', cmd: 0x10, para: 0xff },
  samStatus: { name: 'samStatus', cmd: 0x11, para: 0xff },
  samId: { name: 'samId', cmd: 0x12, para: 0xff },
  findCard: { name: 'findCard', cmd: 0x20, para: 0x01 },
  selectCard: { name: 'selectCard', cmd: 0x20, para: 0x02 },
  readBase: { name: 'readBase', cmd: 0x30, para: 0x01 },
  readBaseFingerprint: { name: 'readBaseFingerprint', cmd: 0x30, para: 0x10 },
  readNewAddress: { name: 'readNewAddress', cmd: 0x30, para: 0x03 },
  readManagementNumber: { name: 'readManagementNumber', cmd: 0x30, para: 0x05 },
} as const satisfies Record<string, SamCommand>;

/** UART speeds the `60 xx` command selects [C1: E2]. */
export const BAUD_CODES: Readonly<Record<number, number>> = { 115200: 0, 57600: 1, 38400: 2, 19200: 3, 9600: 4 };
export const SUPPORTED_BAUD_RATES = Object.keys(BAUD_CODES).map(Number);

export function setBaudRateCommand(baudRate: number): SamCommand {
  const code = BAUD_CODES[baudRate];
  if (code === undefined) {
    throw new IdCardError('unsupportedBaudRate', `baud rate ${baudRate} is not one of ${SUPPORTED_BAUD_RATES.join(', ')}`, 'setBaudRate');
  }
  return { name: 'setBaudRate', cmd: 0x60, para: code };
}

export function baudRateForCode(code: number): number | undefined {
  const entry = Object.entries(BAUD_CODES).find(([, c]) => c === code);
  return entry ? Number(entry[0]) : undefined;
}

export function setMaxRfBytesCommand(bytes: number): SamCommand {
  return { name: 'setMaxRfBytes', cmd: 0x61, para: 0xff, data: Uint8Array.of(bytes & 0xff) };
}

export function encodeCommand(command: SamCommand): Uint8Array {
  return encodeRequest(command.cmd, command.para, command.data);
}

/** Which named command a request (CMD, PARA) is, if any. */
export function identifyCommand(cmd: number, para: number): CommandName | undefined {
  for (const c of Object.values(COMMANDS)) if (c.cmd === cmd && c.para === para) return c.name;
  if (cmd === 0x60) return 'setBaudRate';
  if (cmd === 0x61 && para === 0xff) return 'setMaxRfBytes';
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Reply DATA

export const TEXT_BLOCK_BYTES = 256;
export const PHOTO_BYTES = 1024;

export interface SamId {
  bytes: Uint8Array;
  /** a.b-c-d-e (u16 LE, u16 LE, u32 LE ×3), d and e zero-padded. The exact string format is [U]. */
  text: string;
}

export function parseSamId(data: Uint8Array, padWidth = 10): SamId {
  if (data.length < 16) throw new IdCardError('badResponse', `SAM ID reply has ${data.length} bytes, expected 16`, 'samId');
  const v = new DataView(data.buffer, data.byteOffset, 16);
  const a = v.getUint16(0, true);
  const b = v.getUint16(2, true);
  const c = v.getUint32(4, true);
  const d = v.getUint32(8, true);
  const e = v.getUint32(12, true);
  const pad = (n: number) => String(n).padStart(padWidth, '0');
  return { bytes: data.slice(0, 16), text: `${String(a).padStart(2, '0')}.${String(b).padStart(2, '0')}-${c}-${pad(d)}-${pad(e)}` };
}

export function encodeSamId(a: number, b: number, c: number, d: number, e: number): Uint8Array {
  const out = new Uint8Array(16);
  const v = new DataView(out.buffer);
  v.setUint16(0, a, true);
  v.setUint16(2, b, true);
  v.setUint32(4, c, true);
  v.setUint32(8, d, true);
  v.setUint32(12, e, true);
  return out;
}

export interface BaseMessage {
  text: Uint8Array;
  photo: Uint8Array;
  fingerprint: Uint8Array | null;
}

/** DATA of `30 01` or, with `withFingerprint`, of `30 10`: lengths (BE) then the blocks. */
export function parseBaseMessage(data: Uint8Array, { withFingerprint }: { withFingerprint: boolean }): BaseMessage {
  const stage = withFingerprint ? 'readBaseFingerprint' : 'readBase';
  const head = withFingerprint ? 6 : 4;
  if (data.length < head) throw new IdCardError('badResponse', `read reply has ${data.length} data bytes`, stage);
  const textLen = (data[0]! << 8) | data[1]!;
  const photoLen = (data[2]! << 8) | data[3]!;
  const fpLen = withFingerprint ? (data[4]! << 8) | data[5]! : 0;
  if (textLen < TEXT_BLOCK_BYTES) {
    throw new IdCardError('badResponse', `text block of ${textLen} bytes, expected ${TEXT_BLOCK_BYTES}`, stage);
  }
  const total = head + textLen + photoLen + fpLen;
  if (data.length !== total) {
    throw new IdCardError('badResponse', `read reply has ${data.length} data bytes but its lengths add up to ${total}`, stage);
  }
  const text = data.slice(head, head + textLen);
  const photo = data.slice(head + textLen, head + textLen + photoLen);
  const fingerprint = withFingerprint ? data.slice(head + textLen + photoLen, total) : null;
  return { text, photo, fingerprint };
}

export function encodeBaseMessage(text: Uint8Array, photo: Uint8Array, fingerprint: Uint8Array | null): Uint8Array {
  const head = fingerprint ? 6 : 4;
  const out = new Uint8Array(head + text.length + photo.length + (fingerprint?.length ?? 0));
  out[0] = text.length >> 8;
  out[1] = text.length & 0xff;
  out[2] = photo.length >> 8;
  out[3] = photo.length & 0xff;
  if (fingerprint) {
    out[4] = fingerprint.length >> 8;
    out[5] = fingerprint.length & 0xff;
  }
  out.set(text, head);
  out.set(photo, head + text.length);
  if (fingerprint) out.set(fingerprint, head + text.length + photo.length);
  return out;
}

/** One appended address = 35 UTF-16LE characters (70 bytes) [C1: E2]. */
export const NEW_ADDRESS_BYTES = 70;
