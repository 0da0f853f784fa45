// Who is signed in at each counter window. The clerk's platform token stays here, in main, keyed by the
// window; it is stamped on every application the clerk takes. A window idle for longer than the timeout is
// signed out on its next call (the screen also signs out by itself on idle).
import type { TerminalContext } from '@easydo/core/services/terminal/context';
import type { ClerkLoginRequest, ClerkView } from '@easydo/core/contract/schemas/counter-clerk';
import { Failure } from '@easydo/core/services/errors/failure';

type LoginClient = Pick<TerminalContext['backend']['client'], 'clerkLogin'>;

export interface SignedInClerk {
  view: ClerkView;
  token: string;
  lastActivity: number;
}

export interface ClerkDeskOptions {
  client: LoginClient;
  idleTimeoutSeconds?: number;
  now?: () => number;
  audit?: (action: string, detail: Record<string, unknown>) => void;
  /** Told after a clerk is signed out (by hand, on idle or with their window): what they offered must end too. */
  onSignedOut?: (staffId: string) => void;
}

/** Backend errors carry a stable code; read it without importing the backend client (counter goes through core). */
function backendCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

export class ClerkDesk {
  private readonly byWindow = new Map<string, SignedInClerk>();
  private readonly now: () => number;
  readonly idleTimeoutSeconds: number;

  constructor(private readonly options: ClerkDeskOptions) {
    this.now = options.now ?? Date.now;
    this.idleTimeoutSeconds = options.idleTimeoutSeconds ?? 600;
  }

  async login(windowId: string, request: ClerkLoginRequest): Promise<ClerkView> {
    let session;
    try {
      session = await this.options.client.clerkLogin(request);
    } catch (e) {
      const code = backendCode(e);
      this.options.audit?.('clerk-login-failed', { staffId: request.staffId, code });
      if (code === 'locked') {
        const seconds = Number((e as { details?: { retryAfterSeconds?: unknown } }).details?.retryAfterSeconds);
        const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : null;
        throw new Failure('forbidden', minutes ? `This staff id is locked after repeated failures; try again in ${minutes} min` : 'This staff id is locked after repeated failures', 'locked', undefined, minutes ? { retryAfterMinutes: minutes } : undefined);
      }
      if (code === 'unauthorized' || code === 'validation') throw new Failure('forbidden', 'Staff id or password is wrong', 'invalid-credentials');
      throw new Failure('backend', `The acceptance platform cannot be reached (${code ?? 'unknown'})`, 'unreachable');
    }
    const view: ClerkView = {
      staffId: session.clerk.staffId,
      name: session.clerk.name,
      windowNo: session.clerk.windowNo,
      department: session.clerk.department,
      signedInAt: new Date(this.now()).toISOString(),
      idleTimeoutSeconds: this.idleTimeoutSeconds,
    };
    this.byWindow.set(windowId, { view, token: session.token, lastActivity: this.now() });
    this.options.audit?.('clerk-login', { staffId: view.staffId, windowNo: view.windowNo });
    return view;
  }

  logout(windowId: string, reason: 'clerk' | 'idle' | 'window-closed' = 'clerk'): boolean {
    const c = this.byWindow.get(windowId);
    if (!c) return false;
    this.byWindow.delete(windowId);
    this.options.audit?.('clerk-logout', { staffId: c.view.staffId, reason });
    this.options.onSignedOut?.(c.view.staffId);
    return true;
  }

  /** Some window has a clerk signed in (idle timeout enforced): the update agent holds an install for it. */
  anySignedIn(): boolean {
    return [...this.byWindow.keys()].some((windowId) => this.peek(windowId) !== null);
  }

  /** The signed-in clerk (idle timeout enforced), without counting as activity. */
  peek(windowId: string): SignedInClerk | null {
    const c = this.byWindow.get(windowId);
    if (!c) return null;
    if (this.now() - c.lastActivity > this.idleTimeoutSeconds * 1000) {
      this.logout(windowId, 'idle');
      return null;
    }
    return c;
  }

  /** The clerk of this window for an action (counts as activity); a typed refusal when signed out. */
  require(windowId: string): SignedInClerk {
    const c = this.peek(windowId);
    if (!c) throw new Failure('forbidden', 'Sign in first (signed out)', 'signed-out');
    c.lastActivity = this.now();
    return c;
  }

  /** Drop windows that no longer exist (their tokens must not linger). */
  forgetWindowsExcept(live: readonly string[]): void {
    for (const id of [...this.byWindow.keys()]) if (!live.includes(id)) this.logout(id, 'window-closed');
  }
}
