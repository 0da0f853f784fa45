// The resident's side of 远程视频帮办, in main. The kiosk screen asks (after the resident agreed), this desk rings
// the counters through the platform, relays the call's WebRTC signalling both ways, sends the clerk a masked view
// of the screen (masked-view.ts), and hands the clerk's guidance (highlight, suggestion, page pre-check, chat) to
// the screen, where the resident acts on it. A call ends at hang-up, on the clerk's side, on a network drop, when
// nobody answers in time, or with the session: the kiosk visit always goes on without it.
import { randomBytes } from 'node:crypto';
import type { HelpCallState, HelpGuidance, HelpMedia, HelpScreenReport, HelpSignal, HelpView } from '@easydo/core/contract/schemas/remote-help';
import type { FormFieldView } from '@easydo/core/contract/schemas/application';
import type { EventName, EventPayload } from '@easydo/core/contract/channels';
import type { ServerMessage, ClientMessage } from '@easydo/backend-client/remote-help/messages';
import type { RemoteHelpSocket } from '@easydo/backend-client/remote-help/socket';
import type { CardRecord } from '../session/card-record';
import { Failure } from '../errors/failure';
import { buildMaskedView } from './masked-view';
import { clerkFormReport } from './clerk-form';

export interface ResidentHelpDeps {
  /** Opens the platform line (lazily, on the first call); messages come back through `onPlatform`. */
  openSocket(onMessage: (m: ServerMessage) => void, onState: (s: 'up' | 'down') => void): RemoteHelpSocket;
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  card(): CardRecord | null;
  centreName(): string;
  timeZone(): string;
  ringSeconds(): number;
  audit(action: string, detail: Record<string, unknown>): void;
  /** The session's prepared form of an item (types, masked prefill), for the form step's view; null if none. */
  form?(itemCode: string): Promise<readonly FormFieldView[] | null>;
  now?: () => number;
}

export class ResidentHelpDesk {
  private socket: RemoteHelpSocket | null = null;
  private state: HelpCallState;
  private ringTimer: NodeJS.Timeout | null = null;
  private lastReport: HelpScreenReport | null = null;
  private answeredAt = 0;
  private reportSeq = 0;

  constructor(private readonly deps: ResidentHelpDeps) {
    this.state = this.idle();
  }

  current(): HelpCallState {
    return this.state;
  }

  async request(media: HelpMedia, language: 'zh' | 'en'): Promise<HelpCallState> {
    if (this.active()) return this.state;
    const callId = randomBytes(12).toString('base64url');
    this.set({ ...this.idle(), phase: 'connecting', callId, media });
    const socket = this.line();
    try {
      await socket.ready(5_000);
      // The visit may have ended (or the resident hung up) while the line came up: then nothing rings.
      if (this.state.callId !== callId || this.state.phase !== 'connecting') return this.state;
      this.send({ type: 'call.request', callId, language, media, centreName: this.deps.centreName().slice(0, 120), consent: true });
    } catch {
      if (this.state.callId === callId && this.state.phase === 'connecting') this.finish('network');
      throw new Failure('backend', 'remote help platform not reachable', 'unreachable');
    }
    if (this.state.callId !== callId || this.state.phase !== 'connecting') return this.state;
    this.set({ ...this.state, phase: 'waiting' });
    this.ringTimer = setTimeout(() => {
      if (this.state.callId !== callId || this.state.phase !== 'waiting') return;
      this.trySend({ type: 'call.end', callId, reason: 'no-answer' });
      this.finish('no-answer');
    }, this.deps.ringSeconds() * 1000);
    this.deps.audit('remoteHelp.requested', { callId, media });
    return this.state;
  }

  hangUp(): HelpCallState {
    const { callId, phase } = this.state;
    if (callId && (phase === 'waiting' || phase === 'connected' || phase === 'connecting')) {
      this.trySend(phase === 'connected' ? { type: 'call.end', callId, reason: 'resident' } : { type: 'call.cancel', callId });
      this.finish('resident');
    } else if (phase === 'ended') {
      this.set(this.idle());
    }
    return this.state;
  }

  /** The session ended (or was wiped): the call goes with it, and nothing of it stays. */
  sessionEnded(): void {
    const { callId, phase } = this.state;
    if (callId && (phase === 'waiting' || phase === 'connected')) this.trySend({ type: 'call.end', callId, reason: 'session-ended' });
    this.clearTimer();
    this.lastReport = null;
    this.set(this.idle());
  }

  signal(signal: HelpSignal): void {
    this.send({ type: 'call.signal', callId: this.connectedCall(), signal });
  }

  async screen(report: HelpScreenReport): Promise<void> {
    const seq = ++this.reportSeq;
    const form = report.step === 'form' && report.item && this.deps.form ? await this.deps.form(report.item.code).catch(() => null) : null;
    if (seq !== this.reportSeq) return; // a newer report came while the form was looked up
    const candidate = clerkFormReport(report, form);
    // Checked before it is kept: a refused report throws here and the last accepted one stays, so an answer
    // later never tries to send a view that is refused (that would throw inside the platform's message handler).
    const view = this.maskedView(candidate);
    this.lastReport = candidate;
    if (this.state.phase === 'connected' && this.state.callId) this.send({ type: 'call.help', callId: this.state.callId, help: { kind: 'view', view } });
  }

