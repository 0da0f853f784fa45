// When renderers keep failing, who acts — and how a boot loop ends. The policy, in order:
// 1. Inside one run a crashed, killed or hung renderer is reloaded with capped back-off (recovery-policy.ts).
// 2. When a window reaches the crash limit (5 failures in 10 min) the out-of-service page is shown and the process
//    hands over to the OS supervisor (systemd Restart=always, Shell Launcher exit action 0): it exits with
//    EXIT_HANDOVER. A fresh process (new GPU process, drivers reopened) often cures what reloads could not.
// 3. Hand-overs are counted in <dataDir>/recovery.json, so the count survives the restart it asks for. Once
//    MAX_HANDOVERS hand-overs happened in a row, reaching the limit again no longer exits: the window stays on the
//    out-of-service page and the process stays up. Residents see a stable notice instead of a screen that flickers
//    through a restart every few seconds, and the terminal keeps logging and reporting so a technician is sent.
// 4. A run that stays healthy (no window out of service) for HEALTHY_RUN_MS resets the count: a crash next month is
//    a first crash, not the fourth of a loop.
// 5. Every start still starts normally (a technician's fix followed by a restart gets its chance); an unreadable or
//    missing ledger counts as zero: the ledger is never a reason not to start.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const EXIT_HANDOVER = 70; // EX_SOFTWARE: the supervisor restarts us
export const MAX_HANDOVERS = 3;
export const HEALTHY_RUN_MS = 10 * 60_000;

const LedgerFile = z.object({ handovers: z.number().int().nonnegative(), lastAt: z.string().optional() });

export type CrashLimitDecision = { action: 'hand-over'; handovers: number } | { action: 'stay'; handovers: number };

export interface RecoveryLedgerOptions {
  maxHandovers?: number;
  healthyRunMs?: number;
  now?: () => Date;
  schedule?: (fn: () => void, ms: number) => () => void;
}

export class RecoveryLedger {
  private readonly file: string;
  private readonly maxHandovers: number;
  private readonly now: () => Date;
  private stayed = false;
  private cancelHealthy: (() => void) | null = null;

  constructor(dataDir: string, private readonly options: RecoveryLedgerOptions = {}) {
    this.file = path.join(dataDir, 'recovery.json');
    this.maxHandovers = options.maxHandovers ?? MAX_HANDOVERS;
    this.now = options.now ?? (() => new Date());
  }

  handovers(): number {
    try {
      return LedgerFile.parse(JSON.parse(readFileSync(this.file, 'utf8'))).handovers;
    } catch {
      return 0;
    }
  }

  /** A window reached the crash limit: hand over to the supervisor (counted) or, in a boot loop, stay out of service. */
  onCrashLimit(): CrashLimitDecision {
    const before = this.handovers();
    if (before >= this.maxHandovers) {
      this.stayed = true;
      this.cancelHealthy?.();
      return { action: 'stay', handovers: before };
    }
    this.write(before + 1);
    return { action: 'hand-over', handovers: before + 1 };
  }

  /** Starts the healthy-run clock of this run; the timer never keeps the process alive. */
  startHealthyClock(): void {
    const ms = this.options.healthyRunMs ?? HEALTHY_RUN_MS;
    const schedule = this.options.schedule ?? ((fn, delay) => {
      const timer = setTimeout(fn, delay);
      timer.unref();
      return () => clearTimeout(timer);
    });
    this.cancelHealthy = schedule(() => {
      if (!this.stayed && this.handovers() > 0) this.write(0);
    }, ms);
  }

  stop(): void {
    this.cancelHealthy?.();
  }

  private write(handovers: number): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ handovers, lastAt: this.now().toISOString() }));
    renameSync(tmp, this.file);
  }
}
