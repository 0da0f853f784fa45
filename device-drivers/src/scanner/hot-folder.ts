// Hot folder for network scanners (scan-to-SMB/FTP): the scanner writes files into a directory, we
// pick up each one once it has stopped growing, check it is an image by its magic bytes, hand the
// bytes on and delete the file (scans are personal data). Polling rather than fs.watch because
// inotify does not see writes made through SMB/NFS mounts.
//
// Pages belong to the request that was open when they first showed up (beginRequest … endRequest). A page
// first seen outside any request, or during an earlier one (a slow network scanner finishing the last
// resident's paper), is shredded and counted as `pagesDiscarded`, never handed to whoever asks next.
// Rejected files (not images: a PDF may hold a name and an ID) wait in `.rejected/` for the maintainer only
// for `rejectedRetentionMs`, then are shredded too (swept at start and every `sweepEveryMs`).
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DeviceService, DeviceSnapshot, Unsubscribe } from '../device/model';
import { Listeners } from '../device/listeners';
import { SnapshotStore } from '../device/snapshot-store';
import { sniffImageFormat, type ScanImageFormat } from './image-magic';
import { shredFile } from './shred';

export const HotFolderConfigSchema = z.object({
  id: z.string().default('hotFolder'),
  dir: z.string().min(1),
  pollMs: z.number().int().positive().default(500),
  /** A file must keep the same size and mtime for this long before it is read. */
  stableMs: z.number().int().nonnegative().default(1000),
  maxBytes: z.number().int().positive().default(40 * 1024 * 1024),
  /** Rejected files are moved here (default `<dir>/.rejected`) for the maintainer, not left to loop. */
  rejectedDir: z.string().optional(),
  /** How long a rejected file is kept before it is shredded. */
  rejectedRetentionMs: z.number().int().positive().default(24 * 3600_000),
  /** How often the rejected folder is swept while running. */
  sweepEveryMs: z.number().int().positive().default(10 * 60_000),
});
export type HotFolderConfig = z.input<typeof HotFolderConfigSchema>;

export interface HotFolderPage {
  name: string;
  format: ScanImageFormat;
  bytes: Uint8Array;
}

export interface HotFolderRejection {
  name: string;
  code: 'notAnImage' | 'tooLarge' | 'empty';
}

export interface HotFolderDiscard {
  name: string;
  reason: 'noRequest' | 'earlierRequest';
}

interface Seen {
  size: number;
  mtimeMs: number;
  since: number;
  /** The request epoch when the file was first seen; see beginRequest. */
  epoch: number;
}

// Rejected files are stored as `<ms since epoch>-<original name>`; the prefix dates them for the retention sweep.
const REJECTED_NAME = /^(\d{13})-/;

// Partial uploads from scanners and copy tools.
const IGNORED = /^\.|\.(tmp|part|partial|crdownload|filepart)$|~$/i;

export class HotFolderSource implements DeviceService {
  readonly kind = 'scanner' as const;
  readonly id: string;
  private readonly config: z.output<typeof HotFolderConfigSchema>;
  private readonly store: SnapshotStore;
  private readonly pages = new Listeners<HotFolderPage>();
  private readonly rejections = new Listeners<HotFolderRejection>();
  private readonly discards = new Listeners<HotFolderDiscard>();
  private readonly seen = new Map<string, Seen>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  /** Odd while a request is open; every begin and end moves it on, so each gap and each request has its own. */
  private epoch = 0;
  private lastSweep = -Infinity;

  constructor(config: HotFolderConfig) {
    this.config = HotFolderConfigSchema.parse(config);
    this.id = this.config.id;
    this.store = new SnapshotStore(this.id, 'scanner', { hotFolder: true });
  }

  snapshot(): DeviceSnapshot {
    return this.store.get();
  }

  onChange(listener: (snapshot: DeviceSnapshot) => void): Unsubscribe {
    return this.store.onChange(listener);
  }

  onPage(listener: (page: HotFolderPage) => void): Unsubscribe {
    return this.pages.add(listener);
  }

  onRejected(listener: (rejection: HotFolderRejection) => void): Unsubscribe {
    return this.rejections.add(listener);
  }

  onDiscarded(listener: (discard: HotFolderDiscard) => void): Unsubscribe {
    return this.discards.add(listener);
  }

  get requestOpen(): boolean {
    return this.epoch % 2 === 1;
  }

