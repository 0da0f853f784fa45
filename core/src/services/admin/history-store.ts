// The last 24 h of minute samples (device statuses, outbox depth, backend latency) for the dashboard's charts:
// a ring of at most 1440 points kept in memory and persisted as one small JSON file in the data folder
// (written atomically each minute), so a restart keeps the day's picture. A database would be overkill here.
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { HistoryPoint } from '@easydo/core/contract/schemas/admin-dashboard';

const DAY_MS = 24 * 3600_000;

export class HistoryStore {
  private points: HistoryPoint[] = [];
  readonly file: string;

  constructor(dataDir: string, private readonly now: () => number = Date.now) {
    this.file = path.join(dataDir, 'admin', 'history.json');
    if (existsSync(this.file)) {
      try {
        const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
        if (Array.isArray(parsed)) this.points = parsed as HistoryPoint[];
      } catch {
        this.points = [];
      }
    }
  }

  add(point: HistoryPoint): void {
    this.points.push(point);
    const cutoff = this.now() - DAY_MS;
    this.points = this.points.filter((p) => Date.parse(p.at) >= cutoff);
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.points));
    renameSync(tmp, this.file);
  }

  since(hours: number): HistoryPoint[] {
    const cutoff = this.now() - hours * 3600_000;
    return this.points.filter((p) => Date.parse(p.at) >= cutoff);
  }
}
