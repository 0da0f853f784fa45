// The clerk's side of 远程视频帮办, in the counter's main. A clerk who offers remote help is announced to the
// platform with their own platform token; the waiting calls (with waiting times) go to the counter screen; the
// clerk answers one, and this desk relays the call's signalling, the kiosk's masked view and the clerk's guidance.
// The counter's workload counts each answered call (HelpLedger). Nothing of a call is recorded.
import { HelpView, type HelperCallState, type HelperQueueView, type HelpSignal } from '@easydo/core/contract/schemas/remote-help';
import type { EventName, EventPayload } from '@easydo/core/contract/channels';
import { Failure } from '@easydo/core/services/errors/failure';
import type { PlatformLine, PlatformMessage, PlatformRequest } from '@easydo/core/services/remote-help/platform-line';
import type { HelpLedgerPort } from '../store/counter-db';

export interface HelperClerk {
  staffId: string;
  token: string;
}

type QueuedCall = Extract<PlatformMessage, { type: 'queue' }>['calls'][number];
type Guidance = Extract<PlatformRequest, { type: 'call.help' }>['help'];

export interface HelperDeskDeps {
  openSocket(onMessage: (m: PlatformMessage) => void, onState: (s: 'up' | 'down') => void): PlatformLine;
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  ledger: Pick<HelpLedgerPort, 'ended' | 'rated'>;
  audit(action: string, detail: Record<string, unknown>): void;
  /** A problem for the log (a workload row that did not write), not an action for the audit trail. */
  warn(detail: Record<string, unknown>, message: string): void;
  now?: () => number;
}

const IDLE: HelperCallState = { phase: 'idle', callId: null, call: null, endReason: null, rating: null };

export class HelperDesk {
  private socket: PlatformLine | null = null;
  /** Clerks offering help from this counter, by staff id, with the token that proves it (kept in main only). */
  private readonly offering = new Map<string, string>();
  private calls: QueuedCall[] = [];
  private state: HelperCallState = IDLE;
  private staffInCall: string | null = null;
  /** Answers waiting for the platform's word, by call: only that call's `call.joined` or `error` settles one. */
  private readonly joinWaiters = new Map<string, (m: PlatformMessage) => void>();
  private lastEnded: string | null = null;
  private answeredAt = 0;

  constructor(private readonly deps: HelperDeskDeps) {}

  async offer(clerk: HelperClerk, available: boolean): Promise<HelperQueueView> {
    if (available) this.offering.set(clerk.staffId, clerk.token);
    else this.offering.delete(clerk.staffId);
    const socket = this.line();
    try {
      await socket.ready(5_000);
      socket.send({ type: 'helper.available', clerkToken: clerk.token, available });
    } catch {
      throw new Failure('backend', 'remote help platform not reachable', 'unreachable');
    }
    this.deps.audit(available ? 'remoteHelp.offered' : 'remoteHelp.withdrawn', { staffId: clerk.staffId });
    return this.queue(clerk.staffId);
  }

  /** A clerk signed out or left: they no longer offer help here, and a call they are in is hung up. */
  withdraw(staffId: string): void {
    if (this.staffInCall === staffId) this.hangUp();
    const token = this.offering.get(staffId);
    if (!token) return;
    this.offering.delete(staffId);
    try {
      this.socket?.send({ type: 'helper.available', clerkToken: token, available: false });
    } catch {
      /* the platform forgets an offline counter by itself */
    }
    // Nobody here offers any more: the platform sends this counter no more queues, so the ringing calls held
    // would go stale (and the next clerk's offer would show them). The screen's list empties now.
    if (this.offering.size === 0) {
      this.calls = [];
      this.deps.emit('helper:queueChanged', this.queue(staffId));
    }
  }

  queue(staffId: string): HelperQueueView {
    const now = this.now();
    return {
      available: this.offering.has(staffId),
      connected: this.socket?.connected ?? false,
      calls: this.calls.map((c) => ({ ...c, waitingSeconds: Math.max(0, Math.round((now - Date.parse(c.requestedAt)) / 1000)) })),
    };
  }

  current(): HelperCallState {
    return this.state;
  }

  async answer(clerk: HelperClerk, callId: string): Promise<HelperCallState> {
    if (this.state.phase === 'connected') throw new Failure('state', 'already in a call', 'busy');
    // Sent first: a line that refuses the send fails here, with no waiter left behind to time out unheard.
    this.send({ type: 'call.answer', callId, clerkToken: clerk.token });
    const m = await this.joinReply(callId);
    if (m.type !== 'call.joined') throw new Failure('state', 'the call was taken or has ended', 'not-found');
    this.staffInCall = clerk.staffId;
    this.answeredAt = this.now();
    const entry = { ...m.call, waitingSeconds: Math.max(0, Math.round((this.now() - Date.parse(m.call.requestedAt)) / 1000)) };
    this.set({ phase: 'connected', callId, call: entry, endReason: null, rating: null });
    this.deps.audit('remoteHelp.answered', { staffId: clerk.staffId, callId });
    return this.state;
  }

