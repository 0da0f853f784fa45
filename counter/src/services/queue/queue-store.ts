// Today's tickets on disk (better-sqlite3, WAL), in the counter database's worker (store/counter-db-serve.ts):
// a restart of the counter keeps the morning's queue. The queue desk keeps the day in memory and writes through.
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
  private readonly byDay: Database.Statement<[string], Row>;
  private readonly upsert: Database.Statement<[Record<string, unknown>]>;

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.byDay = db.prepare<[string], Row>('SELECT * FROM tickets WHERE day = ? ORDER BY seq');
    this.upsert = db.prepare(`INSERT OR REPLACE INTO tickets (id, day, seq, category, number, priority, status, source, issued_at, called_at, window, target_window, transferred, recalls, finished_at)
      VALUES (@id, @day, @seq, @category, @number, @priority, @status, @source, @issuedAt, @calledAt, @window, @targetWindow, @transferred, @recalls, @finishedAt)`);
  }

  day(day: string): TicketRecord[] {
    return this.byDay.all(day).map(fromRow);
  }

  /** Writes the tickets as they are now (new or changed), all or none. */
  write(tickets: readonly TicketRecord[]): void {
    this.db.transaction(() => {
      for (const t of tickets) this.upsert.run({ ...t, priority: t.priority ? 1 : 0, transferred: t.transferred ? 1 : 0 });
    })();
  }
}