  chat(text: string): void {
    this.send({ type: 'call.help', callId: this.connectedCall(), help: { kind: 'chat', text } });
  }

  rate(level: number): HelpCallState {
    const { callId } = this.state;
    if (!callId || !this.state.canRate) throw new Failure('state', 'no call to rate', 'not-evaluable');
    this.trySend({ type: 'call.rate', callId, level });
    this.deps.audit('remoteHelp.rated', { callId, level });
    this.set({ ...this.state, canRate: false });
    return this.state;
  }

  close(): void {
    this.sessionEnded();
    this.socket?.close();
    this.socket = null;
  }

  private onPlatform(m: ServerMessage): void {
    if (!('callId' in m) || !m.callId || m.callId !== this.state.callId) return;
    switch (m.type) {
      case 'call.queued':
        return this.set({ ...this.state, helpersAvailable: m.helpersAvailable });
      case 'call.answered':
        this.clearTimer();
        this.answeredAt = this.now();
        this.set({ ...this.state, phase: 'connected', helper: m.helper });
        this.deps.audit('remoteHelp.answered', { callId: m.callId, staffId: m.helper.staffId });
        return this.viewOnAnswer(m.callId);
      case 'call.signal':
        return this.deps.emit('help:signal', { signal: m.signal });
      case 'call.help': {
        const guidance = toGuidance(m.help);
        if (guidance) this.deps.emit('help:guidance', guidance);
        if (m.help.kind === 'precheck') this.deps.audit('remoteHelp.precheck', { callId: m.callId, verdict: m.help.verdict, reason: m.help.reason ?? null });
        return;
      }
      case 'call.ended':
        return this.finish(m.reason);
      case 'error':
        if (m.code === 'unknown_call' && this.active()) this.finish('network');
        return;
      default:
        return;
    }
  }

  /** Inside the platform's message handler: nothing here may throw. */
  private viewOnAnswer(callId: string): void {
    if (!this.lastReport) return;
    let view: HelpView;
    try {
      view = this.maskedView(this.lastReport);
    } catch {
      // The kept report no longer passes (the card changed since): the clerk gets no view until the next one.
      this.lastReport = null;
      return;
    }
    this.trySend({ type: 'call.help', callId, help: { kind: 'view', view } });
  }

  private maskedView(report: HelpScreenReport): HelpView {
    return buildMaskedView(report, this.deps.card(), new Date(this.now()), this.deps.timeZone());
  }

  private line(): RemoteHelpSocket {
    this.socket ??= this.deps.openSocket((m) => this.onPlatform(m), (s) => {
      if (s === 'down' && this.active()) this.finish('network');
    });
    return this.socket;
  }

  private finish(reason: HelpCallState['endReason'] & string): void {
    this.clearTimer();
    const wasConnected = this.state.phase === 'connected';
    if (this.state.callId) this.deps.audit('remoteHelp.ended', { callId: this.state.callId, reason, handledSeconds: wasConnected ? Math.round((this.now() - this.answeredAt) / 1000) : 0 });
    this.set({ ...this.state, phase: 'ended', endReason: reason, canRate: wasConnected });
  }

  private connectedCall(): string {
    if (this.state.phase !== 'connected' || !this.state.callId) throw new Failure('state', 'no call in progress', 'not-found');
    return this.state.callId;
  }

  private send(message: ClientMessage): void {
    try {
      this.line().send(message);
    } catch {
      throw new Failure('backend', 'remote help platform not connected', 'unreachable');
    }
  }

  private trySend(message: ClientMessage): void {
    try {
      this.line().send(message);
    } catch {
      /* the line is down: the platform ends the call itself */
    }
  }

  private active(): boolean {
    return this.state.phase === 'connecting' || this.state.phase === 'waiting' || this.state.phase === 'connected';
  }

  private clearTimer(): void {
    if (this.ringTimer) clearTimeout(this.ringTimer);
    this.ringTimer = null;
  }

  private set(state: HelpCallState): void {
    this.state = state;
    this.deps.emit('help:changed', state);
  }

  private idle(): HelpCallState {
    return { phase: 'idle', callId: null, media: 'video', helper: null, helpersAvailable: null, ringSeconds: this.deps.ringSeconds(), endReason: null, canRate: false, recording: 'none' };
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}

function toGuidance(help: Extract<ServerMessage, { type: 'call.help' }>['help']): HelpGuidance | null {
  switch (help.kind) {
    case 'view':
      return null; // a view only goes from the kiosk (the platform refuses the other way too)
    case 'chat':
      return { kind: 'chat', text: help.text, from: 'helper' };
    case 'precheck':
      return { kind: 'precheck', pageId: help.pageId, verdict: help.verdict, ...(help.reason ? { reason: help.reason } : {}), ...(help.note ? { note: help.note } : {}) };
    default:
      return help;
  }
}
