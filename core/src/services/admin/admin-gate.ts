// Entry to admin mode: PIN check with lockout, every attempt audited. Switching a window to admin is the
// only way a caller's mode rises, and it happens here, in main.
import { Failure } from '../ipc/failure';
import type { ModeRegistry } from '../ipc/caller';
import { Lockout } from './lockout';
import { verifyPin } from './pin';

export interface AuditSink {
  record(action: string, detail: Record<string, string | number | boolean>): void;
}

export class AdminGate {
  private readonly lockout: Lockout;

  constructor(
    private readonly pinHash: () => string,
    private readonly modes: ModeRegistry,
    private readonly audit: AuditSink,
    options: { maxFailures?: number; lockMs?: number; now?: () => number } = {},
  ) {
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
    this.modes.set(windowId, 'admin');
    this.audit.record('admin.login', { windowId });
  }

  logout(windowId: string): void {
    this.modes.reset(windowId);
    this.audit.record('admin.logout', { windowId });
  }
}
