// PIN lockout with escalation, kept across restarts: every 5th consecutive wrong PIN locks entry, for 5 min the
// first time, then 6 times longer each time (30 min, 3 h, 18 h), at most 24 h. Only a right PIN resets the count.
// The state is a small JSON file written atomically on every change, so pulling the power cord does not reset it.
// A damaged file counts as one lock (fail closed) rather than as a fresh start. Time is injected.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface LockoutOptions {
  /** Consecutive wrong PINs per lock. Default 5. */
  maxFailures?: number;
  /** The first lock. Default 5 min. */
  lockMs?: number;
  /** Each further lock is this many times longer. Default 6. */
  escalation?: number;
  /** Longest lock. Default 24 h. */
  maxLockMs?: number;
  now?: () => number;
  /** Where the state is kept; none = memory only. */
  file?: string;
}

const LockoutState = z.strictObject({ failures: z.number().int().min(0), lockedUntil: z.number().min(0) });
type LockoutState = z.infer<typeof LockoutState>;

/** What a wrong PIN led to (for the audit trail). */
export interface FailureOutcome {
  failures: number;
  /** The lock just started, 0 when none. */
  lockedForMs: number;
}

export class Lockout {
  private state: LockoutState = { failures: 0, lockedUntil: 0 };
  private readonly now: () => number;
  private readonly maxFailures: number;
  /** Set when the state file could not be read at start-up. */
  readonly damaged: boolean = false;

  constructor(private readonly options: LockoutOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxFailures = options.maxFailures ?? 5;
    if (options.file) {
      const loaded = this.load(options.file);
      if (loaded === 'damaged') {
        this.damaged = true;
        this.state = { failures: this.maxFailures, lockedUntil: this.now() + this.lockFor(1) };
        this.save();
      } else if (loaded) this.state = loaded;
    }
  }

  /** Milliseconds left of the lock, 0 when open. */
  remainingMs(): number {
    return Math.max(0, this.state.lockedUntil - this.now());
  }

  recordFailure(): FailureOutcome {
    const failures = this.state.failures + 1;
    let lockedForMs = 0;
    if (failures % this.maxFailures === 0) {
      lockedForMs = this.lockFor(failures / this.maxFailures);
      this.state = { failures, lockedUntil: this.now() + lockedForMs };
    } else {
      this.state = { ...this.state, failures };
    }
    this.save();
    return { failures, lockedForMs };
  }

  recordSuccess(): void {
    if (this.state.failures === 0 && this.state.lockedUntil === 0) return;
    this.state = { failures: 0, lockedUntil: 0 };
    this.save();
  }

  failuresSoFar(): number {
    return this.state.failures;
  }

  /** The n-th lock's length (n from 1). */
  lockFor(n: number): number {
    const first = this.options.lockMs ?? 5 * 60_000;
    const factor = this.options.escalation ?? 6;
    const max = this.options.maxLockMs ?? 24 * 3_600_000;
    return Math.min(max, first * factor ** (n - 1));
  }

  private load(file: string): LockoutState | 'damaged' | null {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return 'damaged';
    }
    try {
      const parsed = LockoutState.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : 'damaged';
    } catch {
      return 'damaged';
    }
  }

  private save(): void {
    const file = this.options.file;
    if (!file) return;
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state) + '\n', { mode: 0o600 });
    renameSync(tmp, file);
  }
}
