// Wrong query passwords, counted per acceptance number in main (a renderer reload or a new guest session
// does not reset them): after `maxTries` wrong passwords in a row the number is locked for `lockMinutes`;
// a right password clears the count. Six digits are guessable at a public kiosk without this.
import { Failure } from '../errors/failure';

export interface QueryThrottleOptions {
  maxTries?: number;
  lockMinutes?: number;
  now?: () => number;
}

interface Entry {
  wrong: number;
  lockedUntil: number;
}

export class QueryThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly maxTries: number;
  private readonly lockMs: number;
  private readonly now: () => number;

  constructor(o: QueryThrottleOptions = {}) {
    this.maxTries = o.maxTries ?? 5;
    this.lockMs = (o.lockMinutes ?? 15) * 60_000;
    this.now = o.now ?? Date.now;
  }

  /** Refuses while the number is locked (before the backend is asked, so a locked number costs nothing). */
  check(acceptanceNumber: string): void {
    const e = this.entries.get(key(acceptanceNumber));
    if (!e || e.lockedUntil === 0) return;
    const left = e.lockedUntil - this.now();
    if (left > 0) throw locked(left);
    this.entries.delete(key(acceptanceNumber)); // the lock ran out: a fresh count
  }

  /** A wrong password: the typed error says how many tries are left, or that the number is now locked. */
  wrong(acceptanceNumber: string): Failure {
    const k = key(acceptanceNumber);
    const e = this.entries.get(k) ?? { wrong: 0, lockedUntil: 0 };
    e.wrong += 1;
    if (e.wrong >= this.maxTries) e.lockedUntil = this.now() + this.lockMs;
    this.entries.set(k, e);
    this.prune();
    if (e.lockedUntil > 0) return locked(this.lockMs);
    return new Failure('validation', 'Wrong query password for this acceptance number', 'query-wrong-password', undefined, { triesLeft: this.maxTries - e.wrong });
  }

  right(acceptanceNumber: string): void {
    this.entries.delete(key(acceptanceNumber));
  }

  /** Bounded memory: expired locks and the oldest counts go first. */
  private prune(): void {
    if (this.entries.size <= 10_000) return;
    const t = this.now();
    for (const [k, e] of this.entries) {
      if (this.entries.size <= 5_000) break;
      if (e.lockedUntil === 0 || e.lockedUntil < t) this.entries.delete(k);
    }
  }
}

const key = (n: string) => n.trim().toUpperCase();

function locked(ms: number): Failure {
  return new Failure('state', 'Too many wrong passwords for this acceptance number', 'query-locked', undefined, { minutes: Math.max(1, Math.ceil(ms / 60_000)) });
}
