// One request/reply conversation with the SAM over a ByteTransport: encode the command, feed received chunks
// to the frame decoder, match the reply, enforce the stage timeout. Exchanges are serialised, so two commands
// are never on the wire at once. After a timeout, a cancel or a damaged frame the channel waits for the line
// to go quiet before the next command, so a late reply cannot be taken for the answer to the next one.
import type { Unsubscribe } from '../../device/model';
import { abortReason, sleep } from '../abortable';
import type { SamCommand } from './commands';
import { encodeCommand } from './commands';
import type { ReaderStage } from '../errors';
import { IdCardError } from '../errors';
import type { FrameError } from './frame-codec';
import { DEFAULT_MAX_LENGTH, FrameDecoder, MIN_RESPONSE_LENGTH } from './frame-codec';
import type { SamStatus } from './sam-status';
import { interpretSw3 } from './sam-status';
import type { ByteTransport } from '../transport/transport';

export interface SamReply {
  status: SamStatus;
  data: Uint8Array;
  frame: Uint8Array;
}

export interface SamChannelOptions {
  /** Silence that ends a partial frame (resync) and marks the line quiet. Default 200 ms. */
  idleGapMs?: number;
  maxFrameLength?: number;
  onFrameError?: (error: FrameError) => void;
}

export interface ExchangeOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

interface Pending {
  command: SamCommand;
  resolve: (reply: SamReply) => void;
  reject: (error: Error) => void;
  frameError: FrameError | null;
}

export interface ChannelStats {
  bytesOut: number;
  bytesIn: number;
  exchanges: number;
  frameErrors: number;
  unsolicitedFrames: number;
}

export class SamChannel {
  private readonly decoder: FrameDecoder;
  private readonly idleGapMs: number;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private lastRxAt = 0;
  private needsQuiet = false;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: Unsubscribe[] = [];
  readonly stats: ChannelStats = { bytesOut: 0, bytesIn: 0, exchanges: 0, frameErrors: 0, unsolicitedFrames: 0 };

  constructor(
    private readonly transport: ByteTransport,
    private readonly options: SamChannelOptions = {},
  ) {
    this.decoder = new FrameDecoder({ minLength: MIN_RESPONSE_LENGTH, maxLength: options.maxFrameLength ?? DEFAULT_MAX_LENGTH });
    this.idleGapMs = options.idleGapMs ?? 200;
  }

  attach(): void {
    this.detach();
    this.decoder.reset();
    this.unsubscribe = [
      this.transport.onData((chunk) => this.receive(chunk)),
      this.transport.onClose((info) => this.failPending(new IdCardError('transportClosed', info.message))),
    ];
  }

  detach(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    this.clearIdleTimer();
    this.failPending(new IdCardError('transportClosed', 'channel detached'));
  }

  /** Send one command and resolve with its reply (any SW3); rejects only with IdCardError. */
  exchange(command: SamCommand, options: ExchangeOptions): Promise<SamReply> {
    const run = () => this.run(command, options);
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(command: SamCommand, { timeoutMs, signal }: ExchangeOptions): Promise<SamReply> {
    const stage = command.name as ReaderStage;
    if (signal?.aborted) throw abortReason(signal);
    if (this.needsQuiet) await this.waitQuiet(signal);
    this.stats.exchanges++;
    return new Promise<SamReply>((resolve, reject) => {
      let settled = false;
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (this.pending === pending) this.pending = null;
        action();
      };
      const fail = (error: Error) => {
        this.needsQuiet = true;
        finish(() => reject(error));
      };
      const pending: Pending = {
        command,
        resolve: (reply) => finish(() => resolve(reply)),
        reject: fail,
        frameError: null,
      };
      const onAbort = () => fail(abortReason(signal!));
      const timer = setTimeout(() => {
        const damaged = pending.frameError;
        fail(damaged ? frameFailure(damaged, command) : new IdCardError('timeout', `${command.name}: no reply within ${timeoutMs} ms`, stage));
      }, timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending = pending;
      const frame = encodeCommand(command);
      this.stats.bytesOut += frame.length;
      this.transport.write(frame).catch((err: unknown) => {
        fail(err instanceof IdCardError ? err : new IdCardError('writeFailed', `${command.name}: ${(err as Error).message}`, stage));
      });
    });
  }

  private receive(chunk: Uint8Array): void {
    this.lastRxAt = performance.now();
    this.stats.bytesIn += chunk.length;
    for (const event of this.decoder.push(chunk)) {
      if (event.kind === 'frame') {
        const body = event.body;
        const reply: SamReply = { status: interpretSw3(body[2]!, body[0], body[1]), data: body.slice(3), frame: event.frame };
        if (this.pending) this.pending.resolve(reply);
        else this.stats.unsolicitedFrames++;
      } else {
        this.noteFrameError(event.error);
      }
    }
    this.armIdleTimer();
  }

  private noteFrameError(error: FrameError): void {
    this.stats.frameErrors++;
    this.options.onFrameError?.(error);
    if (this.pending && error.code !== 'garbage') this.pending.frameError ??= error;
  }

  /** After a quiet gap: drop a partial frame, and fail a command whose reply arrived damaged. */
  private armIdleTimer(): void {
    this.clearIdleTimer();
    if (this.decoder.pending === 0 && !this.pending?.frameError) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      for (const event of this.decoder.idle()) if (event.kind === 'error') this.noteFrameError(event.error);
      const pending = this.pending;
      if (pending?.frameError) {
        pending.reject(frameFailure(pending.frameError, pending.command));
      }
    }, this.idleGapMs);
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private async waitQuiet(signal?: AbortSignal): Promise<void> {
    // Bounded: a line that never stops chattering must not block the reader forever.
    const deadline = performance.now() + this.idleGapMs * 10;
    for (;;) {
      const quietFor = performance.now() - this.lastRxAt;
      if (quietFor >= this.idleGapMs || performance.now() >= deadline) break;
      await sleep(this.idleGapMs - quietFor, signal);
    }
    this.clearIdleTimer();
    this.decoder.reset();
    this.needsQuiet = false;
  }

  private failPending(error: IdCardError): void {
    this.decoder.reset();
    this.pending?.reject(error);
  }
}

function frameFailure(error: FrameError, command: SamCommand): IdCardError {
  const code = error.code === 'garbage' ? 'badLength' : error.code;
  return new IdCardError(code, `${command.name}: ${error.message}`, command.name as ReaderStage);
}
