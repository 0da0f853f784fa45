// The journal's worker thread dying mid-call: the caller gets a typed answer, the worker is started again,
// nothing queued behind is lost and nothing is answered twice. Real SQLite on a real worker thread.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalError, openJournal, type JournalThreadEvent } from '../src/outbox/journal';
import { createKeyFileProvider } from '../src/outbox/key-file-provider';
import { syntheticApplication } from '../src/outbox/synthetic';
import { tempDir } from './helpers';

const CRASHING = new URL('./journal-thread/crash-worker.ts', import.meta.url);

async function crashingJournal() {
  const dir = tempDir('journal-thread');
  const events: JournalThreadEvent[] = [];
  const journal = await openJournal({ file: join(dir, 'journal.db'), keyProvider: createKeyFileProvider(join(dir, 'journal.key')), entry: CRASHING, onEvent: (e) => events.push(e) });
  return { journal, events };
}

describe('journal worker thread', () => {
  it('a write in flight when the worker dies fails as worker_crashed; the calls queued behind it are answered by a new worker', async () => {
    const { journal, events } = await crashingJournal();
    try {
      const kept = await journal.enqueue(syntheticApplication(1).app, []);
      const settled: string[] = [];
      const crashed = journal.markFailed('crash-before', 'x').then(() => settled.push('crash'), (e: unknown) => { settled.push('crash'); throw e; });
      const behind = journal.get(kept.localId).then((a) => (settled.push('behind'), a));
      const counted = journal.counts();
      const err = await crashed.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(JournalError);
      expect(err).toMatchObject({ code: 'worker_crashed' });
      expect(await behind).toMatchObject({ localId: kept.localId, state: 'submitted-locally' });
      expect(await counted).toMatchObject({ pending: 1 });
      expect(settled).toEqual(['crash', 'behind']); // each answered once, in call order
      expect(events.map((e) => e.type)).toEqual(['workerStarted', 'workerExited', 'workerStarted']);
      expect(events[1]).toMatchObject({ reason: 'crash', exitCode: 3 });
    } finally {
      await journal.close();
    }
  });

  it('an enqueue written just before the worker died is answered from the new worker, not written twice', async () => {
    const { journal, events } = await crashingJournal();
    try {
      const { app, materials } = syntheticApplication(2);
      const local = await journal.enqueue({ ...app, label: 'crash-after' }, materials);
      expect(local).toMatchObject({ label: 'crash-after', state: 'submitted-locally' });
      expect(events.filter((e) => e.type === 'workerExited')).toMatchObject([{ reason: 'crash', exitCode: 4 }]);
      const all = await journal.list();
      expect(all.map((a) => a.localId)).toEqual([local.localId]);
      expect((await journal.materialData(local.localId, 0)).length).toBeGreaterThan(0);
    } finally {
      await journal.close();
    }
  });

  it('a request that does not match the protocol is refused with a typed error before it touches the file', async () => {
    const { journal } = await crashingJournal();
    try {
      await expect(journal.setAside(-3)).rejects.toMatchObject({ code: 'bad_message' });
      await expect(journal.get('')).rejects.toMatchObject({ code: 'bad_message' });
      expect(await journal.counts()).toMatchObject({ depth: 0 });
      await journal.close();
      await expect(journal.counts()).rejects.toMatchObject({ code: 'closed' });
    } finally {
      await journal.close();
    }
  });
});
