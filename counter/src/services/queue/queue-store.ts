// Today's tickets on disk (better-sqlite3, WAL): a restart of the counter keeps the morning's queue.
import type Database from 'better-sqlite3';
import type { TicketRecord, TicketState } from './queue-rules';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tickets (
  id TEXT PRIMARY KEY, day TEXT NOT NULL, seq INTEGER NOT NULL, category TEXT NOT NULL, number TEXT NOT NULL,
  priority INTEGER NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL, issued_at INTEGER NOT NULL,
  called_at INTEGER, window TEXT, target_window TEXT, transferred INTEGER NOT NULL DEFAULT 0,
  recalls INTEGER NOT NULL DEFAULT 0, finished_at INTEGER
);
CREATE INDEX IF NOT EXISTS tickets_day ON tickets (day, seq);
`;

interface Row {
  id: string; day: string; seq: number; category: string; number: string; priority: number; status: TicketState; source: 'kiosk' | 'counter';
  issued_at: number; called_at: number | null; window: string | null; target_window: string | null; transferred: number; recalls: number; finished_at: number | null;
}

const fromRow = (r: Row): TicketRecord => ({
  id: r.id, day: r.day, seq: r.seq, category: r.category, number: r.number, priority: r.priority === 1, status: r.status, source: r.source,
  issuedAt: r.issued_at, calledAt: r.called_at, window: r.window, targetWindow: r.target_window, transferred: r.transferred === 1,
  recalls: r.recalls, finishedAt: r.finished_at,
});

export class QueueStore {
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
  }

  day(day: string): TicketRecord[] {
    return (this.db.prepare('SELECT * FROM tickets WHERE day = ? ORDER BY seq').all(day) as Row[]).map(fromRow);
  }

  get(id: string): TicketRecord | undefined {
    const r = this.db.prepare('SELECT * FROM tickets WHERE id = ?').get(id) as Row | undefined;
    return r ? fromRow(r) : undefined;
  }

  /** Next seq of the day and next number of a prefix (numbers keep their prefix when transferred). */
  counters(day: string, prefix: string): { seq: number; inPrefix: number } {
    const seq = Number(this.db.prepare('SELECT coalesce(max(seq), 0) FROM tickets WHERE day = ?').pluck().get(day)) + 1;
    const inPrefix = Number(this.db.prepare("SELECT count(*) FROM tickets WHERE day = ? AND substr(number, 1, length(?)) = ?").pluck().get(day, prefix, prefix)) + 1;
    return { seq, inPrefix };
  }

  insert(t: TicketRecord): void {
    this.db
      .prepare(`INSERT INTO tickets (id, day, seq, category, number, priority, status, source, issued_at, called_at, window, target_window, transferred, recalls, finished_at)
        VALUES (@id, @day, @seq, @category, @number, @priority, @status, @source, @issuedAt, @calledAt, @window, @targetWindow, @transferred, @recalls, @finishedAt)`)
      .run({ ...t, priority: t.priority ? 1 : 0, transferred: t.transferred ? 1 : 0 });
  }

  update(t: TicketRecord): void {
    this.db
      .prepare(`UPDATE tickets SET category = @category, status = @status, called_at = @calledAt, window = @window, target_window = @targetWindow,
        transferred = @transferred, recalls = @recalls, finished_at = @finishedAt WHERE id = @id`)
      .run({ ...t, priority: t.priority ? 1 : 0, transferred: t.transferred ? 1 : 0 });
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
