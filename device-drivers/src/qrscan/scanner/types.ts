// The scanner service's options and events. Events carry the code only on `code`; counters, detail and errors
// never do (a code may be someone's identity token).
import type { FrameRejection, QrScanErrorCode } from '../errors';
import type { ReadMode, Symbology } from '../protocol/commands';
import type { Suffix } from '../protocol/framer';
import type { ScannerLink } from '../transport/link';

export interface QrScannerOptions {
  id?: string;
  link: ScannerLink;
  /** Serial only: what ends each code. Default 'cr' (most imagers' factory setting). */
  suffix?: Suffix;
  /** Serial only: bytes the scanner sends before each code (set on the scanner); refused when missing. */
  prefix?: Uint8Array;
  /** The scanner sends AIM identifiers (`]Q1`): stripped and reported as `symbology`. */
  aimId?: boolean;
  maxBytes?: number;
  /** trigger: decode only while readCode() waits (serial trigger); continuous: whatever is shown. Default continuous. */
  mode?: ReadMode;
  /** 'menu': the scanner takes menu commands (mode, symbologies); 'none': leave its settings alone. Default 'none'. */
  commandSet?: 'menu' | 'none';
  /** Symbologies to switch on (true) or off (false) at start-up; needs commandSet 'menu'. */
  symbologies?: Partial<Record<Symbology, boolean>>;
  /** suffix 'none': the quiet time that ends a code. Default 60 ms. */
  idleGapMs?: number;
  /** With a suffix: bytes left without one for this long are a partial frame. Default 400 ms. */
  partialTimeoutMs?: number;
  commandTimeoutMs?: number;
  reconnectIntervalMs?: number;
}

export interface ScannedCode {
  code: string;
  symbology?: string;
  bytes: number;
  at: string;
}

export interface ErrorInfo {
  code: QrScanErrorCode;
  message: string;
}

export type ScannerEvent =
  | ({ type: 'code' } & ScannedCode)
  | { type: 'rejected'; reason: FrameRejection; bytes: number; at: string }
  | { type: 'error'; error: ErrorInfo; at: string };
