// A resident's submission: "deliver this application now, within the resident's wait" (outbox.deliverNow),
// not "drain the whole backlog". Real journal (worker thread, SQLite) and the real HTTP sandbox; the wait's
// bound runs on a hand-driven clock, so what is asserted is the outcome and the budget asked for, not time.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../src/outbox/journal';
import { createKeyFileProvider } from '../src/outbox/key-file-provider';
import { createOutbox } from '../src/outbox/outbox';
import { syntheticApplication } from '../src/outbox/synthetic';
import { createBackendClient } from '../src/client';
import { DEV_TERMINAL } from '../sandbox/server';
import { freshSandbox, tempDir } from './helpers';

/** A clock the test moves: `wait(ms)` resolves only when the test says the time has come. */
function handClock() {
  const waits: { ms: number; release: () => void }[] = [];
  return {
    waits,
    wait: (ms: number) => new Promise<void>((release) => void waits.push({ ms, release })),
    /** The budget's time is up for every wait asked so far. */
    elapse: () => waits.forEach((w) => w.release()),
  };
}

async function journalWith(backlog: number) {
  const dir = tempDir('deliver-now');
  const journal = await openJournal({ file: join(dir, 'journal.db'), keyProvider: createKeyFileProvider(join(dir, 'journal.key')) });
  for (let seq = 1; seq <= backlog; seq++) {
    const { app } = syntheticApplication(seq);
    await journal.enqueue(app, []);
    await journal.scheduleRetry((await journal.findByLabel(`synthetic:${seq}`))!.localId, 'network: earlier outage', Date.now() + 3_600_000);
  }
  return journal;
}

