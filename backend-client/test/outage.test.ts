// Outage: the platform is down, applications queue in the journal, the platform comes back on the same
// address and the running outbox drains everything exactly once. Also: delivery through heavy faults.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/server';
import { createBackendClient } from '../src/client';
import { DEV_TERMINAL } from '../src/dev-terminal';
import { openJournal } from '../src/outbox/journal';
import { createKeyFileProvider } from '../src/outbox/key-file-provider';
import { createOutbox, type OutboxChange } from '../src/outbox/outbox';
import { syntheticApplication } from '../src/outbox/synthetic';
import { tempDir } from './helpers';

async function until(cond: () => boolean | Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A platform that has gone away (its address and database kept, to come back on), and a journal and client for it. */
async function platformDown(name: string) {
  const dir = tempDir(name);
  const dbFile = join(dir, 'sandbox.db');
  const first = await startSandbox({ dbFile });
  const { port } = first;
  await first.close();
  const journal = await openJournal({ file: join(dir, 'journal.db'), keyProvider: createKeyFileProvider(join(dir, 'journal.key')) });
  const client = createBackendClient({ baseUrl: `http://127.0.0.1:${port}`, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret, timeoutMs: 1000, maxAttempts: 1 });
  return { journal, client, port, comeBack: () => startSandbox({ dbFile, port }) };
}

describe('outage', () => {
  it('queues while the platform is down and drains when it is back', async () => {
    const { journal, client, comeBack } = await platformDown('outage'); // the platform goes away; its address is remembered
    const changes: OutboxChange[] = [];
    const outbox = createOutbox({ journal, client, pollMs: 50, backoff: { baseMs: 50, maxMs: 300 }, onChange: (c) => changes.push(c) });
    for (let seq = 1; seq <= 60; seq++) {
      const { app, materials } = syntheticApplication(seq);
      await journal.enqueue(app, materials);
    }
    const down = await outbox.drainNow();
    // The platform is unreachable: one probe, and the pass stops there (the others keep their place).
    expect(down).toMatchObject({ delivered: 0, retryLater: 1 });
    expect((await outbox.status())).toMatchObject({ depth: 60 });
    expect((await outbox.status()).oldestPendingAt).not.toBeNull();
    expect((await outbox.status()).lastError).toMatch(/^network/);

    outbox.start();
    await new Promise((r) => setTimeout(r, 300)); // still down: nothing may be lost meanwhile
    expect((await outbox.status()).depth).toBe(60);
    const back = await comeBack();
    try {
      await until(async () => (await outbox.status()).depth === 0, 20_000);
      await outbox.stop();
      // More than one batch of 50: the pass's cursor reached every application, and in journal order.
      expect(back.stats()).toMatchObject({ applications: 60, distinctSyntheticSeq: 60, duplicateIdempotencyKeys: 0 });
      const enqueued = (await journal.list()).map((a) => a.localId);
      expect(changes.filter((c) => c.state === 'accepted').map((c) => c.localId)).toEqual(enqueued);
      expect(changes.filter((c) => c.state === 'accepted')).toHaveLength(60);
      expect((await journal.list()).every((a) => a.state === 'accepted' && a.receipt?.queryPassword)).toBe(true);
    } finally {
      await outbox.stop();
      await journal.close();
      await back.close();
    }
  });

  it('after an outage the earliest application goes first, though a later one was never tried', async () => {
    const { journal, client, comeBack } = await platformDown('outage-order');
    const accepted: string[] = [];
    // A back-off long enough that a per-row schedule would leave the first application waiting behind the second.
    const outbox = createOutbox({ journal, client, pollMs: 50, backoff: { baseMs: 2000, maxMs: 4000 }, onChange: (c) => c.state === 'accepted' && accepted.push(c.localId) });
    const a = syntheticApplication(1);
    await journal.enqueue(a.app, a.materials);
    expect(await outbox.drainNow()).toMatchObject({ delivered: 0, retryLater: 1 }); // tried while down
    const b = syntheticApplication(2);
    await journal.enqueue(b.app, b.materials); // never tried
    const back = await comeBack();
    try {
      outbox.start();
      await until(async () => (await outbox.status()).depth === 0, 20_000);
      expect(accepted).toEqual((await journal.list()).map((x) => x.localId));
      expect(accepted).toHaveLength(2);
    } finally {
      await outbox.stop();
      await journal.close();
      await back.close();
    }
  });

  it('a newer application whose attempt fails first does not overtake an older one whose attempt hung longer', async () => {
    // In a hanging network the older attempt hangs longest, so the newer one is refused first: both must then wait
    // for the same probe, or the newer one is due first and reaches the platform first when it returns.
    const { journal, port, comeBack } = await platformDown('outage-overtake');
    let hangFirst = true;
    const client = createBackendClient({
      baseUrl: `http://127.0.0.1:${port}`, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret, timeoutMs: 1000, maxAttempts: 1,
      // The older row's first request hangs a while before the network gives up on it; the rest fail at once.
      fetch: (input, init) => (hangFirst ? ((hangFirst = false), new Promise((_, reject) => setTimeout(() => reject(new TypeError('fetch failed')), 400))) : fetch(input, init)),
    });
    const accepted: string[] = [];
    const outbox = createOutbox({ journal, client, pollMs: 50, random: () => 1, backoff: { baseMs: 1500, maxMs: 6000 }, onChange: (c) => c.state === 'accepted' && accepted.push(c.localId) });
    const older = await journal.enqueue(syntheticApplication(1).app, syntheticApplication(1).materials);
    const newer = await journal.enqueue(syntheticApplication(2).app, syntheticApplication(2).materials);
    const olderTry = outbox.deliverNow(older.localId, 5000); // hangs
    expect(await outbox.deliverNow(newer.localId, 5000)).toBe('unreachable'); // refused first
    expect(await olderTry).toBe('unreachable'); // fails after it
    const due = Object.fromEntries((await journal.list()).map((a) => [a.localId, a.nextAttemptAt]));
    expect(due[older.localId]).toBe(due[newer.localId]);
    const back = await comeBack();
    try {
      outbox.start();
      await until(async () => (await outbox.status()).depth === 0, 20_000);
      expect(accepted).toEqual([older.localId, newer.localId]);
    } finally {
      await outbox.stop();
      await journal.close();
      await back.close();
    }
  });

  it('a later outage window never ends before the open one (jitter at the cap), so no row waiting for it is passed over', async () => {
    const { journal, client } = await platformDown('outage-cap');
    const jitter = [1, 0]; // the first window the longest the cap allows, the next the shortest
    const outbox = createOutbox({ journal, client, random: () => jitter.shift() ?? 0, backoff: { baseMs: 20_000, maxMs: 20_000, outageMaxMs: 10_000 } });
    const older = await journal.enqueue(syntheticApplication(1).app, syntheticApplication(1).materials);
    const newer = await journal.enqueue(syntheticApplication(2).app, syntheticApplication(2).materials);
    try {
      expect(await outbox.deliverNow(older.localId, 5000)).toBe('unreachable');
      expect(await outbox.deliverNow(newer.localId, 5000)).toBe('unreachable');
      const due = Object.fromEntries((await journal.list()).map((a) => [a.localId, a.nextAttemptAt]));
      expect(due[newer.localId]).toBeGreaterThanOrEqual(due[older.localId]!);
    } finally {
      await journal.close();
    }
  });

  it('delivers exactly once through 5xx, resets, lost answers and hangs', async () => {
    const dir = tempDir('faults');
    const sandbox = await startSandbox({ dbFile: join(dir, 'sandbox.db'), faults: { error5xx: 0.15, reset: 0.1, resetAfter: 0.2, hang: 0.03 } });
    const journal = await openJournal({ file: join(dir, 'journal.db'), keyProvider: createKeyFileProvider(join(dir, 'journal.key')) });
    const client = createBackendClient({ baseUrl: sandbox.url, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret, timeoutMs: 300, retryBaseMs: 5 });
    const outbox = createOutbox({ journal, client, backoff: { baseMs: 5, maxMs: 20 }, chunkSize: 1024 });
    try {
      for (let seq = 1; seq <= 20; seq++) {
        const { app, materials } = syntheticApplication(seq);
        await journal.enqueue(app, materials);
      }
      for (let i = 0; i < 200 && (await outbox.status()).depth > 0; i++) await outbox.drainNow();
      expect((await outbox.status()).depth).toBe(0);
      expect(sandbox.stats()).toMatchObject({ applications: 20, distinctSyntheticSeq: 20, duplicateIdempotencyKeys: 0, uploads: 20 });
    } finally {
      await journal.close();
      await sandbox.close();
    }
  });
});
