// GA/T 467 serial frames: AA AA AA 96 69 · Len(2, BE) · body · CHK, where Len counts body + CHK and CHK is
// the XOR of Len1 .. last body byte. Hand-written because the framing is tiny and its one subtle rule matters:
// a frame is cut by its length field, never by re-scanning for the preamble (the preamble bytes can occur
// inside the 1024-byte photo). Resync (drop bytes up to the next preamble) happens only after a checksum or
// length failure, or when the caller reports an idle gap with a partial frame buffered.

export const PREAMBLE: Uint8Array = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
/** Preamble (5) + length field (2). */
export const HEADER_BYTES = 7;
/** Largest Len a known reply uses is 0x090A (read with a 1024-byte fingerprint); leave headroom. */
export const DEFAULT_MAX_LENGTH = 0x1000;
/** Request: CMD PARA CHK. */
export const MIN_REQUEST_LENGTH = 3;
/** Response: SW1 SW2 SW3 CHK. */
export const MIN_RESPONSE_LENGTH = 4;

/** XOR of bytes[start, end). */
export function xorChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let chk = 0;
  for (let i = start; i < end; i++) chk ^= bytes[i]!;
  return chk;
}

/** Wraps a body (request: CMD PARA DATA; response: SW1 SW2 SW3 DATA) into a complete frame. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  if (len > 0xffff) throw new RangeError(`frame body of ${body.length} bytes does not fit the 16-bit length field`);
  const frame = new Uint8Array(HEADER_BYTES + len);
  frame.set(PREAMBLE, 0);
  frame[5] = len >> 8;
  frame[6] = len & 0xff;
  frame.set(body, HEADER_BYTES);
  frame[frame.length - 1] = xorChecksum(frame, 5, frame.length - 1);
  return frame;
}

export function encodeRequest(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = cmd;
  body[1] = para;
  body.set(data, 2);
  return encodeFrame(body);
}

export interface ResponseFields {
  sw1?: number;
  sw2?: number;
  sw3: number;
  data?: Uint8Array;
}

export function encodeResponse({ sw1 = 0, sw2 = 0, sw3, data = new Uint8Array(0) }: ResponseFields): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[0] = sw1;
  body[1] = sw2;
  body[2] = sw3;
  body.set(data, 3);
  return encodeFrame(body);
}

export type FrameErrorCode = 'garbage' | 'badChecksum' | 'badLength' | 'truncated';

export interface FrameError {
  code: FrameErrorCode;
  message: string;
  /** Bytes thrown away because of this error (the resync). */
  droppedBytes: number;
}

export type DecodeEvent =
  | {
      kind: 'frame';
      /** The whole frame, preamble to CHK. */
      frame: Uint8Array;
      /** Bytes between the length field and CHK (request: CMD PARA DATA; response: SW1 SW2 SW3 DATA). */
      body: Uint8Array;
    }
  | { kind: 'error'; error: FrameError };

export interface FrameDecoderOptions {
  /** Smallest acceptable Len (3 for requests, 4 for responses). */
  minLength?: number;
  maxLength?: number;
}

/**
 * Streaming, length-driven frame decoder. Feed it chunks as they arrive (any split); it returns whole frames and
 * typed errors. It never throws on input and its work per call is bounded by the bytes given.
 */
export class FrameDecoder {
  private buf = new Uint8Array(256);
  private start = 0;
  private end = 0;
  private readonly minLength: number;
  private readonly maxLength: number;

  constructor(options: FrameDecoderOptions = {}) {
    this.minLength = Math.max(MIN_REQUEST_LENGTH, options.minLength ?? MIN_REQUEST_LENGTH);
    this.maxLength = Math.max(this.minLength, options.maxLength ?? DEFAULT_MAX_LENGTH);
  }

  /** Bytes held back waiting for the rest of a frame (or a possible preamble prefix). */
  get pending(): number {
    return this.end - this.start;
  }

  reset(): void {
    this.start = 0;
    this.end = 0;
  }

  push(chunk: Uint8Array): DecodeEvent[] {
    this.append(chunk);
    const events: DecodeEvent[] = [];
    for (;;) {
      const step = this.step();
      if (step === null) break;
      events.push(step);
    }
    if (this.start === this.end) this.reset();
    return events;
  }

