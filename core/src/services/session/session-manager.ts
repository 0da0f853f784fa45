// At most one resident session at a time. A new card read while a session is open replaces it only after the
// old one is wiped, so two residents' data never coexist.
import { ResidentSession, type SessionEndReason } from './resident-session';
import type { CardRecord } from './card-record';

type EndListener = (session: ResidentSession, reason: SessionEndReason) => void;
type StartListener = (session: ResidentSession) => void;

export class SessionManager {
  private active: ResidentSession | null = null;
  private readonly endListeners = new Set<EndListener>();
  private readonly startListeners = new Set<StartListener>();

  current(): ResidentSession | null {
    return this.active;
  }

  async start(card: CardRecord | null): Promise<ResidentSession> {
    if (this.active) await this.end('finished');
    const session = new ResidentSession(card);
    this.active = session;
    for (const l of [...this.startListeners]) l(session);
    return session;
  }

  async end(reason: SessionEndReason): Promise<boolean> {
    const session = this.active;
    if (!session) return false;
    this.active = null;
    try {
      await session.wipe();
    } finally {
      for (const l of [...this.endListeners]) l(session, reason);
    }
    return true;
  }

  onStart(listener: StartListener): () => void {
    this.startListeners.add(listener);
    return () => this.startListeners.delete(listener);
  }

  onEnd(listener: EndListener): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }
}
