// The precondition guards core owns (contract `requires`): a card in the session, an authenticated admin. The
// journey adds resident activity, the counter its clerk guard; the router runs them before any handler.
import { Failure } from '../errors/failure';
import type { Guards } from '../ipc/preconditions';
import type { SessionManager } from '../session/session-manager';
import { cardSessionOf } from '../session/card-session';

export function coreGuards(d: { sessions: Pick<SessionManager, 'current'>; admin: { isAdmin(windowId: string): boolean } }): Pick<Guards, 'card' | 'admin'> {
  return {
    card: (caller) => cardSessionOf(d.sessions.current(), caller.mode()),
    admin: (caller) => {
      if (!d.admin.isAdmin(caller.windowId)) throw new Failure('forbidden', 'Only an authenticated admin may do this', 'not-admin');
      return true;
    },
  };
}