  /**
   * Opens a request: from now on, files that first show up are its pages. Files already in the folder (or
   * still being written) are looked at first, so they are known to predate it and will be discarded.
   */
  async beginRequest(now = Date.now()): Promise<void> {
    if (this.requestOpen) this.endRequest();
    await this.polling;
    await this.pollOnce(now);
    this.epoch++;
  }

  /** Closes the open request; its late pages will be discarded. */
  endRequest(): void {
    if (this.requestOpen) this.epoch++;
  }

  /** Shreds rejected files older than the retention. Returns how many went. */
  async sweepRejected(now = Date.now()): Promise<number> {
    this.lastSweep = now;
    const dir = this.rejectedDir();
    const names = await readdir(dir).catch(() => [] as string[]);
    let swept = 0;
    for (const name of names) {
      const file = path.join(dir, name);
      const s = await stat(file).catch(() => null);
      if (!s?.isFile()) continue;
      const stamp = REJECTED_NAME.exec(name)?.[1];
      const at = stamp ? Number(stamp) : s.mtimeMs;
      if (now - at < this.config.rejectedRetentionMs) continue;
      await shredFile(file);
      swept++;
    }
    if (swept > 0) this.store.count('rejectedExpired', swept);
    return swept;
  }

  async start(): Promise<void> {
    this.store.setStatus('starting');
    try {
      const s = await stat(this.config.dir);
      if (!s.isDirectory()) throw new Error('not a directory');
    } catch {
      this.store.fail('noDevice', 'folderMissing', 'The hot folder does not exist');
      return;
    }
    await this.sweepRejected();
    this.store.setStatus('online');
    this.timer = setInterval(() => void this.pollOnce(), this.config.pollMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling;
    this.store.setStatus('offline');
  }

  /** One scan of the folder (also used by tests to step without timers). */
  pollOnce(now = Date.now()): Promise<void> {
    this.polling ??= this.poll(now).finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async poll(now: number): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(this.config.dir)).filter((n) => !IGNORED.test(n)).sort();
    } catch {
      this.store.fail('noDevice', 'folderMissing', 'The hot folder is not reachable');
      return;
    }
    if (this.store.get().status === 'noDevice') this.store.update({ status: 'online', lastError: null });
    if (now - this.lastSweep >= this.config.sweepEveryMs) await this.sweepRejected(now);
    const present = new Set(names);
    for (const name of this.seen.keys()) if (!present.has(name)) this.seen.delete(name);
    for (const name of names) {
      const file = path.join(this.config.dir, name);
      const s = await stat(file).catch(() => null);
      if (!s?.isFile()) continue;
      const prev = this.seen.get(name);
      const epoch = prev?.epoch ?? this.epoch;
      if (!prev || prev.size !== s.size || prev.mtimeMs !== s.mtimeMs) {
        this.seen.set(name, { size: s.size, mtimeMs: s.mtimeMs, since: now, epoch });
        if (this.config.stableMs > 0) continue;
      } else if (now - prev.since < this.config.stableMs) {
        continue;
      }
      this.seen.delete(name);
      await this.take(name, file, s.size, epoch);
    }
  }

  private async take(name: string, file: string, size: number, epoch: number): Promise<void> {
    if (size === 0) return this.reject(name, file, 'empty');
    if (size > this.config.maxBytes) return this.reject(name, file, 'tooLarge');
    const bytes = new Uint8Array(await readFile(file));
    const format = sniffImageFormat(bytes);
    if (!format) {
      bytes.fill(0);
      return this.reject(name, file, 'notAnImage');
    }
    await shredFile(file);
    if (!this.requestOpen || epoch !== this.epoch) {
      bytes.fill(0);
      this.store.count('pagesDiscarded');
      this.discards.emit({ name, reason: epoch % 2 === 1 ? 'earlierRequest' : 'noRequest' });
      return;
    }
    this.store.count('pagesScanned');
    this.pages.emit({ name, format, bytes });
  }

  private rejectedDir(): string {
    return this.config.rejectedDir ?? path.join(this.config.dir, '.rejected');
  }

  private async reject(name: string, file: string, code: HotFolderRejection['code']): Promise<void> {
    const dir = this.rejectedDir();
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await rename(file, path.join(dir, `${Date.now()}-${name}`)).catch(() => shredFile(file));
    this.store.count('filesRejected');
    this.rejections.emit({ name, code });
  }
}
