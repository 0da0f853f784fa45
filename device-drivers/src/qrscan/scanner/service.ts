// The 2D scanner as a device service (device/model.ts): open the link, apply the settings the scanner takes
// (read mode, symbologies), then turn every frame into a checked code or a typed rejection. A port that
// vanishes is `noDevice` and reopened until it returns (counters.reconnects). readCode() waits for the next
// code (pulling the serial trigger in trigger mode) and fails with the frame's reason on junk.
import { Listeners } from '../../device/listeners';
import type { DeviceService, DeviceSnapshot, Unsubscribe } from '../../device/model';
import { SnapshotStore } from '../../device/snapshot-store';
import { QrScanError, type FrameRejection } from '../errors';
import { MenuReplyReader, READ_MODE_SETTING, TRIGGER_OFF, TRIGGER_ON, menuCommand, symbologySetting, type Symbology } from '../protocol/commands';
import { checkCode } from '../protocol/code-text';
import { CodeFramer, DEFAULT_MAX_CODE_BYTES, type FramePiece } from '../protocol/framer';
import type { QrScannerOptions, ScannedCode, ScannerEvent } from './types';

export type * from './types';

interface Waiter {
  resolve: (code: ScannedCode) => void;
  reject: (err: QrScanError) => void;
}

const REJECTION_COUNTER: Record<FrameRejection, string> = {
  binaryJunk: 'rejectedBinary',
  tooLong: 'rejectedTooLong',
  partialFrame: 'rejectedPartial',
  controlCharacters: 'rejectedControl',
  emptyCode: 'rejectedEmpty',
  badPrefix: 'rejectedPrefix',
};

export class QrScannerService implements DeviceService {
  readonly id: string;
  readonly kind = 'qrScanner' as const;
  private readonly store: SnapshotStore;
  private readonly events = new Listeners<ScannerEvent>();
  private readonly framer: CodeFramer;
  private readonly maxBytes: number;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private reply: { reader: MenuReplyReader; done: (status: 'ack' | 'enq' | 'nak' | 'none') => void } | null = null;
  private waiters: Waiter[] = [];
  private running = false;
  private everOnline = false;
  private linkLost = false;
  private unsubscribers: Unsubscribe[] = [];

  constructor(private readonly options: QrScannerOptions) {
    this.id = options.id ?? 'qrScanner';
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_CODE_BYTES;
    this.framer = new CodeFramer({ suffix: options.suffix ?? 'cr', maxBytes: this.maxBytes });
    this.store = new SnapshotStore(this.id, 'qrScanner', {
      transport: options.link.kind,
      mode: this.mode,
      suffix: options.link.framed ? 'framed' : (options.suffix ?? 'cr'),
      symbologyCommands: options.link.writable && options.commandSet === 'menu',
      trigger: this.triggered,
    });
    this.store.update({
      counters: { codesRead: 0, framesRejected: 0, reconnects: 0 },
      detail: { port: options.link.description, phase: 'stopped' },
    });
  }

  get mode(): 'trigger' | 'continuous' {
    return this.options.mode ?? 'continuous';
  }

  /** Trigger mode over a link that can carry the trigger command. */
  private get triggered(): boolean {
    return this.mode === 'trigger' && this.options.link.writable;
  }

  snapshot(): DeviceSnapshot {
    return this.store.get();
  }

  onChange(listener: (snapshot: DeviceSnapshot) => void): Unsubscribe {
    return this.store.onChange(listener);
  }

  onEvent(listener: (event: ScannerEvent) => void): Unsubscribe {
    return this.events.add(listener);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const link = this.options.link;
    this.unsubscribers.push(
      link.onData((chunk) => this.received(chunk)),
      link.onClose((info) => {
        this.framer.reset();
        this.fail(info.disconnected ? 'noDevice' : 'transportClosed', `${link.description}: ${info.message}`);
        this.scheduleReconnect();
      }),
    );
    await this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.clearIdle();
    for (const off of this.unsubscribers.splice(0)) off();
    this.reply?.done('none');
    this.rejectWaiters(new QrScanError('cancelled', 'scanner stopped'));
    await this.options.link.close().catch(() => undefined);
    this.store.update({ status: 'offline', detail: { ...this.store.get().detail, phase: 'stopped' } });
  }

