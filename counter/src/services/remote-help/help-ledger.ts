// Remote help in the counter's workload (counter.sqlite beside `handled`): one row per call a clerk answered,
// with its waiting and handling time and the resident's rating. No personal data, nothing of the call itself.
import type Database from 'better-sqlite3';
import type { HelpWorkload } from '@easydo/core/contract/schemas/remote-help';
import { dayOf } from '../queue/queue-rules';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS remote_help (
  call_id TEXT PRIMARY KEY, staff_id TEXT NOT NULL, day TEXT NOT NULL,
  waited_ms INTEGER NOT NULL, handled_ms INTEGER NOT NULL, end_reason TEXT NOT NULL, rating INTEGER
);
CREATE INDEX IF NOT EXISTS remote_help_staff_day ON remote_help (staff_id, day);
`;

export class HelpLedger {
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
  }

  ended(row: { callId: string; staffId: string; endedAt: number; waitedMs: number; handledMs: number; reason: string }): void {
    this.db
      .prepare('INSERT OR IGNORE INTO remote_help (call_id, staff_id, day, waited_ms, handled_ms, end_reason, rating) VALUES (?, ?, ?, ?, ?, ?, NULL)')
      .run(row.callId, row.staffId, dayOf(row.endedAt), row.waitedMs, row.handledMs, row.reason);
  }

  rated(callId: string, level: number): void {
    this.db.prepare('UPDATE remote_help SET rating = ? WHERE call_id = ? AND rating IS NULL').run(level, callId);
  }

  today(staffId: string, now: number): HelpWorkload {
    const day = dayOf(now);
    const row = this.db
      .prepare('SELECT COUNT(*) AS n, AVG(waited_ms) AS w, AVG(handled_ms) AS h FROM remote_help WHERE staff_id = ? AND day = ?')
      .get(staffId, day) as { n: number; w: number | null; h: number | null };
    const ratings = this.db
      .prepare('SELECT rating AS level, COUNT(*) AS count FROM remote_help WHERE staff_id = ? AND day = ? AND rating IS NOT NULL GROUP BY rating ORDER BY rating DESC')
      .all(staffId, day) as Array<{ level: number; count: number }>;
    const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
    return { calls: row.n, averageWaitSeconds: seconds(row.w), averageHandlingSeconds: seconds(row.h), ratings };
  }
}
