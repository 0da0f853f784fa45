// What this counter handled, per clerk and day (in counter.sqlite beside the queue): start and end of each
// application and the resident's rating, with a poor rating's standard reasons and whether a callback was asked
// for. No personal data: ids, item codes, times, levels, reason codes (never the resident's words or phone).
import type Database from 'better-sqlite3';
import { POOR_RATING_REASONS, type PoorRatingReason } from '@easydo/core/contract/schemas/evaluation-feedback';
import { dayOf } from '../queue/queue-rules';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS handled (
  local_id TEXT PRIMARY KEY, staff_id TEXT NOT NULL, day TEXT NOT NULL, item_code TEXT NOT NULL,
  started_at INTEGER NOT NULL, submitted_at INTEGER NOT NULL, level TEXT, reasons TEXT, callback INTEGER
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
  /** Reasons of poor ratings, most given first (only those given). */
  reasons: Array<{ reason: PoorRatingReason; count: number }>;
  /** Poor ratings whose resident asked for a callback (回访). */
  callbacks: number;
}

export interface RatingFeedback {
  reasons: readonly PoorRatingReason[];
  callback: boolean;
}

export const LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;

export class WorkloadStore {
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    // A file from before reasons were kept gains the two columns.
    const columns = new Set((db.prepare('PRAGMA table_info(handled)').all() as { name: string }[]).map((c) => c.name));
    if (!columns.has('reasons')) db.exec('ALTER TABLE handled ADD COLUMN reasons TEXT');
    if (!columns.has('callback')) db.exec('ALTER TABLE handled ADD COLUMN callback INTEGER');
  }

  record(row: Omit<HandledRow, 'level'>): void {
    this.db
      .prepare('INSERT OR REPLACE INTO handled (local_id, staff_id, day, item_code, started_at, submitted_at, level) VALUES (?, ?, ?, ?, ?, ?, NULL)')
      .run(row.localId, row.staffId, dayOf(row.submittedAt), row.itemCode, row.startedAt, row.submittedAt);
  }

  rate(localId: string, level: string, feedback?: RatingFeedback): void {
    this.db
      .prepare('UPDATE handled SET level = ?, reasons = ?, callback = ? WHERE local_id = ?')
      .run(level, feedback ? JSON.stringify(feedback.reasons) : null, feedback ? Number(feedback.callback) : null, localId);
  }

  staffOf(localId: string): string | null {
    return (this.db.prepare('SELECT staff_id FROM handled WHERE local_id = ?').pluck().get(localId) as string | undefined) ?? null;
  }

  summary(staffId: string, day: string): DaySummary {
    const rows = this.db.prepare('SELECT started_at, submitted_at, level, reasons, callback FROM handled WHERE staff_id = ? AND day = ?').all(staffId, day) as Array<{ started_at: number; submitted_at: number; level: string | null; reasons: string | null; callback: number | null }>;
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
      reasons: reasonCounts(rows.map((r) => r.reasons)),
      callbacks: rows.filter((r) => r.callback === 1).length,
    };
  }
}

function reasonCounts(stored: (string | null)[]): DaySummary['reasons'] {
  const counts = new Map<PoorRatingReason, number>();
  for (const text of stored) {
    if (!text) continue;
    for (const r of JSON.parse(text) as string[]) {
      // Only the standard codes count (the column is ours, but an older build may have written others).
      if ((POOR_RATING_REASONS as readonly string[]).includes(r)) counts.set(r as PoorRatingReason, (counts.get(r as PoorRatingReason) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || POOR_RATING_REASONS.indexOf(a[0]) - POOR_RATING_REASONS.indexOf(b[0]))
    .map(([reason, count]) => ({ reason, count }));
}
