// Hot folder for network scanners (scan-to-SMB/FTP): the scanner writes files into a directory, we
// pick up each one once it has stopped growing, check it is an image by its magic bytes, hand the
// bytes on and delete the file (scans are personal data). Polling rather than fs.watch because
// inotify does not see writes made through SMB/NFS mounts.
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DeviceService, DeviceSnapshot, Unsubscribe } from '../device/model';
import { Listeners } from '../device/listeners';
import { SnapshotStore } from '../device/snapshot-store';
import { sniffImageFormat, type ScanImageFormat } from './image-magic';

export const HotFolderConfigSchema = z.object({
  id: z.string().default('hotFolder'),
  dir: z.string().min(1),
  pollMs: z.number().int().positive().default(500),
  /** A file must keep the same size and mtime for this long before it is read. */
  stableMs: z.number().int().nonnegative().default(1000),
  maxBytes: z.number().int().positive().default(40 * 1024 * 1024),
  /** Rejected files are moved here (default `<dir>/.rejected`) for the maintainer, not left to loop. */
  rejectedDir: z.string().optional(),
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

interface Seen {
  size: number;
  mtimeMs: number;
  since: number;
}

// Partial uploads from scanners and copy tools.
const IGNORED = /^\.|\.(tmp|part|partial|crdownload|filepart)$|~$/i;

export class HotFolderSource implements DeviceService {
  readonly kind = 'scanner' as const;
  readonly id: string;
  private readonly config: z.output<typeof HotFolderConfigSchema>;
  private readonly store: SnapshotStore;
  private readonly pages = new Listeners<HotFolderPage>();
  private readonly rejections = new Listeners<HotFolderRejection>();
  private readonly seen = new Map<string, Seen>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;

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

  async start(): Promise<void> {
    this.store.setStatus('starting');
    try {
      const s = await stat(this.config.dir);
      if (!s.isDirectory()) throw new Error('not a directory');
    } catch {
      this.store.fail('noDevice', 'folderMissing', 'The hot folder does not exist');
      return;
    }
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
    for (const name of names) {
      const file = path.join(this.config.dir, name);
      const s = await stat(file).catch(() => null);
      if (!s?.isFile()) continue;
      const prev = this.seen.get(name);
      if (!prev || prev.size !== s.size || prev.mtimeMs !== s.mtimeMs) {
        this.seen.set(name, { size: s.size, mtimeMs: s.mtimeMs, since: now });
        if (this.config.stableMs > 0) continue;
      } else if (now - prev.since < this.config.stableMs) {
        continue;
      }
      this.seen.delete(name);
      await this.take(name, file, s.size);
    }
  }

  private async take(name: string, file: string, size: number): Promise<void> {
    if (size === 0) return this.reject(name, file, 'empty');
    if (size > this.config.maxBytes) return this.reject(name, file, 'tooLarge');
    const bytes = new Uint8Array(await readFile(file));
    const format = sniffImageFormat(bytes);
    if (!format) return this.reject(name, file, 'notAnImage');
    await unlink(file);
    this.store.count('pagesScanned');
    this.pages.emit({ name, format, bytes });
  }

  private async reject(name: string, file: string, code: HotFolderRejection['code']): Promise<void> {
    const dir = this.config.rejectedDir ?? path.join(this.config.dir, '.rejected');
    await mkdir(dir, { recursive: true });
    await rename(file, path.join(dir, `${Date.now()}-${name}`)).catch(() => unlink(file).catch(() => undefined));
    this.store.count('filesRejected');
    this.rejections.emit({ name, code });
  }
}
