// The audit trail of admin actions: one JSON line per action, appended (O_APPEND, never rewritten) to
// <dataDir>/audit/audit.jsonl with owner-only permissions, and mirrored to another sink (compose's logger sink).
// Details are plain scalars chosen by the caller (window ids, device ids, field names) and pass through redact() all the same.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { redact } from '../logging/redact';
import type { AuditSink } from './admin-gate';

export interface AuditEntry {
  at: string;
  action: string;
  detail: Record<string, string | number | boolean>;
}

export class AuditLog implements AuditSink {
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly mirror?: AuditSink,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = path.join(dataDir, 'audit', 'audit.jsonl');
  }

  record(action: string, detail: Record<string, string | number | boolean>): void {
    const entry: AuditEntry = { at: this.now().toISOString(), action, detail: redact(detail) as AuditEntry['detail'] };
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    appendFileSync(this.file, JSON.stringify(entry) + '\n', { flag: 'a', mode: 0o600 });
    this.mirror?.record(action, entry.detail);
  }

  /** The newest `limit` entries, newest last. A damaged line is shown as such rather than hidden. */
  read(limit = 500): AuditEntry[] {
    if (!existsSync(this.file)) return [];
    const lines = readFileSync(this.file, 'utf8').split('\n').filter(Boolean).slice(-limit);
    return lines.map((line) => {
      try {
        return JSON.parse(line) as AuditEntry;
      } catch {
        return { at: '', action: 'audit.unreadable-line', detail: {} };
      }
    });
  }
}
