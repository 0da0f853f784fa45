// The ID card reader as a device service (XFS4IoT-style, see device/model.ts): open the transport, initialise
// the SAM (reset, status, SAM ID), then poll for cards: find every pollIntervalMs; on a card, select and read it
// once; then keep polling until it leaves before reporting another. Reports card-present / card-read /
// card-removed / error events, a status, counters and detail.samId. A port that vanishes (USB unplug) or a SAM
// that stops answering is reported (noDevice / offline) and retried until it returns.
import { Listeners } from '../../device/listeners';
import type { DeviceService, DeviceSnapshot, DeviceStatus, Unsubscribe } from '../../device/model';
import { SnapshotStore } from '../../device/snapshot-store';
import type { ChildController } from '../abortable';
import { abortReason, childController, sleep, withTimeout } from '../abortable';
import type { IdCard } from '../card/card';
import { CARD_TYPES } from '../card/card';
import { CardWaiters } from './card-waiters';
import { IdCardError } from '../errors';
import { SamChannel } from '../protocol/sam-channel';
import type { ReaderTimeouts, StepContext } from '../protocol/sam-procedures';
import { DEFAULT_TIMEOUTS, findCard, initialiseSam, readSelectedCard, requestBaudRate, selectCard } from '../protocol/sam-procedures';
import { isSamFault } from '../protocol/sam-status';
import type { CardReadEvent, ReaderEvent, ReaderEventOf, ReaderEventType, ReaderServiceOptions } from './types';
import { toErrorInfo } from './types';
import type { ByteTransport } from '../transport/transport';
import type { DecodedPhoto } from '../card/wlt';

export type * from './types';

interface MaintenanceJob {
  run: (ctx: StepContext) => Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Quiet time around a speed change (serial drivers flush their buffers when the speed changes). */
const BAUD_SETTLE_MS = 100;


export class IdCardReaderService implements DeviceService {
  readonly id: string;
  readonly kind = 'idReader' as const;
  private readonly store: SnapshotStore;
  private readonly events = new Listeners<ReaderEvent>();
  private readonly transport: ByteTransport;
  private readonly channel: SamChannel;
  private readonly timeouts: ReaderTimeouts;
  private readonly opts: Required<
    Pick<
      ReaderServiceOptions,
      | 'pollIntervalMs'
      | 'readFingerprint'
      | 'readNewAddress'
      | 'resetOnOpen'
      | 'reconnectIntervalMs'
      | 'offlineAfterTimeouts'
      | 'maxReadAttempts'
      | 'removalConfirmations'
      | 'samIdRetries'
    >
  >;
  private loop: Promise<void> | null = null;
  private loopAbort: AbortController | null = null;
  private operation: ChildController | null = null;
  private cancelRequested = false;
  private readonly waiters = new CardWaiters();
  private jobs: MaintenanceJob[] = [];
  private everOnline = false;
  private lastLinkErrorCode: string | null = null;

  constructor(private readonly options: ReaderServiceOptions) {
    this.id = options.id ?? 'idcard';
    this.transport = options.transport;
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.opts = {
      pollIntervalMs: options.pollIntervalMs ?? 400,
      readFingerprint: options.readFingerprint ?? false,
      readNewAddress: options.readNewAddress ?? false,
      resetOnOpen: options.resetOnOpen ?? true,
      reconnectIntervalMs: options.reconnectIntervalMs ?? 1000,
      offlineAfterTimeouts: options.offlineAfterTimeouts ?? 3,
      maxReadAttempts: options.maxReadAttempts ?? 3,
      removalConfirmations: options.removalConfirmations ?? 1,
      samIdRetries: options.samIdRetries ?? 3,
    };
    this.channel = new SamChannel(this.transport, {
      idleGapMs: options.idleGapMs,
      onFrameError: () => this.store.count('frameErrors'),
    });
    this.store = new SnapshotStore(this.id, 'idReader', {
      cardTypes: CARD_TYPES.join(','),
      fingerprint: this.opts.readFingerprint,
      newAddress: this.opts.readNewAddress,
      photo: options.wltDecoder ? `wlt+${options.wltDecoder.name}` : 'wlt-raw',
      transport: this.transport.kind,
    });
    this.store.update({
      counters: { cardsRead: 0, readErrors: 0, reconnects: 0, timeouts: 0, frameErrors: 0 },
      detail: { phase: 'stopped', port: this.transport.description, transport: this.transport.kind, cardPresent: false },
    });
  }

