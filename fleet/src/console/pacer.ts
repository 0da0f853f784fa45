// A token bucket for fleet-wide actions: at most `burst` at once, then `ratePerSecond`, in the order queued, so
// pushing a config to a whole district never lands on every terminal (and the broker) in the same second.
export interface PacerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: PacerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export class Pacer {
  private tokens: number;
  private last: number;
  private readonly queue: Array<() => void> = [];
  private timer: unknown = null;
  private closed = false;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    private readonly clock: PacerClock = realClock,
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new Error('pacer needs ratePerSecond > 0 and burst >= 1');
    this.tokens = burst;
    this.last = clock.now();
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Runs the task when a token is free. Errors are the task's own business (it must catch them). */
  schedule(task: () => void): void {
    if (this.closed) throw new Error('pacer closed');
    this.queue.push(task);
    this.drain();
  }

  close(): void {
    this.closed = true;
    this.queue.length = 0;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
  }

  private drain(): void {
    this.refill();
    while (this.queue.length && this.tokens >= 1) {
      this.tokens -= 1;
      this.queue.shift()!();
    }
    if (this.queue.length && this.timer === null && !this.closed) {
      const wait = Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.drain();
      }, Math.max(1, wait));
    }
  }
}
