// Queue rules on a real SQLite file: ordering, green channel, recall, skip, transfer, and a reopen that keeps
// the day's queue.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { QueueStore } from '../src/services/queue/queue-store';
import { QueueDesk, categoryDefs } from '../src/services/queue/queue-desk';
import { callOrder, dayOf, type TicketRecord } from '../src/services/queue/queue-rules';

const CATS = categoryDefs([
  { code: 'civil-affairs', name: { zh: '民政业务', en: 'Civil affairs' } },
  { code: 'housing-rental', name: { zh: '房屋租赁', en: 'Housing rental' } },
]);

const open: Database.Database[] = [];
function openQueue(file: string, now: () => number) {
  const db = new Database(file);
  open.push(db);
  return new QueueDesk({ store: new QueueStore(db), categories: () => CATS, now });
}

afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function fixture() {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'counter-queue-')), 'counter.sqlite');
  let clock = new Date(2025, 2, 3, 9, 0, 0).getTime();
  const now = () => (clock += 1000);
  return { file, now, q: openQueue(file, now), setClock: (ms: number) => (clock = ms) };
}

describe('queue', () => {
  it('numbers tickets per category and calls in issue order', () => {
    const { q } = fixture();
    const a1 = q.take('civil-affairs', { source: 'kiosk' });
    const b1 = q.take('housing-rental', { source: 'counter' });
    const a2 = q.take('civil-affairs', { source: 'kiosk' });
    expect([a1.ticket.number, b1.ticket.number, a2.ticket.number]).toEqual(['A001', 'B001', 'A002']);
    expect(a2.waitingAhead).toBe(1);
    expect(q.call('1')?.number).toBe('A001');
    expect(q.call('1')?.number).toBe('B001');
    expect(q.viewFor('1').doneToday).toBe(1);
  });

  it('calls the green channel first, then transferred tickets, then issue order', () => {
    const { q } = fixture();
    q.take('civil-affairs', { source: 'kiosk' }); // A001
    q.take('civil-affairs', { source: 'kiosk' }); // A002
    q.take('housing-rental', { priority: true, source: 'kiosk' }); // B001, priority
    expect(q.call('1')?.number).toBe('B001');
    // A001 at window 2 turns out to be a housing matter: transferred into the other category, it goes before A002.
    expect(q.call('2')?.number).toBe('A001');
    q.transfer('2', { category: 'housing-rental' });
    expect(q.viewFor('1').waiting.map((t) => t.number)).toEqual(['A001', 'A002']);
    expect(q.call('1')?.number).toBe('A001');
  });

  it('a ticket transferred to a window is called only there, and first there', () => {
    const { q } = fixture();
    q.take('civil-affairs', { source: 'kiosk' }); // A001
    q.take('civil-affairs', { priority: true, source: 'kiosk' }); // A002 priority
    q.take('civil-affairs', { source: 'kiosk' }); // A003
    expect(q.call('1')?.number).toBe('A002');
    q.transfer('1', { windowNo: '3' });
    expect(q.viewFor('2').waiting.map((t) => t.number)).toEqual(['A001', 'A003']);
    expect(q.viewFor('3').waiting.map((t) => t.number)).toEqual(['A002', 'A001', 'A003']);
    expect(q.call('2')?.number).toBe('A001');
    expect(q.call('3')?.number).toBe('A002');
    expect(() => q.transfer('3', { windowNo: '3' })).toThrow(/already at this window/);
  });

  it('recall keeps the ticket at the window; skip sets it aside and it can be called again', () => {
    const { q } = fixture();
    q.take('civil-affairs', { source: 'kiosk' });
    q.take('civil-affairs', { source: 'kiosk' });
    const first = q.call('1')!;
    expect(q.recall('1')).toMatchObject({ id: first.id, recalls: 1, status: 'called' });
    expect(q.skip('1')).toMatchObject({ id: first.id, status: 'skipped' });
    expect(q.current('1')).toBeNull();
    expect(() => q.recall('1')).toThrow(/No ticket/);
    expect(q.viewFor('1').skipped.map((t) => t.number)).toEqual(['A001']);
    expect(q.call('1')?.number).toBe('A002');
    expect(q.call('1', first.id)?.number).toBe('A001');
    expect(q.call('1')).toBeNull();
    expect(q.viewFor('1').doneToday).toBe(2);
  });

  it('keeps the day across a reopen and starts afresh the next day', () => {
    const { file, now, q, setClock } = fixture();
    q.take('civil-affairs', { source: 'kiosk' });
    q.take('civil-affairs', { priority: true, source: 'kiosk' });
    q.take('housing-rental', { source: 'kiosk' });
    expect(q.call('1')?.number).toBe('A002');
    open.splice(0).forEach((db) => db.close());

    const again = openQueue(file, now);
    const view = again.viewFor('1');
    expect(view.current?.number).toBe('A002');
    expect(view.waiting.map((t) => t.number)).toEqual(['A001', 'B001']);
    expect(again.take('civil-affairs', { source: 'counter' }).ticket.number).toBe('A003');

    setClock(new Date(2025, 2, 4, 8, 30).getTime());
    expect(again.viewFor('1').waiting).toEqual([]);
    expect(again.take('civil-affairs', { source: 'kiosk' }).ticket.number).toBe('A001');
  });

  it('refuses unknown categories and acting without a called ticket', () => {
    const { q } = fixture();
    expect(() => q.take('nope', { source: 'kiosk' })).toThrow(/Unknown service category/);
    expect(() => q.skip('1')).toThrow(/No ticket/);
    expect(q.call('1')).toBeNull();
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
