// The reasons of poor ratings in the clerk's day: which of the standard reasons residents gave and how many
// asked for a callback (回访), counted per clerk and day beside the levels; nothing personal is kept.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { WorkloadStore } from '../src/services/workload/workload-store';
import { dayOf } from '../src/services/queue/queue-rules';

const at = Date.UTC(2026, 11, 2, 3, 0, 0);

function storeWith(ids: string[], staffId = 'C1001'): WorkloadStore {
  const store = new WorkloadStore(new Database(':memory:'));
  for (const localId of ids) store.record({ localId, staffId, itemCode: 'MZ-001', startedAt: at - 60_000, submittedAt: at });
  return store;
}

describe('poor-rating reasons in the workload', () => {
  it('counts each reason given, most given first, and the callbacks asked for', () => {
    const store = storeWith(['a', 'b', 'c', 'd']);
    store.rate('a', '不满意', { reasons: ['too-slow', 'repeated-trips'], callback: true });
    store.rate('b', '非常不满意', { reasons: ['too-slow'], callback: false });
    store.rate('c', '满意');
    const day = store.summary('C1001', dayOf(at));
    expect(day.reasons).toEqual([
      { reason: 'too-slow', count: 2 },
      { reason: 'repeated-trips', count: 1 },
    ]);
    expect(day.callbacks).toBe(1);
    expect(day.ratings.find((r) => r.level === '不满意')?.count).toBe(1);
  });

  it("counts only this clerk's applications", () => {
    const store = storeWith(['a']);
    store.record({ localId: 'x', staffId: 'C1002', itemCode: 'MZ-001', startedAt: at - 1000, submittedAt: at });
    store.rate('x', '不满意', { reasons: ['staff-attitude'], callback: true });
    const day = store.summary('C1001', dayOf(at));
    expect(day.reasons).toEqual([]);
    expect(day.callbacks).toBe(0);
  });

  it('opens a counter.sqlite written before reasons were kept', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE handled (local_id TEXT PRIMARY KEY, staff_id TEXT NOT NULL, day TEXT NOT NULL, item_code TEXT NOT NULL,
      started_at INTEGER NOT NULL, submitted_at INTEGER NOT NULL, level TEXT)`);
    db.prepare("INSERT INTO handled VALUES ('old', 'C1001', ?, 'MZ-001', ?, ?, '满意')").run(dayOf(at), at - 1000, at);
    const store = new WorkloadStore(db);
    store.record({ localId: 'new', staffId: 'C1001', itemCode: 'MZ-001', startedAt: at - 1000, submittedAt: at });
    store.rate('new', '不满意', { reasons: ['other'], callback: false });
    const day = store.summary('C1001', dayOf(at));
    expect(day.handled).toBe(2);
    expect(day.reasons).toEqual([{ reason: 'other', count: 1 }]);
  });
});
