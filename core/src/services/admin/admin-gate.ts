// Entry to admin mode: PIN check with lockout, every attempt audited. Switching a window to admin is the
// only way a caller's mode rises, and it happens here, in main.
//
// Maintenance handshake: a resident mid-session is never cut off. A right PIN while a session is active
// puts the entry on hold (the caller is told why); the window becomes admin the moment that session ends.
// While an admin is in, the terminal is out of service with the maintenance reason (the attract screen
// shows it); the last admin's logout puts it back, unless an admin set an out-of-service reason by hand.
import { Failure } from '../ipc/failure';
import type { ModeRegistry } from '../ipc/caller';
import { Lockout } from './lockout';
import { verifyPin } from './pin';
import { AuditLog } from './audit-log';

export interface AuditSink {
  record(action: string, detail: Record<string, string | number | boolean>): void;
}

/** What the handshake needs of the session manager and the device manager (ports, so tests can fake them). */
export interface HandshakeSessions {
  current(): unknown;
  onEnd(listener: () => void): () => void;
}
export interface HandshakeService {
  setManualOutOfService(reason: string | null): void;
  serviceState(): { manual: { reason: string } | null };
}

export const MAINTENANCE_REASON = '设备维护中 / Under maintenance';

export interface AdminGateOptions {
  maxFailures?: number;
  lockMs?: number;
  now?: () => number;
  sessions?: HandshakeSessions;
  service?: HandshakeService;
  /** Keep the audit trail in <auditDataDir>/audit/audit.jsonl (the sink given is then a mirror of it). */
  auditDataDir?: string;
}

export class AdminGate {
  private readonly lockout: Lockout;
  private readonly pending = new Set<string>();
  private readonly admins = new Set<string>();
  private offSessionEnd: (() => void) | null = null;
  private readonly exitListeners = new Set<(windowId: string) => void>();
  readonly audit: AuditSink;

  constructor(
    private readonly pinHash: () => string,
    private readonly modes: ModeRegistry,
    sink: AuditSink,
    private readonly options: AdminGateOptions = {},
  ) {
    this.audit = options.auditDataDir ? new AuditLog(options.auditDataDir, sink) : sink;
    this.lockout = new Lockout({ maxFailures: options.maxFailures ?? 5, lockMs: options.lockMs ?? 5 * 60_000, ...(options.now ? { now: options.now } : {}) });
  }

  login(windowId: string, pin: string): void {
    const remaining = this.lockout.remainingMs();
    if (remaining > 0) {
      this.audit.record('admin.login.locked', { windowId });
      throw new Failure('forbidden', `Too many wrong PINs. Try again in ${Math.ceil(remaining / 1000)} s.`, 'locked');
    }
    if (!verifyPin(pin, this.pinHash())) {
      this.lockout.recordFailure();
      this.audit.record('admin.login.failed', { windowId });
      const locked = this.lockout.remainingMs() > 0;
      throw new Failure('forbidden', locked ? 'Too many wrong PINs: entry locked.' : 'Wrong PIN.', locked ? 'locked' : 'wrong-pin');
    }
    this.lockout.recordSuccess();
    if (this.options.sessions?.current()) {
      this.wait(windowId);
      throw new Failure('state', 'A resident is still using the terminal: maintenance mode opens as soon as their session ends.', 'session-active');
    }
    this.grant(windowId);
  }

  /** Windows whose right PIN waits for the resident session to end. */
  waiting(): string[] {
    return [...this.pending];
  }

  isAdmin(windowId: string): boolean {
    return this.admins.has(windowId);
  }

  logout(windowId: string): void {
    this.pending.delete(windowId);
    this.admins.delete(windowId);
    this.modes.reset(windowId);
    this.audit.record('admin.logout', { windowId });
    const service = this.options.service;
    if (this.admins.size === 0 && service?.serviceState().manual?.reason === MAINTENANCE_REASON) service.setManualOutOfService(null);
  }

  /**
   * The shell's hook for "exit to desktop": Electron main lifts its close guard and quits; the browser shell
   * ends the process gracefully. Without a listener the request is refused (nothing would happen).
   */
  onExitRequested(listener: (windowId: string) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  requestExit(windowId: string): void {
    if (this.modes.get(windowId) !== 'admin') throw new Failure('forbidden', 'Only an authenticated admin may exit to the desktop', 'not-admin');
    if (this.exitListeners.size === 0) throw new Failure('state', 'This shell cannot exit to the desktop', 'no-exit-hook');
    this.audit.record('admin.exit.granted', { windowId });
    for (const l of [...this.exitListeners]) l(windowId);
  }

  private wait(windowId: string): void {
    this.pending.add(windowId);
    this.audit.record('admin.login.waiting-for-session', { windowId });
    this.offSessionEnd ??= this.options.sessions!.onEnd(() => {
      this.offSessionEnd?.();
      this.offSessionEnd = null;
      for (const id of [...this.pending]) {
        this.pending.delete(id);
        // The window may have closed while it waited.
        if (this.modes.windows().includes(id)) this.grant(id);
      }
    });
  }

  private grant(windowId: string): void {
    const service = this.options.service;
    if (service && !service.serviceState().manual) service.setManualOutOfService(MAINTENANCE_REASON);
    this.admins.add(windowId);
    this.modes.set(windowId, 'admin');
    this.audit.record('admin.login', { windowId });
  }
}
