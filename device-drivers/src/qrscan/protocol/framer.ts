// Cuts the scanner's byte stream into frames at the configured suffix (CR, CR LF, TAB, or none: an idle gap
// ends the frame). Pure and clock-free: the owner calls `idle()` when no byte arrived for its gap, which ends
// a suffix-less frame or, with a suffix, turns the bytes left waiting into a `partialFrame`. A frame longer
// than `maxBytes` is refused once and the rest of it discarded up to its suffix, so 10 kB of noise is one
// rejection and never a buffer that grows.
import type { FrameRejection } from '../errors';

export const SUFFIXES = ['cr', 'crlf', 'tab', 'none'] as const;
export type Suffix = (typeof SUFFIXES)[number];

const SUFFIX_BYTES: Record<Exclude<Suffix, 'none'>, number[]> = { cr: [0x0d], crlf: [0x0d, 0x0a], tab: [0x09] };

export function suffixBytes(suffix: Suffix): Uint8Array {
  return suffix === 'none' ? new Uint8Array() : Uint8Array.from(SUFFIX_BYTES[suffix]);
}

/** A QR code holds at most 2,953 bytes; room for a prefix and an AIM identifier. */
export const DEFAULT_MAX_CODE_BYTES = 4096;

export type FramePiece = { kind: 'frame'; bytes: Uint8Array } | { kind: 'rejected'; reason: FrameRejection; bytes: number };

export interface FramerOptions {
  suffix: Suffix;
  maxBytes?: number;
}

export class CodeFramer {
  private readonly suffix: number[];
  private readonly maxBytes: number;
  private buf: number[] = [];
  /** Bytes of an over-long frame thrown away since it was refused (until its suffix). */
  private discarding = false;

  constructor(private readonly options: FramerOptions) {
    this.suffix = options.suffix === 'none' ? [] : SUFFIX_BYTES[options.suffix];
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_CODE_BYTES;
  }

  /** Whether bytes are waiting for their suffix (the owner arms its idle timer while true). */
  get pending(): boolean {
    return this.buf.length > 0 || this.discarding;
  }

  push(chunk: Uint8Array): FramePiece[] {
    const out: FramePiece[] = [];
    for (const byte of chunk) {
      // CR mode: a scanner set to CR LF leaves an LF at the start of the next frame; it carries nothing.
      if (this.options.suffix === 'cr' && byte === 0x0a && this.buf.length === 0 && !this.discarding) continue;
      this.buf.push(byte);
      if (this.suffix.length > 0 && this.endsWithSuffix()) {
        const body = this.buf.slice(0, this.buf.length - this.suffix.length);
        this.buf = [];
        if (this.discarding) this.discarding = false;
        else if (body.length > 0) out.push({ kind: 'frame', bytes: Uint8Array.from(body) });
        else out.push({ kind: 'rejected', reason: 'emptyCode', bytes: 0 });
        continue;
      }
      if (this.discarding) {
        // Keep only what could still be the start of the suffix.
        if (this.buf.length > this.suffix.length) this.buf = this.suffix.length === 0 ? [] : this.buf.slice(-this.suffix.length);
        continue;
      }
      if (this.buf.length > this.maxBytes) {
        out.push({ kind: 'rejected', reason: 'tooLong', bytes: this.buf.length });
        this.buf = this.suffix.length > 1 ? this.buf.slice(-(this.suffix.length - 1)) : [];
        this.discarding = true;
      }
    }
    return out;
  }

  /** The line was quiet for the idle gap: end a suffix-less frame, or refuse bytes whose suffix never came. */
  idle(): FramePiece | null {
    const wasDiscarding = this.discarding;
    this.discarding = false;
    const bytes = this.buf;
    this.buf = [];
    if (wasDiscarding) return null; // already refused as tooLong
    if (bytes.length === 0) return null;
    if (this.suffix.length === 0) return { kind: 'frame', bytes: Uint8Array.from(bytes) };
    return { kind: 'rejected', reason: 'partialFrame', bytes: bytes.length };
  }

  reset(): void {
    this.buf = [];
    this.discarding = false;
  }

  private endsWithSuffix(): boolean {
    const n = this.suffix.length;
    if (this.buf.length < n) return false;
    for (let i = 0; i < n; i++) if (this.buf[this.buf.length - n + i] !== this.suffix[i]) return false;
    return true;
  }
}