  signal(signal: HelpSignal): void {
    this.send({ type: 'call.signal', callId: this.callId(), signal });
  }

  guide(help: Guidance): void {
    this.send({ type: 'call.help', callId: this.callId(), help });
    if (help.kind === 'precheck') this.deps.audit('remoteHelp.precheck', { callId: this.state.callId, verdict: help.verdict, reason: help.reason ?? null });
  }

  hangUp(): HelperCallState {
    if (this.state.phase === 'connected' && this.state.callId) {
      try {
        this.socket?.send({ type: 'call.end', callId: this.state.callId, reason: 'helper' });
      } catch {
        /* the line is down: the platform ended the call already */
      }
      const waited = (this.state.call?.waitingSeconds ?? 0) * 1000;
      this.ended(this.state.callId, 'helper', waited, null);
    } else {
      this.set(IDLE);
    }
    return this.state;
  }

  close(): void {
    this.socket?.close();
    this.socket = null;
  }

  private onPlatform(m: PlatformMessage): void {
    switch (m.type) {
      case 'queue':
        this.calls = m.calls;
        for (const staffId of this.offering.keys()) return this.deps.emit('helper:queueChanged', this.queue(staffId));
        return;
      case 'call.joined':
        return this.joinWaiters.get(m.callId)?.(m);
      case 'error':
        if (m.callId) this.joinWaiters.get(m.callId)?.(m);
        return;
      case 'call.signal':
        if (m.callId === this.state.callId) this.deps.emit('helper:signal', { signal: m.signal });
        return;
      case 'call.help':
        if (m.callId !== this.state.callId) return;
        if (m.help.kind === 'view') {
          // Checked again on this side: a view that is not the contract's masked shape never reaches the screen.
          const view = HelpView.safeParse(m.help.view);
          if (view.success) this.deps.emit('helper:view', view.data);
        } else if (m.help.kind === 'chat') {
          this.deps.emit('helper:chat', { text: m.help.text });
        }
        return;
      case 'call.ended':
        if (m.callId === this.state.callId && this.state.phase === 'connected') this.ended(m.callId, m.reason, m.waitedMs, m.handledMs);
        return;
      case 'call.rated':
        void this.deps.ledger.rated(m.callId, m.level).catch((err: unknown) => this.deps.warn({ err, callId: m.callId }, 'remote-help rating not recorded'));
        this.deps.audit('remoteHelp.rated', { callId: m.callId, level: m.level });
        if (m.callId === this.lastEnded) this.set({ ...this.state, rating: m.level });
        return;
      default:
        return;
    }
  }

  private ended(callId: string, reason: HelperCallState['endReason'] & string, waitedMs: number, handledMs: number | null): void {
    const staffId = this.staffInCall;
    if (staffId) {
      const row = { callId, staffId, endedAt: this.now(), waitedMs, handledMs: handledMs ?? Math.max(0, this.now() - this.answeredAt), reason };
      void this.deps.ledger.ended(row).catch((err: unknown) => this.deps.warn({ err, callId }, 'remote-help call not recorded'));
      this.deps.audit('remoteHelp.ended', { callId, staffId, reason });
    }
    this.staffInCall = null;
    this.lastEnded = callId;
    this.set({ ...this.state, phase: 'ended', endReason: reason });
  }

  private line(): PlatformLine {
    this.socket ??= this.deps.openSocket((m) => this.onPlatform(m), (s) => {
      if (s === 'up') {
        // Announce again after a reconnect: the platform forgot this counter's offers with the old line.
        for (const token of this.offering.values()) this.socket?.send({ type: 'helper.available', clerkToken: token, available: true });
      }
      if (s === 'down' && this.state.phase === 'connected' && this.state.callId) this.ended(this.state.callId, 'network', 0, null);
    });
    return this.socket;
  }

  private joinReply(callId: string): Promise<PlatformMessage> {
    return new Promise<PlatformMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.joinWaiters.delete(callId);
        reject(new Failure('backend', 'the platform did not answer', 'unreachable'));
      }, 5_000);
      this.joinWaiters.set(callId, (m) => {
        clearTimeout(timer);
        this.joinWaiters.delete(callId);
        resolve(m);
      });
    });
  }

  private callId(): string {
    if (this.state.phase !== 'connected' || !this.state.callId) throw new Failure('state', 'no call in progress', 'not-found');
    return this.state.callId;
  }

  private send(message: PlatformRequest): void {
    try {
      this.line().send(message);
    } catch {
      throw new Failure('backend', 'remote help platform not connected', 'unreachable');
    }
  }

  private set(state: HelperCallState): void {
    this.state = state;
    this.deps.emit('helper:callChanged', state);
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}