  // ---- DeviceService ------------------------------------------------------------------------------------

  snapshot(): DeviceSnapshot {
    return this.store.get();
  }

  onChange(listener: (snapshot: DeviceSnapshot) => void): Unsubscribe {
    return this.store.onChange(listener);
  }

  /** Starts the loop; resolves once the first attempt to open and initialise the reader has finished. */
  async start(): Promise<void> {
    if (this.loop) return;
    const abort = new AbortController();
    this.loopAbort = abort;
    this.store.setStatus('starting');
    let firstAttempt!: () => void;
    const first = new Promise<void>((resolve) => (firstAttempt = resolve));
    this.loop = this.run(abort.signal, firstAttempt).finally(firstAttempt);
    await first;
  }

  async stop(): Promise<void> {
    const abort = this.loopAbort;
    if (!abort) return;
    abort.abort(new IdCardError('cancelled', 'reader stopped'));
    await this.loop;
    this.loop = null;
    this.loopAbort = null;
    this.channel.detach();
    await this.transport.close().catch(() => undefined);
    this.waiters.rejectAll(new IdCardError('cancelled', 'reader stopped'));
    for (const job of this.jobs.splice(0)) job.reject(new IdCardError('cancelled', 'reader stopped'));
    this.setDetail({ phase: 'stopped', cardPresent: false });
    this.store.setStatus('offline');
  }

  // ---- Events and commands ------------------------------------------------------------------------------

  onEvent(listener: (event: ReaderEvent) => void): Unsubscribe {
    return this.events.add(listener);
  }

  on<T extends ReaderEventType>(type: T, listener: (event: ReaderEventOf<T>) => void): Unsubscribe {
    return this.events.add((event) => {
      if (event.type === type) listener(event as ReaderEventOf<T>);
    });
  }

