// Options and events of the ID card reader service: plain data, so the lead can map them onto the IPC contract.
import type { IdCard } from '../card/card';
import type { IdCardErrorCode, ReaderStage } from '../errors';
import { IdCardError } from '../errors';
import type { ReaderTimeouts } from '../protocol/sam-procedures';
import type { ByteTransport } from '../transport/transport';
import type { DecodedPhoto, WltDecoder } from '../card/wlt';

export interface ReaderServiceOptions {
  transport: ByteTransport;
  /** Device id in snapshots. Default 'idcard'. */
  id?: string;
  /** Gap between find-card polls. Default 400 ms (public code uses 300-500). */
  pollIntervalMs?: number;
  /** Per-stage reply timeouts; missing ones take DEFAULT_TIMEOUTS. */
  timeouts?: Partial<ReaderTimeouts>;
  /** Read with `30 10` (text + photo + fingerprint) instead of `30 01`. Default false. */
  readFingerprint?: boolean;
  /** Also read appended addresses (`30 03`). Default false. */
  readNewAddress?: boolean;
  /** Send reset (`10 FF`) before status/SAM ID when the port opens. Default true. */
  resetOnOpen?: boolean;
  /** Wait between attempts to reopen a lost port or re-initialise a silent SAM. Default 1000 ms. */
  reconnectIntervalMs?: number;
  /** Consecutive find-card timeouts after which the reader is considered gone. Default 3. */
  offlineAfterTimeouts?: number;
  /** Read attempts per card placement before giving up until it is removed. Default 3. */
  maxReadAttempts?: number;
  /** Consecutive "no card" answers that confirm a removal. Default 1. */
  removalConfirmations?: number;
  samIdRetries?: number;
  samIdPadWidth?: number;
  /** Silence that ends a partial frame. Default 200 ms. */
  idleGapMs?: number;
  extraEthnicities?: Readonly<Record<string, string>>;
  /** Optional vendor WLT decoder; without one, card-read carries photoImage null (show a placeholder). */
  wltDecoder?: WltDecoder;
}

export interface ErrorInfo {
  code: IdCardErrorCode;
  message: string;
  stage?: ReaderStage;
  sw3?: number;
}

export type ReaderEvent =
  | { type: 'card-present'; at: string }
  | { type: 'card-read'; at: string; card: IdCard; photoImage: DecodedPhoto | null; durationMs: number }
  | { type: 'card-removed'; at: string }
  | { type: 'error'; at: string; error: ErrorInfo; willRetry: boolean };

export type ReaderEventType = ReaderEvent['type'];
export type ReaderEventOf<T extends ReaderEventType> = Extract<ReaderEvent, { type: T }>;
export type CardReadEvent = ReaderEventOf<'card-read'>;

export type ReaderPhase = 'stopped' | 'connecting' | 'initialising' | 'idle' | 'reading' | 'waitingRemoval';

export const toErrorInfo = (err: unknown): ErrorInfo => {
  if (err instanceof IdCardError) return err.toJSON();
  return { code: 'badResponse', message: err instanceof Error ? err.message : String(err) };
};
