// What to do when the renderer dies or hangs: reload with capped exponential back-off; after too many failures
// in a window of time, show the local out-of-service page (and let the OS supervisor restart us later).
export interface RecoveryOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}

export type RecoveryAction = { action: 'reload'; delayMs: number } | { action: 'out-of-service' } | { action: 'ignore' };

export const DEFAULT_RECOVERY: RecoveryOptions = { baseDelayMs: 1000, maxDelayMs: 30_000, maxFailures: 5, windowMs: 10 * 60_000 };

export class RecoveryPolicy {
  private failures: number[] = [];
  private readonly now: () => number;

  constructor(private readonly options: RecoveryOptions = DEFAULT_RECOVERY) {
    this.now = options.now ?? Date.now;
  }

  /** `reason` is render-process-gone's details.reason, or 'unresponsive'. */
  onFailure(reason: string): RecoveryAction {
    if (reason === 'clean-exit') return { action: 'ignore' };
    const now = this.now();
    this.failures = this.failures.filter((t) => now - t < this.options.windowMs);
    this.failures.push(now);
    if (this.failures.length >= this.options.maxFailures) return { action: 'out-of-service' };
    const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (this.failures.length - 1));
    return { action: 'reload', delayMs: delay };
  }

  recentFailures(): number {
    return this.failures.length;
  }
}
