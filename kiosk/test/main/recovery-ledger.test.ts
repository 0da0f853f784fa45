import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RecoveryLedger } from '../../src/main/recovery-ledger';
import { residentDisplay } from '../../src/main/displays';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'ledger-'));

/** A schedule the test fires by hand: the healthy period "passes" when the test says so. */
function manualClock() {
  const timers: Array<{ fn: () => void; ms: number; cancelled: boolean }> = [];
  return {
    timers,
    schedule: (fn: () => void, ms: number) => {
      const t = { fn, ms, cancelled: false };
      timers.push(t);
      return () => void (t.cancelled = true);
    },
    elapse: () => timers.filter((t) => !t.cancelled).forEach((t) => t.fn()),
  };
}

describe('recovery ledger', () => {
  it('hands over up to the limit, counting across runs, then stays out of service', () => {
    const dataDir = dir();
    const decisions = [1, 2, 3, 4].map(() => new RecoveryLedger(dataDir, { maxHandovers: 3 }).onCrashLimit());
    expect(decisions).toEqual([
      { action: 'hand-over', handovers: 1 },
      { action: 'hand-over', handovers: 2 },
      { action: 'hand-over', handovers: 3 },
      { action: 'stay', handovers: 3 },
    ]);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'recovery.json'), 'utf8')).handovers).toBe(3);
  });

  it('resets after a healthy run period, but not in a run that stayed out of service', () => {
    const dataDir = dir();
    new RecoveryLedger(dataDir).onCrashLimit();
    new RecoveryLedger(dataDir).onCrashLimit();
    const clock = manualClock();
    const healthy = new RecoveryLedger(dataDir, { schedule: clock.schedule, healthyRunMs: 600_000 });
    healthy.startHealthyClock();
    expect(clock.timers[0]!.ms).toBe(600_000);
    expect(healthy.handovers()).toBe(2);
    clock.elapse();
    expect(healthy.handovers()).toBe(0);

    const looping = dir();
    for (let i = 0; i < 3; i++) new RecoveryLedger(looping).onCrashLimit();
    const stuck = manualClock();
    const run = new RecoveryLedger(looping, { schedule: stuck.schedule });
    run.startHealthyClock();
    expect(run.onCrashLimit().action).toBe('stay');
    stuck.elapse();
    expect(run.handovers()).toBe(3);
  });

  it('a damaged ledger counts as zero: never a reason not to start', () => {
    const dataDir = dir();
    writeFileSync(path.join(dataDir, 'recovery.json'), '{"handovers": "lots"');
    const ledger = new RecoveryLedger(dataDir);
    expect(ledger.handovers()).toBe(0);
    expect(ledger.onCrashLimit()).toEqual({ action: 'hand-over', handovers: 1 });
  });
});

describe('resident display', () => {
  const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  it('is the screen that is not the clerk’s, and none with one screen', () => {
    const second = { id: 7, bounds: { x: -1280, y: 0, width: 1280, height: 800 } };
    expect(residentDisplay([second, primary], primary)).toBe(second);
    expect(residentDisplay([primary], primary)).toBeNull();
  });
});
