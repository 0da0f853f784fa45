// The last N log lines in memory, for the admin log viewer: no file reads on each refresh, and it shows what
// the logger wrote (already redacted), nothing else. pino writes one JSON line per write().
import { Writable } from 'node:stream';

export const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const LEVEL_VALUES: Record<string, number> = Object.fromEntries(Object.entries(LEVEL_NAMES).map(([v, n]) => [n, Number(v)]));

export interface LogEntry {
  seq: number;
  time: string;
  level: string;
  msg: string;
  /** The rest of the line's fields, as JSON (already redacted at the logger). */
  fields: string;
}

export interface LogQuery {
  /** Minimum level name. */
  level?: string;
  /** Case-insensitive substring of the message or fields. */
  text?: string;
  limit?: number;
}

export class LogRing {
  private readonly entries: LogEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 2000) {}

  /** A stream for pino.multistream. */
  stream(): Writable {
    return new Writable({
      write: (chunk: Buffer | string, _enc, done) => {
        for (const line of String(chunk).split('\n')) if (line.trim()) this.push(line);
        done();
      },
    });
  }

  push(line: string): void {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as Record<string, unknown>;
    } catch {
      parsed = { msg: line };
    }
    const { level, time, msg, ...rest } = parsed;
    this.entries.push({
      seq: ++this.seq,
      time: typeof time === 'string' ? time : new Date().toISOString(),
      level: typeof level === 'number' ? (LEVEL_NAMES[level] ?? String(level)) : String(level ?? 'info'),
      msg: typeof msg === 'string' ? msg : '',
      fields: JSON.stringify(rest),
    });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Newest last; at most `limit` entries (the newest ones). */
  query(q: LogQuery = {}): LogEntry[] {
    const min = q.level ? (LEVEL_VALUES[q.level] ?? 0) : 0;
    const text = q.text?.toLowerCase() ?? '';
    const hits = this.entries.filter(
      (e) => (LEVEL_VALUES[e.level] ?? 0) >= min && (!text || e.msg.toLowerCase().includes(text) || e.fields.toLowerCase().includes(text)),
    );
    return hits.slice(-(q.limit ?? 500));
  }
}
