// Lockout after repeated failures: N failures within the window lock the door for a while. Time is injected.

export interface LockoutOptions {
  maxFailures: number;
  lockMs: number;
  now?: () => number;
}

export class Lockout {
  private failures = 0;
  private lockedUntil = 0;
  private readonly now: () => number;

  constructor(private readonly options: LockoutOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds left of the lock, 0 when open. */
  remainingMs(): number {
    return Math.max(0, this.lockedUntil - this.now());
  }

  recordFailure(): void {
    this.failures += 1;
    if (this.failures >= this.options.maxFailures) {
      this.lockedUntil = this.now() + this.options.lockMs;
      this.failures = 0;
    }
  }

  recordSuccess(): void {
    this.failures = 0;
  }

  failuresSoFar(): number {
    return this.failures;
  }
}
