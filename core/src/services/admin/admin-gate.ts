// Entry to admin mode: PIN check with lockout, every attempt audited. Switching a window to admin is the
// only way a caller's mode rises, and it happens here, in main.
//
// Maintenance handshake: a resident mid-session is never cut off. A right PIN while a session is active
// puts the entry on hold (the caller is told why); the window becomes admin the moment that session ends.
// While an admin is in, the terminal is out of service with the maintenance reason (the attract screen
// shows it); the last admin's logout puts it back, unless an admin set an out-of-service reason by hand.
//
// Sessions: an admin window that shows no activity (withAdminActivity touches it) for the idle timeout is logged
// out and returns to the mode it started in; the shell forwards the mode change to that window. The lockout
// (lockout.ts) is kept in <auditDataDir>/admin/lockout.json, so a restart does not reset it, and every lock is audited.
//
// Who: maintainers listed in the config enter with their staff number and their own PIN, and every audit line of
// their session names them (`operator`); an unknown number is a wrong PIN (nobody learns which numbers exist).
// With no maintainers listed, the shared PIN opens and the trail says `shared`.
import path from 'node:path';
import { Failure } from '../errors/failure';
import type { ModeRegistry } from '../ipc/caller';
import { Lockout } from './lockout';
import { verifyPin } from '../config/pin';
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
  /** Keep the audit trail in <auditDataDir>/audit/audit.jsonl (the sink given is then a mirror of it), the lockout beside it. */
  auditDataDir?: string;
  /** Admin idle timeout, read at each (re)start of the timer so a saved config applies at once. Default 5 min. */
  idleMs?: () => number;
  /** Maintainers with personal credentials (config `admin.operators`), read at each login. */
  operators?: () => readonly { id: string; pinHash: string }[];
}

export const SHARED_OPERATOR = 'shared';

export class AdminGate {
  private readonly lockout: Lockout;
  private readonly pending = new Set<string>();
  private readonly admins = new Set<string>();
  /** windowId → who entered there (pending or admin). */
  private readonly operators = new Map<string, string>();
  private offSessionEnd: (() => void) | null = null;
  private readonly exitListeners = new Set<(windowId: string) => void>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  readonly audit: AuditSink;

  constructor(
    private readonly pinHash: () => string,
    private readonly modes: ModeRegistry,
    sink: AuditSink,
    private readonly options: AdminGateOptions = {},
  ) {
    this.audit = options.auditDataDir ? new AuditLog(options.auditDataDir, sink) : sink;
    this.lockout = new Lockout({
      maxFailures: options.maxFailures ?? 5,
      lockMs: options.lockMs ?? 5 * 60_000,
      ...(options.now ? { now: options.now } : {}),
      ...(options.auditDataDir ? { file: path.join(options.auditDataDir, 'admin', 'lockout.json') } : {}),
    });
    if (this.lockout.damaged) this.audit.record('admin.lockout.unreadable', { lockedForSeconds: Math.ceil(this.lockout.remainingMs() / 1000) });
  }

  login(windowId: string, pin: string, operatorId?: string): void {
    const remaining = this.lockout.remainingMs();
    if (remaining > 0) {
      this.audit.record('admin.login.locked', { windowId, ...(operatorId ? { operator: operatorId } : {}) });
      throw new Failure('forbidden', `Too many wrong PINs. Try again in ${Math.ceil(remaining / 1000)} s.`, 'locked', undefined, { retryAfterSeconds: Math.ceil(remaining / 1000) });
    }
    const operator = this.check(pin, operatorId);
    if (!operator) {
      const { failures, lockedForMs } = this.lockout.recordFailure();
      this.audit.record('admin.login.failed', { windowId, failures, ...(operatorId ? { operator: operatorId } : {}) });
      if (lockedForMs > 0) {
        this.audit.record('admin.lockout.locked', { windowId, failures, lockedForSeconds: lockedForMs / 1000 });
        throw new Failure('forbidden', `Too many wrong PINs: entry locked for ${Math.ceil(lockedForMs / 60_000)} min.`, 'locked', undefined, { retryAfterMinutes: Math.ceil(lockedForMs / 60_000) });
      }
      throw new Failure('forbidden', 'Wrong PIN.', 'wrong-pin');
    }
    this.lockout.recordSuccess();
    this.operators.set(windowId, operator);
    if (this.options.sessions?.current()) {
      this.wait(windowId);
      throw new Failure('state', 'A resident is still using the terminal: maintenance mode opens as soon as their session ends.', 'session-active');
    }
    this.grant(windowId);
  }