describe('outbox.deliverNow', () => {
  it('delivers the resident\'s application now while the backlog keeps its back-off', async () => {
    const journal = await journalWith(3);
    const { sandbox, client } = await freshSandbox();
    const clock = handClock();
    const outbox = createOutbox({ journal, client, wait: clock.wait });
    try {
      const before = await journal.list({ states: ['submitted-locally'] });
      const mine = await journal.enqueue(syntheticApplication(99).app, syntheticApplication(99).materials);
      expect(await outbox.deliverNow(mine.localId, 3000)).toBe('delivered');
      expect(clock.waits.map((w) => w.ms)).toEqual([3000]);
      expect(await journal.get(mine.localId)).toMatchObject({ state: 'accepted', acceptanceNumber: expect.any(String) });
      // Only this one reached the platform; the others kept their schedule and attempt count.
      expect(sandbox.stats()).toMatchObject({ applications: 1 });
      const after = await journal.list({ states: ['submitted-locally'] });
      expect(after.map((a) => [a.localId, a.attempts, a.nextAttemptAt])).toEqual(before.map((a) => [a.localId, a.attempts, a.nextAttemptAt]));
    } finally {
      await outbox.stop();
      await journal.close();
      await sandbox.close();
    }
  });

  it('a platform that does not answer: the resident\'s wait ends at the budget, the application stays in the outbox', async () => {
    const journal = await journalWith(0);
    const { sandbox, client } = await freshSandbox({ faults: { hang: 1 } });
    const clock = handClock();
    const outbox = createOutbox({ journal, client, wait: clock.wait });
    try {
      const mine = await journal.enqueue(syntheticApplication(7).app, []);
      const answer = outbox.deliverNow(mine.localId, 2500);
      // The request hangs at the platform; only the budget's end can answer the resident.
      expect(clock.waits.map((w) => w.ms)).toEqual([2500]);
      clock.elapse();
      expect(await answer).toBe('waiting');
      expect(await journal.get(mine.localId)).toMatchObject({ state: 'submitted-locally', acceptanceNumber: null });
      expect((await outbox.status()).pending).toBe(1);
    } finally {
      await sandbox.close(); // releases the hung request: the attempt settles as a retry
      await outbox.stop();
      expect((await journal.get((await journal.list())[0]!.localId)).state).toBe('submitted-locally');
      await journal.close();
    }
  });

  it('after a wait the platform left unanswered, the next resident waits the short budget, until a delivery gets through', async () => {
    const journal = await journalWith(0);
    const { sandbox } = await freshSandbox({ faults: { hang: 1 } });
    // One attempt per call, so the hung first request ends in its timeout rather than a retry that gets through.
    const client = createBackendClient({ baseUrl: sandbox.url, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret, timeoutMs: 3000, maxAttempts: 1 });
    const clock = handClock();
    const outbox = createOutbox({ journal, client, wait: clock.wait, doubtfulBudgetMs: 800 });
    try {
      const first = await journal.enqueue(syntheticApplication(11).app, []);
      const answer = outbox.deliverNow(first.localId, 2500);
      clock.elapse();
      expect(await answer).toBe('waiting');
      const second = await journal.enqueue(syntheticApplication(12).app, []);
      const secondAnswer = outbox.deliverNow(second.localId, 2500);
      // Still a real attempt (the platform may be back), but not the whole wait again.
      await expect.poll(() => clock.waits.map((w) => w.ms)).toEqual([2500, 800]);
      clock.elapse();
      expect(await secondAnswer).toBe('waiting');
      // Both requests are held at the platform before it answers again (the wait's clock runs ahead of the HTTP).
      await expect.poll(() => sandbox.faultsDrawn().hang).toBe(2);
      sandbox.setFaults({ hang: 0 });
      const third = await journal.enqueue(syntheticApplication(13).app, []);
      expect(await outbox.deliverNow(third.localId, 2500)).toBe('delivered');
      // Delivered: the platform answers again, the next resident gets the whole budget.
      const fourth = await journal.enqueue(syntheticApplication(14).app, []);
      expect(await outbox.deliverNow(fourth.localId, 2500)).toBe('delivered');
      expect(clock.waits.map((w) => w.ms)).toEqual([2500, 800, 800, 2500]);
      // The first attempt times out now (the client's 3 s), after the platform has answered again: that late
      // timeout is no outage, and the next resident still gets the whole budget.
      await expect.poll(async () => (await journal.get(first.localId)).lastError ?? '', { timeout: 10_000 }).toMatch(/timeout/);
      const fifth = await journal.enqueue(syntheticApplication(15).app, []);
      expect(await outbox.deliverNow(fifth.localId, 2500)).toBe('delivered');
      expect(clock.waits.map((w) => w.ms)).toEqual([2500, 800, 800, 2500, 2500]);
    } finally {
      await sandbox.close();
      await outbox.stop();
      await journal.close();
    }
  });

  it('a platform found unreachable: the next resident waits the short budget only', async () => {
    const journal = await journalWith(0);
    const { sandbox, client } = await freshSandbox();
    const clock = handClock();
    const outbox = createOutbox({ journal, client, wait: clock.wait, doubtfulBudgetMs: 700 });
    try {
      await sandbox.close(); // connection refused from now on
      const first = await journal.enqueue(syntheticApplication(21).app, []);
      expect(await outbox.deliverNow(first.localId, 3000)).toBe('unreachable');
      const second = await journal.enqueue(syntheticApplication(22).app, []);
      expect(await outbox.deliverNow(second.localId, 3000)).toBe('unreachable');
      expect(clock.waits.map((w) => w.ms)).toEqual([3000, 700]);
      expect((await outbox.status()).pending).toBe(2);
    } finally {
      await outbox.stop();
      await journal.close();
    }
  });

  it('an application that is no longer pending is left alone', async () => {
    const journal = await journalWith(0);
    const { sandbox, client } = await freshSandbox();
    const clock = handClock();
    const outbox = createOutbox({ journal, client, wait: clock.wait });
    try {
      const mine = await journal.enqueue(syntheticApplication(8).app, []);
      expect(await outbox.deliverNow(mine.localId, 1000)).toBe('delivered');
      expect(await outbox.deliverNow(mine.localId, 1000)).toBe('not-pending');
      expect(sandbox.stats()).toMatchObject({ applications: 1 });
    } finally {
      await outbox.stop();
      await journal.close();
      await sandbox.close();
    }
  });
});
