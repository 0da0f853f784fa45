// Main's safety net for a resident session: the screen runs the visible idle warning and countdown and
// reports activity with session:touch; if it stops reporting (renderer died, screen stuck) main ends and
// wipes the session itself after warning + countdown + a margin. It also ends the session when the card
// is removed while the chosen item needs the card to stay.
import type { SessionManager } from '../session/session-manager';
import type { ResidentSession } from '../session/resident-session';

export interface IdleWatchOptions {
  sessions: SessionManager;
  /** Seconds of silence after which main ends the session. */
  limitSeconds: () => number;
  onError?: (err: unknown) => void;
}

export const IDLE_MARGIN_SECONDS = 15;

export class IdleWatch {
  private timer: NodeJS.Timeout | null = null;
  private watched: ResidentSession | null = null;
  private cardRequired = false;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly o: IdleWatchOptions) {
    this.unsubscribe.push(
      o.sessions.onStart((s) => {
        this.watched = s;
        this.cardRequired = false;
        this.touch();
      }),
      o.sessions.onEnd((s) => {
        if (this.watched === s) this.clear();
      }),
    );
  }

  /** Activity: restarts the countdown for the current session. */
  touch(): void {
    if (this.timer) clearTimeout(this.timer);
    const session = this.o.sessions.current();
    if (!session) return;
    this.watched = session;
    this.timer = setTimeout(() => {
      if (this.o.sessions.current() === session) void this.o.sessions.end('idle').catch((err: unknown) => this.o.onError?.(err));
    }, this.o.limitSeconds() * 1000);
    this.timer.unref?.();
  }

  requireCard(required: boolean): void {
    this.cardRequired = required;
  }

  /** The reader reports the card gone. */
  async cardRemoved(): Promise<void> {
    const session = this.o.sessions.current();
    if (this.cardRequired && session?.card) await this.o.sessions.end('card-removed');
  }

  close(): void {
    this.clear();
    for (const u of this.unsubscribe.splice(0)) u();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.watched = null;
    this.cardRequired = false;
  }
}