  /** Who is (or waits to be) admin in this window; null when nobody entered there. */
  operatorOf(windowId: string): string | null {
    return this.operators.get(windowId) ?? null;
  }

  /** The operator the PIN opens: a listed maintainer's own PIN, or (none listed) the shared PIN. */
  private check(pin: string, operatorId: string | undefined): string | null {
    const listed = this.options.operators?.() ?? [];
    if (listed.length === 0) return !operatorId && verifyPin(pin, this.pinHash()) ? SHARED_OPERATOR : null;
    const entry = listed.find((o) => o.id === operatorId);
    // An unknown number costs the same hash as a known one: the answer's time does not tell which numbers exist.
    if (!entry) {
      verifyPin(pin, listed[0]!.pinHash);
      return null;
    }
    return verifyPin(pin, entry.pinHash) ? entry.id : null;
  }

  /** Windows whose right PIN waits for the resident session to end. */
  waiting(): string[] {
    return [...this.pending];
  }

  isAdmin(windowId: string): boolean {
    return this.admins.has(windowId);
  }

  logout(windowId: string, reason: 'asked' | 'idle' = 'asked'): void {
    const operator = this.operators.get(windowId) ?? 'none';
    this.pending.delete(windowId);
    this.admins.delete(windowId);
    this.operators.delete(windowId);
    this.stopIdleTimer(windowId);
    // A window that closed while in admin mode has nothing to return to.
    if (this.modes.windows().includes(windowId)) this.modes.reset(windowId);
    this.audit.record(reason === 'idle' ? 'admin.logout.idle' : 'admin.logout', { windowId, operator });
    const service = this.options.service;
    if (this.admins.size === 0 && service?.serviceState().manual?.reason === MAINTENANCE_REASON) service.setManualOutOfService(null);
  }

  /** An admin did something in this window: the idle timeout starts again. No effect on other windows. */
  touch(windowId: string): void {
    if (this.admins.has(windowId)) this.startIdleTimer(windowId);
  }

  /** Stops every idle timer (terminal shutdown). */
  close(): void {
    for (const id of [...this.idleTimers.keys()]) this.stopIdleTimer(id);
  }

  private startIdleTimer(windowId: string): void {
    this.stopIdleTimer(windowId);
    const timer = setTimeout(() => {
      this.idleTimers.delete(windowId);
      if (this.admins.has(windowId)) this.logout(windowId, 'idle');
    }, this.options.idleMs?.() ?? 5 * 60_000);
    timer.unref();
    this.idleTimers.set(windowId, timer);
  }

  private stopIdleTimer(windowId: string): void {
    clearTimeout(this.idleTimers.get(windowId));
    this.idleTimers.delete(windowId);
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
    this.audit.record('admin.exit.granted', { windowId, operator: this.operatorOf(windowId) ?? 'none' });
    for (const l of [...this.exitListeners]) l(windowId);
  }

  private wait(windowId: string): void {
    this.pending.add(windowId);
    this.audit.record('admin.login.waiting-for-session', { windowId, operator: this.operatorOf(windowId) ?? 'none' });
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
    this.startIdleTimer(windowId);
    this.audit.record('admin.login', { windowId, operator: this.operatorOf(windowId) ?? 'none' });
  }
}
