// What this counter handled, per clerk and day (in counter.sqlite beside the queue): start and end of each
// application and the resident's rating. No personal data: ids, item codes, times, levels.
import type Database from 'better-sqlite3';
import { dayOf } from '../queue/queue-rules';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS handled (
  local_id TEXT PRIMARY KEY, staff_id TEXT NOT NULL, day TEXT NOT NULL, item_code TEXT NOT NULL,
  started_at INTEGER NOT NULL, submitted_at INTEGER NOT NULL, level TEXT
);
CREATE INDEX IF NOT EXISTS handled_staff_day ON handled (staff_id, day);
`;

export interface HandledRow {
  localId: string;
  staffId: string;
  itemCode: string;
  startedAt: number;
  submittedAt: number;
  level: string | null;
}

export interface DaySummary {
  handled: number;
  averageHandlingSeconds: number | null;
  byHour: Array<{ hour: number; count: number }>;
  ratings: Array<{ level: string; count: number }>;
}

export const LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;

export class WorkloadStore {
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
  }

  record(row: Omit<HandledRow, 'level'>): void {
    this.db
      .prepare('INSERT OR REPLACE INTO handled (local_id, staff_id, day, item_code, started_at, submitted_at, level) VALUES (?, ?, ?, ?, ?, ?, NULL)')
      .run(row.localId, row.staffId, dayOf(row.submittedAt), row.itemCode, row.startedAt, row.submittedAt);
  }

  rate(localId: string, level: string): void {
    this.db.prepare('UPDATE handled SET level = ? WHERE local_id = ?').run(level, localId);
  }

  staffOf(localId: string): string | null {
    return (this.db.prepare('SELECT staff_id FROM handled WHERE local_id = ?').pluck().get(localId) as string | undefined) ?? null;
  }

  summary(staffId: string, day: string): DaySummary {
    const rows = this.db.prepare('SELECT started_at, submitted_at, level FROM handled WHERE staff_id = ? AND day = ?').all(staffId, day) as Array<{ started_at: number; submitted_at: number; level: string | null }>;
    const durations = rows.map((r) => Math.max(0, r.submitted_at - r.started_at) / 1000);
    const hours = new Map<number, number>();
    for (const r of rows) {
      const h = new Date(r.submitted_at).getHours();
      hours.set(h, (hours.get(h) ?? 0) + 1);
    }
    return {
      handled: rows.length,
      averageHandlingSeconds: durations.length ? Math.round(durations.reduce((s, d) => s + d, 0) / durations.length) : null,
      byHour: [...hours.entries()].sort((a, b) => a[0] - b[0]).map(([hour, count]) => ({ hour, count })),
      ratings: LEVELS.map((level) => ({ level, count: rows.filter((r) => r.level === level).length })),
    };
  }
}
