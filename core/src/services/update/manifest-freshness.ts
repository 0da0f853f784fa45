// A replayed manifest: whoever sits between the terminal and the feed could serve an older manifest that is still
// validly signed (before the kill switch, before a pause in the signed schedule) and undo what the newer one said.
// The agent keeps the newest `publishedAt` it accepted per channel in its own folder and refuses anything older.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ReleaseManifest } from './manifest';

const Seen = z.record(z.string(), z.number());

export class ManifestFreshness {
  constructor(private readonly file: string) {}

  private async seen(): Promise<Record<string, number>> {
    const text = await readFile(this.file, 'utf8').catch(() => null);
    if (text === null) return {};
    const parsed = Seen.safeParse(JSON.parse(text));
    // An unreadable ledger is no proof of anything newer: start again rather than refuse the feed for ever.
    return parsed.success ? parsed.data : {};
  }

  /** True when the manifest is as new as the newest seen for its channel or newer (and records it); false: a replay. */
  async accept(m: Pick<ReleaseManifest, 'channel' | 'publishedAt'>): Promise<boolean> {
    const seen = await this.seen();
    const at = Date.parse(m.publishedAt);
    const newest = seen[m.channel];
    if (newest !== undefined && at < newest) return false;
    if (newest === at) return true;
    seen[m.channel] = at;
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    await writeFile(tmp, JSON.stringify(seen));
    await rename(tmp, this.file);
    return true;
  }
}
