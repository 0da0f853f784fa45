// Crash test: the real `outbox submit-synthetic` CLI runs in a child process against a sandbox with
// latency and lost responses, and is SIGKILLed at random moments, then restarted with the same journal,
// until it finishes. The sandbox must end with every application exactly once.
// The kill plan and the sandbox's faults draw from one seeded generator: the seed is printed (always, and on
// failure with the command to replay it); CRASH_TEST_SEED=<n> replays it. Kills still land against real process
// timing, so a replay repeats the plan and the fault sequence, not every byte of the schedule.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/server';
import { openJournal } from '../src/outbox/journal';
import { createKeyFileProvider } from '../src/outbox/key-file-provider';
import { tempDir } from './helpers';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(repo, 'backend-client/src/outbox/cli.ts');

/** When to SIGKILL a run: never, after a delay, or shortly after `progressed()` turns true (mid-delivery). */
type KillPlan = null | { afterMs: number } | { progressed: () => boolean; extraMs: number };

function runChild(args: string[], plan: KillPlan): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    // Node itself with tsx's loader, not the tsx launcher: the launcher runs the script in a grandchild that a
    // SIGKILL of the launcher leaves running (the kill would not land, and two writers would share the journal).
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let killed = false;
    const kill = () => void (killed = child.kill('SIGKILL'));
    const timers: NodeJS.Timeout[] = [];
    if (plan && 'afterMs' in plan) timers.push(setTimeout(kill, plan.afterMs));
    if (plan && 'progressed' in plan) {
      const poll = setInterval(() => {
        if (!plan.progressed()) return;
        clearInterval(poll);
        timers.push(setTimeout(kill, plan.extraMs));
      }, 10);
      timers.push(poll);
    }
    child.on('exit', (code) => {
      for (const t of timers) clearTimeout(t);
      resolve({ killed: killed && code === null, code, stderr });
    });
  });
}

/** mulberry32: a tiny seeded uniform [0, 1) source (fast-check's generators are not a plain stream of numbers). */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function crashSeed(): number {
  const given = process.env.CRASH_TEST_SEED;
  if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 32);
  if (!/^\d+$/.test(given) || Number(given) >= 2 ** 32) throw new Error(`CRASH_TEST_SEED must be an integer in [0, 2^32), got '${given}'`);
  return Number(given);
}

const ROUNDS = 4;
const COUNT = 30;

describe('crash test', () => {
  it(`SIGKILL at random moments across ${ROUNDS} rounds of ${COUNT} applications: 0 lost, 0 duplicated`, async ({ onTestFailed }) => {
    const seed = crashSeed();
    const random = seededRandom(seed);
    onTestFailed(() => {
      process.stderr.write(`crash test failed with seed ${seed}; replay: CRASH_TEST_SEED=${seed} npx vitest run backend-client/test/crash.test.ts\n`);
    });
    let totalKills = 0;
    let midDeliveryKills = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const dir = tempDir('crash');
      // Lost answers (committed, then the connection dropped) and 5xx make the retry paths real.
      const sandbox = await startSandbox({ dbFile: join(dir, 'sandbox.db'), faults: { latencyMs: 8, jitterMs: 8, resetAfter: 0.05, error5xx: 0.03 }, random });
      const args = ['submit-synthetic', '--db', join(dir, 'journal.db'), '--backend', sandbox.url, '--count', String(COUNT), '--timeout-ms', '2000'];
      try {
        let finished = false;
        for (let i = 0; i < 40 && !finished; i++) {
          // Kills land at random times (start-up, journal writes, delivery) and, every other run, just after the
          // sandbox took one more application (mid-delivery, independent of how fast this machine starts a process).
          // Every 5th run is left alone.
          const before = sandbox.stats().applications;
          const plan: KillPlan = i % 5 === 4 ? null
            : i % 2 === 0 ? { afterMs: 100 + random() * 1900 }
              : { progressed: () => sandbox.stats().applications > before, extraMs: random() * 150 };
          const r = await runChild(args, plan);
          if (r.killed) {
            totalKills++;
            const n = sandbox.stats().applications;
            if (n > 0 && n < COUNT) midDeliveryKills++;
          }
          else if (r.code === 0) finished = true;
          else throw new Error(`child failed (${r.code}): ${r.stderr.slice(0, 500)}`);
        }
        expect(finished).toBe(true);
        const stats = sandbox.stats();
        expect(stats).toMatchObject({ applications: COUNT, distinctSyntheticSeq: COUNT, duplicateIdempotencyKeys: 0 });
        const journal = await openJournal({ file: join(dir, 'journal.db'), keyProvider: createKeyFileProvider(join(dir, 'journal.db.key')) });
        expect(await journal.counts()).toMatchObject({ depth: 0, byState: { accepted: COUNT } });
        await journal.close();
      } finally {
        await sandbox.close();
      }
    }
    process.stderr.write(`crash test (seed ${seed}): ${totalKills} kills, ${midDeliveryKills} in the middle of delivery\n`);
    expect(totalKills).toBeGreaterThanOrEqual(ROUNDS);
    expect(midDeliveryKills).toBeGreaterThanOrEqual(1);
  }, 180_000);
});
