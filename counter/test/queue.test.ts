// Queue rules on a real SQLite file through the counter database's worker thread: ordering, green channel, recall,
// skip, transfer, a reopen that keeps the day's queue, and a write that fails.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCounterDb, type CounterDb, type QueueStorePort } from '../src/services/store/counter-db';
import { QueueDesk, categoryDefs } from '../src/services/queue/queue-desk';
import { callOrder, dayOf, type TicketRecord } from '../src/services/queue/queue-rules';

const CATS = categoryDefs([
  { code: 'civil-affairs', name: { zh: '民政业务', en: 'Civil affairs' } },
  { code: 'housing-rental', name: { zh: '房屋租赁', en: 'Housing rental' } },
]);

const open: CounterDb[] = [];
async function openQueue(file: string, now: () => number, store?: (db: CounterDb) => QueueStorePort) {
  const db = await openCounterDb({ file });
  open.push(db);
  return QueueDesk.open({ store: store ? store(db) : db.queue, categories: () => CATS, now });
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

async function fixture(store?: (db: CounterDb) => QueueStorePort) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'counter-queue-')), 'counter.sqlite');
  let clock = new Date(2025, 2, 3, 9, 0, 0).getTime();
  const now = () => (clock += 1000);
  return { file, now, q: await openQueue(file, now, store), setClock: (ms: number) => (clock = ms) };
}

describe('queue', () => {
  it('numbers tickets per category and calls in issue order', async () => {
    const { q } = await fixture();
    const a1 = await q.take('civil-affairs', { source: 'kiosk' });
    const b1 = await q.take('housing-rental', { source: 'counter' });
    const a2 = await q.take('civil-affairs', { source: 'kiosk' });
    expect([a1.ticket.number, b1.ticket.number, a2.ticket.number]).toEqual(['A001', 'B001', 'A002']);
    expect(a2.waitingAhead).toBe(1);
    expect((await q.call('1'))?.number).toBe('A001');
    expect((await q.call('1'))?.number).toBe('B001');
    expect(q.viewFor('1').doneToday).toBe(1);
  });

  it('calls the green channel first, then transferred tickets, then issue order', async () => {
    const { q } = await fixture();
    await q.take('civil-affairs', { source: 'kiosk' }); // A001
    await q.take('civil-affairs', { source: 'kiosk' }); // A002
    await q.take('housing-rental', { priority: true, source: 'kiosk' }); // B001, priority
    expect((await q.call('1'))?.number).toBe('B001');
    // A001 at window 2 turns out to be a housing matter: transferred into the other category, it goes before A002.
    expect((await q.call('2'))?.number).toBe('A001');
    await q.transfer('2', { category: 'housing-rental' });
    expect(q.viewFor('1').waiting.map((t) => t.number)).toEqual(['A001', 'A002']);
    expect((await q.call('1'))?.number).toBe('A001');
  });

  it('a ticket transferred to a window is called only there, and first there', async () => {
    const { q } = await fixture();
    await q.take('civil-affairs', { source: 'kiosk' }); // A001
    await q.take('civil-affairs', { priority: true, source: 'kiosk' }); // A002 priority
    await q.take('civil-affairs', { source: 'kiosk' }); // A003
    expect((await q.call('1'))?.number).toBe('A002');
    await q.transfer('1', { windowNo: '3' });
    expect(q.viewFor('2').waiting.map((t) => t.number)).toEqual(['A001', 'A003']);
    expect(q.viewFor('3').waiting.map((t) => t.number)).toEqual(['A002', 'A001', 'A003']);
    expect((await q.call('2'))?.number).toBe('A001');
    expect((await q.call('3'))?.number).toBe('A002');
    await expect(q.transfer('3', { windowNo: '3' })).rejects.toThrow(/already at this window/);
  });

  it('recall keeps the ticket at the window; skip sets it aside and it can be called again', async () => {
    const { q } = await fixture();
    await q.take('civil-affairs', { source: 'kiosk' });
    await q.take('civil-affairs', { source: 'kiosk' });
    const first = (await q.call('1'))!;
    expect(await q.recall('1')).toMatchObject({ id: first.id, recalls: 1, status: 'called' });
    expect(await q.skip('1')).toMatchObject({ id: first.id, status: 'skipped' });
    expect(q.current('1')).toBeNull();
    await expect(q.recall('1')).rejects.toThrow(/No ticket/);
    expect(q.viewFor('1').skipped.map((t) => t.number)).toEqual(['A001']);
    expect((await q.call('1'))?.number).toBe('A002');
    expect((await q.call('1', first.id))?.number).toBe('A001');
    expect(await q.call('1')).toBeNull();
    expect(q.viewFor('1').doneToday).toBe(2);
  });

  it('keeps the day across a reopen and starts afresh the next day', async () => {
    const { file, now, q, setClock } = await fixture();
    await q.take('civil-affairs', { source: 'kiosk' });
    await q.take('civil-affairs', { priority: true, source: 'kiosk' });
    await q.take('housing-rental', { source: 'kiosk' });
    expect((await q.call('1'))?.number).toBe('A002');
    for (const db of open.splice(0)) await db.close();

    const again = await openQueue(file, now);
    const view = again.viewFor('1');
    expect(view.current?.number).toBe('A002');
    expect(view.waiting.map((t) => t.number)).toEqual(['A001', 'B001']);
    expect((await again.take('civil-affairs', { source: 'counter' })).ticket.number).toBe('A003');

    setClock(new Date(2025, 2, 4, 8, 30).getTime());
    expect(again.viewFor('1').waiting).toEqual([]);
    expect((await again.take('civil-affairs', { source: 'kiosk' })).ticket.number).toBe('A001');
  });

  it('refuses unknown categories and acting without a called ticket', async () => {
    const { q } = await fixture();
    await expect(q.take('nope', { source: 'kiosk' })).rejects.toThrow(/Unknown service category/);
    await expect(q.skip('1')).rejects.toThrow(/No ticket/);
    expect(await q.call('1')).toBeNull();
  });

  it('a write that fails fails the call and leaves the day as the file has it', async () => {
    let refuse = false;
    const { q } = await fixture((db) => ({
      day: (day) => db.queue.day(day),
      write: (tickets) => (refuse ? Promise.reject(new Error('disk full')) : db.queue.write(tickets)),
    }));
    await q.take('civil-affairs', { source: 'kiosk' }); // A001, written
    refuse = true;
    await expect(q.take('civil-affairs', { source: 'kiosk' })).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/queue could not be saved: disk full/) });
    expect(q.today().map((t) => t.number)).toEqual(['A001']);
    await expect(q.call('1')).rejects.toMatchObject({ code: 'internal' });
    expect(q.current('1')).toBeNull();
    refuse = false;
    expect((await q.take('civil-affairs', { source: 'kiosk' })).ticket.number).toBe('A002');
  });

  it('callOrder ignores tickets that are not waiting', () => {
    const base = { day: dayOf(0), category: 'c', priority: false, source: 'kiosk', issuedAt: 0, calledAt: null, window: null, targetWindow: null, transferred: false, recalls: 0, finishedAt: null } as const;
    const tickets: TicketRecord[] = [
      { ...base, id: 'x', seq: 1, number: 'A001', status: 'done' },
      { ...base, id: 'y', seq: 2, number: 'A002', status: 'skipped' },
      { ...base, id: 'z', seq: 3, number: 'A003', status: 'waiting' },
    ];
    expect(callOrder(tickets, { windowNo: '1' }).map((t) => t.id)).toEqual(['z']);
    expect(callOrder(tickets, { windowNo: '1', categories: ['other'] })).toEqual([]);
  });
});
