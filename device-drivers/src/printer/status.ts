// Printer status bytes (Epson ESC/POS DLE EOT n and GS r 1), shared by the virtual printer (which answers)
// and the printer service (which asks). Every real-time status byte has bits 1 and 4 set and bits 0 and 7
// clear (pattern 0xx1xx10, as python-escpos checks), which tells a status reply from stray data.
import { codedError } from '../device/coded-error';

export const PRINTER_STATES = ['ok', 'near-end', 'out', 'cover-open', 'cutter-error'] as const;
export type PrinterState = (typeof PRINTER_STATES)[number];

const BASE = 0x12;

/** The byte a printer in `state` answers to DLE EOT n. */
export function realtimeStatusByte(state: PrinterState, n: 1 | 2 | 3 | 4): number {
  const offline = state === 'out' || state === 'cover-open' || state === 'cutter-error';
  switch (n) {
    case 1: // printer status: bit 3 offline
      return BASE | (offline ? 0x08 : 0);
    case 2: // offline cause: bit 2 cover open, bit 5 stopped by paper end, bit 6 error
      return BASE | (state === 'cover-open' ? 0x04 : 0) | (state === 'out' ? 0x20 : 0) | (state === 'cutter-error' ? 0x40 : 0);
    case 3: // error cause: bit 3 autocutter error
      return BASE | (state === 'cutter-error' ? 0x08 : 0);
    case 4: // roll paper sensor: bits 2-3 near end, bits 5-6 paper end (0x12 ok, 0x1E near end, 0x72 out)
      return BASE | (state === 'near-end' ? 0x0c : 0) | (state === 'out' ? 0x60 : 0);
  }
}

/** The byte answered to GS r 1 (paper sensor): bits 0-1 near end, bits 2-3 paper end. */
export function paperSensorByte(state: PrinterState): number {
  return (state === 'near-end' ? 0x03 : 0) | (state === 'out' ? 0x0c : 0);
}

export function isRealtimeStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export interface PrinterCondition {
  online: boolean;
  coverOpen: boolean;
  paper: 'ok' | 'nearEnd' | 'out';
  /** Cutter, unrecoverable or auto-recoverable error reported by the printer. */
  error: boolean;
  /** Raw replies to DLE EOT 1..4, for the maintenance screen. */
  raw: [number, number, number, number];
}

export class StatusReplyError extends codedError<'badStatusReply'>('StatusReplyError') {
  constructor(message: string) {
    super('badStatusReply', message);
  }
}

/** Decode the four replies to DLE EOT 1, 2, 3, 4. */
export function decodeRealtimeStatus(replies: ArrayLike<number>): PrinterCondition {
  if (replies.length !== 4) throw new StatusReplyError(`expected 4 status bytes, got ${replies.length}`);
  const [s1, s2, s3, s4] = [replies[0]!, replies[1]!, replies[2]!, replies[3]!];
  for (const b of [s1, s2, s3, s4]) {
    if (!isRealtimeStatusByte(b)) throw new StatusReplyError(`not a status byte: 0x${b.toString(16).padStart(2, '0')}`);
  }
  const paperOut = (s4 & 0x60) !== 0 || (s2 & 0x20) !== 0;
  const nearEnd = (s4 & 0x0c) !== 0;
  return {
    online: (s1 & 0x08) === 0,
    coverOpen: (s2 & 0x04) !== 0,
    paper: paperOut ? 'out' : nearEnd ? 'nearEnd' : 'ok',
    error: (s2 & 0x40) !== 0 || (s3 & 0x68) !== 0,
    raw: [s1, s2, s3, s4],
  };
}