  /** Resolves with the next card read (it does not start a read: the loop reads every card placed). */
  readCard(options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<CardReadEvent> {
    return this.waiters.next(options);
  }

  /**
   * Cancel: abort a read in progress and reject pending readCard() calls. The card on the reader (if any) is
   * not reported again until it has been removed.
   */
  cancel(): void {
    this.cancelRequested = true;
    this.operation?.abort(new IdCardError('cancelled', 'read cancelled'));
    this.waiters.rejectAll(new IdCardError('cancelled', 'read cancelled'));
  }

  /** Switch SAM and port to another speed (`60 xx`), between polls. Serial transports only. */
  changeBaudRate(baudRate: number): Promise<void> {
    return this.enqueue(async (ctx) => {
      if (!this.transport.setBaudRate) throw new IdCardError('unsupportedBaudRate', `${this.transport.kind} transport has no baud rate`, 'setBaudRate');
      await requestBaudRate(ctx, baudRate);
      // Let the SAM finish its own switch before ours: changing speed flushes both ports' buffers.
      await sleep(BAUD_SETTLE_MS, ctx.signal);
      await this.transport.setBaudRate(baudRate);
      this.setDetail({ baudRate });
    });
  }

  // ---- The loop -----------------------------------------------------------------------------------------

  private async run(signal: AbortSignal, firstAttempt: () => void): Promise<void> {
    while (!signal.aborted) {
      const connection = childController(signal);
      const offClose = this.transport.onClose((info) =>
        connection.abort(new IdCardError(info.disconnected ? 'noDevice' : 'transportClosed', `${this.transport.description}: ${info.message}`)),
      );
      try {
        await this.connect(connection.signal);
        firstAttempt();
        await this.poll(connection.signal);
      } catch (err) {
        if (signal.aborted) break;
        this.linkFailed(connection.signal.aborted ? abortReason(connection.signal) : err);
        firstAttempt();
        this.channel.detach();
        await this.transport.close().catch(() => undefined);
        await sleep(this.opts.reconnectIntervalMs, signal).catch(() => undefined);
      } finally {
        offClose();
        connection.abort(new IdCardError('cancelled', 'connection ended'));
        connection.dispose();
      }
    }
  }

  private async connect(signal: AbortSignal): Promise<void> {
    this.setDetail({ phase: 'connecting', cardPresent: false });
    if (!this.transport.isOpen) {
      await withTimeout(this.transport.open(), this.timeouts.open, () => new IdCardError('timeout', `opening ${this.transport.description} timed out`, 'open'), signal);
    }
    this.channel.attach();
    this.setDetail({ phase: 'initialising', ...(this.transport.baudRate ? { baudRate: this.transport.baudRate } : {}) });
    const samId = await initialiseSam(this.ctx(signal), {
      resetOnOpen: this.opts.resetOnOpen,
      samIdRetries: this.opts.samIdRetries,
      samIdPadWidth: this.options.samIdPadWidth,
    });
    if (this.everOnline && this.lastLinkErrorCode !== null) this.store.count('reconnects');
    this.everOnline = true;
    this.lastLinkErrorCode = null;
    this.setDetail({ samId: samId.text, phase: 'idle' });
    this.store.update({ status: 'online', lastError: null });
  }

  private async poll(signal: AbortSignal): Promise<void> {
    let present = false;
    let settled = false; // read (or given up / cancelled) for the current placement
    let attempts = 0;
    let absent = 0;
    let timeouts = 0;
    for (;;) {
      await this.runJobs(signal);
      let found: boolean;
      try {
        found = await findCard(this.ctx(signal));
        timeouts = 0;
      } catch (err) {
        if (signal.aborted) throw abortReason(signal);
        if (!(err instanceof IdCardError)) throw err;
        if (isLinkLoss(err.code)) throw err;
        if (err.code === 'timeout') {
          this.store.count('timeouts');
          if (++timeouts >= this.opts.offlineAfterTimeouts) throw err;
        } else if (isSamFault(err.code)) {
          throw err;
        } else {
          this.emitError(err, { willRetry: true });
        }
        await sleep(this.opts.pollIntervalMs, signal);
        continue;
      }

      if (!found) {
        if (present && ++absent >= this.opts.removalConfirmations) {
          present = false;
          settled = false;
          attempts = 0;
          this.setDetail({ cardPresent: false, phase: 'idle' });
          this.emit({ type: 'card-removed', at: now() });
        }
      } else {
        absent = 0;
        if (!present) {
          present = true;
          this.cancelRequested = false;
          this.setDetail({ cardPresent: true });
          this.emit({ type: 'card-present', at: now() });
        }
        if (!settled) {
          if (this.cancelRequested) settled = true;
          else {
            const outcome = await this.readPlacedCard(signal, ++attempts);
            settled = outcome !== 'retry';
          }
          this.setDetail({ phase: settled ? 'waitingRemoval' : 'idle' });
        }
      }
      await sleep(this.opts.pollIntervalMs, signal);
    }
  }

  /** Select and read the card that find reported. Never throws except when the connection is gone. */
  private async readPlacedCard(signal: AbortSignal, attempt: number): Promise<'read' | 'retry' | 'gaveUp'> {
    const op = childController(signal);
    this.operation = op;
    const started = performance.now();
    this.store.update({ status: 'busy', detail: { ...this.store.get().detail, phase: 'reading' } });
    try {
      const ctx = this.ctx(op.signal);
      await selectCard(ctx);
      const card = await readSelectedCard(ctx, {
        readFingerprint: this.opts.readFingerprint,
        readNewAddress: this.opts.readNewAddress,
        extraEthnicities: this.options.extraEthnicities,
      });
      const photoImage = await this.decodePhoto(card);
      this.store.count('cardsRead');
      const event: CardReadEvent = { type: 'card-read', at: now(), card, photoImage, durationMs: performance.now() - started };
      this.emit(event);
      this.waiters.resolveAll(event);
      return 'read';
    } catch (err) {
      if (signal.aborted) throw abortReason(signal);
      if (op.signal.aborted) return 'gaveUp'; // cancel(): leave this card alone until it is removed
      if (err instanceof IdCardError && (isSamFault(err.code) || isLinkLoss(err.code))) throw err;
      const willRetry = attempt < this.opts.maxReadAttempts;
      this.store.count('readErrors');
      this.emitError(err, { willRetry });
      return willRetry ? 'retry' : 'gaveUp';
    } finally {
      op.dispose();
      this.operation = null;
      if (!signal.aborted && this.store.get().status === 'busy') this.store.setStatus('online');
    }
  }

  private async decodePhoto(card: IdCard): Promise<DecodedPhoto | null> {
    const decoder = this.options.wltDecoder;
    if (!decoder || !card.photo) return null;
    try {
      return await decoder.decode(card.photo);
    } catch {
      this.store.count('photoDecodeErrors');
      return null;
    }
  }

  private linkFailed(err: unknown): void {
    let info = toErrorInfo(err);
    let status: DeviceStatus;
    if (isLinkLoss(info.code)) {
      // However it showed first (a failed write, a closed port, a failed open), the port is gone.
      status = 'noDevice';
      info = { ...info, code: 'noDevice' };
    }
    else if (isSamFault(info.code) || (info.sw3 !== undefined && info.stage !== 'findCard')) status = 'hardwareError';
    else status = 'offline';
    this.setDetail({ phase: 'connecting', cardPresent: false });
    this.store.fail(status, info.code, info.message);
    // Report a new kind of failure once, not on every reconnect attempt.
    const key = `${status}:${info.code}`;
    if (key !== this.lastLinkErrorCode) this.emit({ type: 'error', at: now(), error: info, willRetry: true });
    this.lastLinkErrorCode = key;
  }

  private async runJobs(signal: AbortSignal): Promise<void> {
    while (this.jobs.length > 0) {
      const job = this.jobs.shift()!;
      try {
        await job.run(this.ctx(signal));
        job.resolve();
      } catch (err) {
        job.reject(err instanceof Error ? err : new Error(String(err)));
        if (signal.aborted) throw abortReason(signal);
      }
    }
  }

  private enqueue(run: (ctx: StepContext) => Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!this.loop) return reject(new IdCardError('noDevice', 'reader is not started'));
      this.jobs.push({ run, resolve, reject });
    });
  }

  private ctx(signal: AbortSignal): StepContext {
    return { channel: this.channel, timeouts: this.timeouts, signal };
  }

  private emitError(err: unknown, { willRetry }: { willRetry: boolean }): void {
    const info = toErrorInfo(err);
    this.store.update({ lastError: { code: info.code, message: info.message, at: now() } });
    this.emit({ type: 'error', at: now(), error: info, willRetry });
  }

  private emit(event: ReaderEvent): void {
    this.events.emit(event);
  }

  private setDetail(patch: DeviceSnapshot['detail']): void {
    const detail = this.store.get().detail;
    const changed = Object.entries(patch).some(([k, v]) => detail[k] !== v);
    if (changed) this.store.update({ detail: { ...detail, ...patch } });
  }

}

/** Codes that mean the port itself is gone (unplugged, vanished), not that the SAM misbehaved. */
function isLinkLoss(code: string): boolean {
  return code === 'noDevice' || code === 'transportClosed' || code === 'writeFailed';
}

function now(): string {
  return new Date().toISOString();
}

export function createReaderService(options: ReaderServiceOptions): IdCardReaderService {
  return new IdCardReaderService(options);
}