  /** The line went quiet: whatever partial frame is buffered will never complete. */
  idle(): DecodeEvent[] {
    const dropped = this.pending;
    this.reset();
    if (dropped === 0) return [];
    return [{ kind: 'error', error: { code: 'truncated', message: `idle gap with ${dropped} bytes of an incomplete frame`, droppedBytes: dropped } }];
  }

  /** One decoding step: an event, or null when more input is needed. */
  private step(): DecodeEvent | null {
    const at = this.findPreamble(this.start);
    if (at < 0) {
      // Keep a tail that could be the start of a preamble split across chunks.
      const keep = this.preamblePrefixAtEnd();
      const dropped = this.end - keep - this.start;
      this.start = this.end - keep;
      return dropped > 0 ? this.error('garbage', `dropped ${dropped} bytes outside any frame`, dropped) : null;
    }
    if (at > this.start) {
      const dropped = at - this.start;
      this.start = at;
      return this.error('garbage', `dropped ${dropped} bytes before a preamble`, dropped);
    }
    if (this.pending < HEADER_BYTES) return null;
    const b = this.buf;
    const len = (b[this.start + 5]! << 8) | b[this.start + 6]!;
    if (len < this.minLength || len > this.maxLength) {
      const dropped = this.resyncFrom(this.start + 1);
      return this.error('badLength', `length field ${len} outside ${this.minLength}..${this.maxLength}`, dropped);
    }
    const total = HEADER_BYTES + len;
    if (this.pending < total) return null;
    const frameStart = this.start;
    const chkAt = frameStart + total - 1;
    const expected = xorChecksum(b, frameStart + 5, chkAt);
    if (expected !== b[chkAt]) {
      const dropped = this.resyncFrom(frameStart + 1);
      return this.error('badChecksum', `checksum ${hex(b[chkAt]!)} but bytes XOR to ${hex(expected)}`, dropped);
    }
    const frame = b.slice(frameStart, frameStart + total);
    this.start = frameStart + total;
    return { kind: 'frame', frame, body: frame.subarray(HEADER_BYTES, total - 1) };
  }

  /** After a bad frame: drop up to the next preamble found after `from` (or all but a possible prefix). */
  private resyncFrom(from: number): number {
    const next = this.findPreamble(from);
    const before = this.start;
    if (next >= 0) this.start = next;
    else this.start = Math.max(from, this.end - this.preamblePrefixAtEnd());
    return this.start - before;
  }

  private findPreamble(from: number): number {
    const b = this.buf;
    const last = this.end - PREAMBLE.length;
    for (let i = from; i <= last; i++) {
      if (b[i] === 0xaa && b[i + 1] === 0xaa && b[i + 2] === 0xaa && b[i + 3] === 0x96 && b[i + 4] === 0x69) return i;
    }
    return -1;
  }

  /** Length of the longest buffer suffix that is a proper prefix of the preamble. */
  private preamblePrefixAtEnd(): number {
    const n = this.end - this.start;
    for (let k = Math.min(PREAMBLE.length - 1, n); k > 0; k--) {
      let match = true;
      for (let j = 0; j < k; j++) {
        if (this.buf[this.end - k + j] !== PREAMBLE[j]) {
          match = false;
          break;
        }
      }
      if (match) return k;
    }
    return 0;
  }

  private append(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const needed = this.end + chunk.length;
    if (needed > this.buf.length) {
      const live = this.end - this.start;
      if (live + chunk.length <= this.buf.length && this.start > 0) {
        this.buf.copyWithin(0, this.start, this.end);
      } else {
        const grown = new Uint8Array(Math.max(this.buf.length * 2, live + chunk.length));
        grown.set(this.buf.subarray(this.start, this.end));
        this.buf = grown;
      }
      this.start = 0;
      this.end = live;
    }
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }

  private error(code: FrameErrorCode, message: string, droppedBytes: number): DecodeEvent {
    return { kind: 'error', error: { code, message, droppedBytes } };
  }
}

export function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

export function toHex(bytes: Uint8Array, separator = ' '): string {
  return Array.from(bytes, hex).join(separator);
}

export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/[^0-9a-fA-F]/g, '');
  if (clean.length % 2 !== 0) throw new RangeError('hex text has an odd number of digits');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}
