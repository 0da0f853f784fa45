// counter.sqlite on its own worker thread: the queue, the workload and the remote-help ledger answer through it
// from a real file; what crosses is checked at both ends; a worker that dies after committing a write and before
// answering is replaced, and the write, sent again, leaves one row; a closed database refuses calls.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCounterDb, type CounterDb } from '../src/services/store/counter-db';
import type { TicketRecord } from '../src/services/queue/queue-rules';
import type { WorkerThreadEvent } from '@easydo/core/services/threads/worker-lane';

const opened: CounterDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'counter-db-'));
const ticket = (over: Partial<TicketRecord> = {}): TicketRecord => ({
  id: 't-1', day: '2026-12-04', seq: 1, category: 'civil-affairs', number: 'A001', priority: false, status: 'waiting', source: 'kiosk',
  issuedAt: 1, calledAt: null, window: null, targetWindow: null, transferred: false, recalls: 0, finishedAt: null, ...over,
});

async function open(file: string, options: Partial<Parameters<typeof openCounterDb>[0]> = {}) {
  const db = await openCounterDb({ file, ...options });
  opened.push(db);
  return db;
}

describe('counter database worker', () => {
  it('keeps tickets, workload and remote-help rows in the file across a reopen', async () => {
    const file = path.join(dir(), 'counter.sqlite');
    const db = await open(file);
    await db.queue.write([ticket(), ticket({ id: 't-2', seq: 2, number: 'A002' })]);
    await db.queue.write([ticket({ status: 'called', window: '3', calledAt: 5 })]);
    await db.workload.record({ localId: 'L1', staffId: 'C1001', itemCode: 'SZ-CIVIL-001', startedAt: 0, submittedAt: Date.parse('2026-12-04T10:00:00+08:00') });
    await db.workload.rate('L1', '满意', { reasons: [], callback: false });
    await db.help.ended({ callId: 'call-1', staffId: 'C1001', endedAt: Date.parse('2026-12-04T10:00:00+08:00'), waitedMs: 10_000, handledMs: 60_000, reason: 'resident' });
    await db.help.rated('call-1', 5);
    await db.close();
    opened.splice(0);

    const again = await open(file);
    expect((await again.queue.day('2026-12-04')).map((t) => [t.number, t.status, t.window])).toEqual([['A001', 'called', '3'], ['A002', 'waiting', null]]);
    expect(await again.workload.staffOf('L1')).toBe('C1001');
    expect(await again.workload.staffOf('L2')).toBeNull();
    const summary = await again.workload.summary('C1001', '2026-12-04');
    expect(summary.handled).toBe(1);
    expect(summary.ratings.find((r) => r.level === '满意')?.count).toBe(1);
    expect(await again.help.today('C1001', Date.parse('2026-12-04T12:00:00+08:00'))).toMatchObject({ calls: 1, averageHandlingSeconds: 60, ratings: [{ level: 5, count: 1 }] });
  });

  it('refuses what does not fit the protocol before it reaches the file, and goes on', async () => {
    const db = await open(path.join(dir(), 'counter.sqlite'));
    await expect(db.queue.write([ticket({ day: 'yesterday' })])).rejects.toMatchObject({ name: 'CounterDbError', code: 'failed' });
    await expect(db.help.rated('call-1', 9)).rejects.toMatchObject({ code: 'failed' });
    await db.queue.write([ticket()]);
    expect(await db.queue.day('2026-12-04')).toHaveLength(1);
  });

  it('a worker that dies after committing a write is replaced, and the write sent again leaves one row', async () => {
    const scratch = dir();
    const marker = path.join(scratch, 'crashed');
    process.env.COUNTER_DB_CRASH_MARKER = marker;
    const events: WorkerThreadEvent[] = [];
    try {
      const db = await open(path.join(scratch, 'counter.sqlite'), {
        entry: new URL('./support/crash-after-write-worker.ts', import.meta.url),
        onEvent: (e) => events.push(e),
      });
      await db.queue.write([ticket()]);
      expect(events.filter((e) => e.type === 'workerExited' && e.reason === 'crash')).toHaveLength(1);
      expect(events.filter((e) => e.type === 'workerStarted')).toHaveLength(2);
      expect(await db.queue.day('2026-12-04')).toEqual([ticket()]);
    } finally {
      delete process.env.COUNTER_DB_CRASH_MARKER;
    }
  });

  it('a closed database refuses calls with a typed error', async () => {
    const db = await open(path.join(dir(), 'counter.sqlite'));
    await db.close();
    await expect(db.queue.day('2026-12-04')).rejects.toMatchObject({ name: 'CounterDbError', code: 'closed' });
  });
});
