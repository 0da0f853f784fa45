// A row that cannot be read must not stop the terminal: the outbox quarantines it and delivers the others,
// and no error of a pass ever becomes an unhandled rejection (which ends a Node process by default).
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackendClient } from '../src/client';
import { DEV_TERMINAL } from '../src/dev-terminal';
import { keyIdFor } from '../src/outbox/crypto';
import { openJournal, type Journal } from '../src/outbox/journal';
import { createKeyFileProvider } from '../src/outbox/key-file-provider';
import { createOutbox } from '../src/outbox/outbox';
import { syntheticApplication } from '../src/outbox/synthetic';
import { freshSandbox, tempDir } from './helpers';

let rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);
beforeEach(() => {
  rejections = [];
  process.on('unhandledRejection', onRejection);
});
afterEach(() => void process.off('unhandledRejection', onRejection));

/** Lets pending promise reactions (and Node's unhandled-rejection check) run. */
const settle = () => new Promise((r) => setTimeout(r, 20));

async function until(cond: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 400 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 25));
  if (!(await cond())) throw new Error(`not reached: ${what}`);
}

async function journalWith(count: number) {
  const dir = tempDir('quarantine');
  const file = join(dir, 'journal.db');
  const journal = await openJournal({ file, keyProvider: createKeyFileProvider(join(dir, 'journal.key')) });
  for (let seq = 1; seq <= count; seq++) {
    const { app, materials } = syntheticApplication(seq);
    await journal.enqueue(app, materials);
  }
  /** Damages a sealed column behind the journal's back, as a bad sector or a stray write would. */
  const damage = (sql: string, label: string) => {
    const raw = new Database(file);
    raw.prepare(sql).run(randomBytes(80), label);
    raw.close();
  };
  return { journal, damage, file, dir };
}

describe('quarantine', () => {
  it('an unreadable row found by the running outbox is quarantined; the rows after it are delivered; no unhandled rejection', async () => {
    const { journal, damage } = await journalWith(3);
    const { sandbox, client } = await freshSandbox();
    const outbox = createOutbox({ journal, client, pollMs: 20, backoff: { baseMs: 10, maxMs: 50 } });
    try {
      damage('UPDATE applications SET payload = ? WHERE label = ?', 'synthetic:2');
      outbox.start();
      await until(async () => (await outbox.status()).depth === 0, 'outbox empty');
      await settle();
      expect(rejections).toEqual([]);
      expect(await journal.findByLabel('synthetic:2')).toMatchObject({ state: 'quarantined', problem: 'unreadable', heldFrom: 'submitted-locally', submission: null });
      expect((await journal.findByLabel('synthetic:3'))?.state).toBe('accepted');
      expect((await outbox.status())).toMatchObject({ pending: 0, delivered: 2, quarantined: 1, failed: 0 });
      expect(sandbox.stats()).toMatchObject({ applications: 2, distinctSyntheticSeq: 2 });
      // Kept for an operator, not retried: a second pass leaves it alone.
      expect(await outbox.drainNow()).toMatchObject({ delivered: 0, retryLater: 0, quarantined: 0 });
    } finally {
      await outbox.stop();
      await journal.close();
      await sandbox.close();
    }
  });

  it('a material that does not open quarantines its application at delivery, not the pass', async () => {
    const { journal, damage } = await journalWith(2);
    const { sandbox, client } = await freshSandbox();
    try {
      damage('UPDATE materials SET data = ? WHERE local_id = (SELECT local_id FROM applications WHERE label = ?)', 'synthetic:1');
      expect(await createOutbox({ journal, client }).drainNow()).toMatchObject({ delivered: 1, quarantined: 1, retryLater: 0 });
      await settle();
      expect(rejections).toEqual([]);
      expect(await journal.findByLabel('synthetic:1')).toMatchObject({ state: 'quarantined', problem: 'unreadable' });
      expect(sandbox.stats()).toMatchObject({ applications: 1, uploads: 1 });
    } finally {
      await journal.close();
      await sandbox.close();
    }
  });

  it('a damaged row in the file is quarantined when the journal opens: counts are right before any pass', async () => {
    const { journal, damage, file, dir } = await journalWith(2);
    await journal.close();
    damage('UPDATE applications SET payload = ? WHERE label = ?', 'synthetic:1');
    const reopened = await openJournal({ file, keyProvider: createKeyFileProvider(join(dir, 'journal.key')) });
    expect(await reopened.counts()).toMatchObject({ pending: 1, quarantined: 1, depth: 1 });
    await reopened.close();
  });

  it('a pass that fails as a whole is recorded, never an unhandled rejection, and the loop keeps running', async () => {
    const { journal } = await journalWith(1);
    const client = createBackendClient({ baseUrl: 'http://127.0.0.1:9', terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret, timeoutMs: 200, maxAttempts: 1 });
    let passes = 0;
    const broken: Journal = { ...journal, dueForDelivery: () => { passes++; throw new Error('disk I/O error'); } };
    const outbox = createOutbox({ journal: broken, client, pollMs: 10 });
    try {
      outbox.start();
      await expect(outbox.drainNow()).rejects.toThrow('disk I/O error'); // the caller who asked is told
      const seen = passes;
      await until(() => passes > seen + 2, 'background passes continue');
      await settle();
      expect(rejections).toEqual([]);
      expect((await outbox.status()).lastError).toBe('disk I/O error');
    } finally {
      await outbox.stop();
      await journal.close();
    }
  });

  it('the key id is derived from the key: another key, another id; the key file provider reports it', async () => {
    const dir = tempDir('key-id');
    const a = createKeyFileProvider(join(dir, 'a'));
    const b = createKeyFileProvider(join(dir, 'b'));
    expect(a.keyId).toBe(keyIdFor(await a.getKey()));
    expect(a.keyId).toMatch(/^k1:[0-9a-f]{16}$/);
    expect(a.keyId).not.toBe(b.keyId);
    expect(keyIdFor(Buffer.alloc(32, 1))).toBe(keyIdFor(Buffer.alloc(32, 1)));
  });
});