  /** The next code shown after this call. Trigger mode pulls the trigger and releases it when done. */
  async readCode(options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<ScannedCode> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const waiting = new Promise<ScannedCode>((resolve, reject) => {
      // Every way out (code, timeout, abort, cancel(), stop) clears the timer and the abort listener.
      const cleanup = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = { resolve: (code) => (cleanup(), resolve(code)), reject: (err) => (cleanup(), reject(err)) };
      const leave = (err: QrScanError) => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.reject(err);
      };
      const onAbort = () => leave(new QrScanError('cancelled', 'read cancelled'));
      const timer = setTimeout(() => leave(new QrScanError('timeout', `no code within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push(waiter);
      if (options.signal?.aborted) onAbort();
      else options.signal?.addEventListener('abort', onAbort, { once: true });
    });
    if (!this.triggered) return waiting;
    await this.options.link.write(TRIGGER_ON).catch(() => undefined); // an absent port fails the wait by timeout or noDevice
    try {
      return await waiting;
    } finally {
      if (this.waiters.length === 0) await this.options.link.write(TRIGGER_OFF).catch(() => undefined);
    }
  }

  /** Cancel every pending read (the screen that waited has gone). */
  cancel(): void {
    this.rejectWaiters(new QrScanError('cancelled', 'read cancelled'));
  }

  // ---- connection ---------------------------------------------------------------------------------------------

  private async connect(): Promise<void> {
    if (!this.running) return;
    const link = this.options.link;
    this.setDetail({ phase: 'connecting' });
    try {
      await link.open();
    } catch (err) {
      const e = err instanceof QrScanError ? err : new QrScanError('openFailed', (err as Error).message);
      this.fail(e.code === 'noDevice' ? 'noDevice' : 'openFailed', e.message);
      this.scheduleReconnect();
      return;
    }
    this.framer.reset();
    if (link.writable && this.options.commandSet === 'menu') await this.configure();
    if (!this.running) return;
    if (this.everOnline && this.linkLost) this.store.count('reconnects');
    this.everOnline = true;
    this.linkLost = false;
    this.setDetail({ phase: 'ready' });
    this.store.update({ status: 'online', lastError: null });
  }

  private async configure(): Promise<void> {
    this.setDetail({ phase: 'configuring' });
    const settings = [READ_MODE_SETTING[this.mode]];
    for (const [name, on] of Object.entries(this.options.symbologies ?? {})) settings.push(symbologySetting(name as Symbology, on === true));
    const refused: string[] = [];
    let answered = 0;
    for (const setting of settings) {
      const status = await this.command(setting);
      if (status !== 'none') answered++;
      if (status === 'enq' || status === 'nak') refused.push(setting);
    }
    if (refused.length > 0) this.store.count('commandsRefused', refused.length);
    this.store.setAlerts(refused.length > 0 ? [{ code: 'settingsRefused', message: `the scanner refused ${refused.join(', ')}`, at: now() }] : []);
    // A scanner that never answers keeps its own settings (and still reads): say so for the maintainer.
    this.setDetail({ commands: answered === 0 ? 'unanswered' : refused.length > 0 ? 'partly' : 'applied' });
  }

  private command(setting: string): Promise<'ack' | 'enq' | 'nak' | 'none'> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish('none'), this.options.commandTimeoutMs ?? 500);
      const finish = (status: 'ack' | 'enq' | 'nak' | 'none') => {
        clearTimeout(timer);
        if (this.reply?.done === finish) {
          const left = this.reply.reader.drain();
          this.reply = null;
          if (status === 'none' && left.length > 0) this.frames(left);
        }
        resolve(status);
      };
      this.reply = { reader: new MenuReplyReader(setting), done: finish };
      this.options.link.write(menuCommand(setting)).catch(() => finish('none'));
    });
  }

  private scheduleReconnect(): void {
    if (!this.running || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, this.options.reconnectIntervalMs ?? 1000);
  }

  private fail(code: 'noDevice' | 'openFailed' | 'transportClosed', message: string): void {
    const key = this.linkLost ? this.store.get().lastError?.code : undefined;
    this.linkLost = true;
    this.store.fail(code === 'openFailed' ? 'hardwareError' : 'noDevice', code, message);
    this.setDetail({ phase: 'connecting' });
    if (key !== code) this.emit({ type: 'error', error: { code, message }, at: now() });
    if (code !== 'openFailed') this.rejectWaiters(new QrScanError('noDevice', message));
  }

  // ---- bytes in -------------------------------------------------------------------------------------------------

  private received(chunk: Uint8Array): void {
    const reply = this.reply;
    if (reply) {
      const got = reply.reader.push(chunk);
      if (!got) return;
      const { before, rest, status } = got;
      reply.reader.drain();
      reply.done(status);
      if (before.length > 0) this.frames(before);
      if (rest.length > 0) this.frames(rest);
      return;
    }
    this.frames(chunk);
  }

  private frames(chunk: Uint8Array): void {
    if (this.options.link.framed) {
      this.piece(chunk.length > this.maxBytes ? { kind: 'rejected', reason: 'tooLong', bytes: chunk.length } : { kind: 'frame', bytes: chunk });
      return;
    }
    for (const piece of this.framer.push(chunk)) this.piece(piece);
    this.clearIdle();
    if (this.framer.pending) {
      const suffixless = (this.options.suffix ?? 'cr') === 'none';
      const ms = suffixless ? (this.options.idleGapMs ?? 60) : (this.options.partialTimeoutMs ?? 400);
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null;
        const piece = this.framer.idle();
        if (piece) this.piece(piece);
      }, ms);
    }
  }

  private piece(piece: FramePiece): void {
    if (piece.kind === 'rejected') return this.rejected(piece.reason, piece.bytes);
    const checked = checkCode(piece.bytes, { ...(this.options.prefix ? { prefix: this.options.prefix } : {}), aimId: this.options.aimId ?? false });
    if (!checked.ok) return this.rejected(checked.reason, piece.bytes.length);
    this.store.count('codesRead');
    const code: ScannedCode = { code: checked.code, bytes: piece.bytes.length, at: now(), ...(checked.symbology ? { symbology: checked.symbology } : {}) };
    this.emit({ type: 'code', ...code });
    for (const w of this.waiters.splice(0)) w.resolve(code);
  }

  private rejected(reason: FrameRejection, bytes: number): void {
    this.store.update({
      counters: { ...this.store.get().counters, framesRejected: (this.store.get().counters.framesRejected ?? 0) + 1, [REJECTION_COUNTER[reason]]: (this.store.get().counters[REJECTION_COUNTER[reason]] ?? 0) + 1 },
      lastError: { code: reason, message: `frame refused (${reason}, ${bytes} bytes)`, at: now() },
    });
    this.emit({ type: 'rejected', reason, bytes, at: now() });
    this.rejectWaiters(new QrScanError(reason, `the scanner sent a frame that is not a code (${reason})`));
  }

  private rejectWaiters(err: QrScanError): void {
    for (const w of this.waiters.splice(0)) w.reject(err);
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private emit(event: ScannerEvent): void {
    this.events.emit(event);
  }

  private setDetail(patch: DeviceSnapshot['detail']): void {
    const detail = this.store.get().detail;
    if (Object.entries(patch).some(([k, v]) => detail[k] !== v)) this.store.update({ detail: { ...detail, ...patch } });
  }
}

function now(): string {
  return new Date().toISOString();
}

export function createQrScanner(options: QrScannerOptions): QrScannerService {
  return new QrScannerService(options);
}
