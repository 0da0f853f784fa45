// SANE scanner through the `scanimage` CLI in a child process (no maintained Node SANE binding
// exists; scanservjs and others do the same). Flatbed = one page read from stdout (no file on disk);
// ADF = `--batch` pages in a private folder until the feeder is empty. A private SANE_CONFIG_DIR lists
// only the configured backends, so device discovery does not probe every backend on the system.
// scanimage can hang (see watched-process.ts): a no-progress watchdog kills it, the result is a typed
// `scannerHung`, and a scan that delivered nothing yet is tried once more.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { DeviceService, DeviceSnapshot, Unsubscribe } from '../device/model';
import { SnapshotStore } from '../device/snapshot-store';
import { ScannerError, reportedErrorCode, scannerError, scannerErrorFrom, statusFor } from './errors';
import { sniffImageFormat, type ScanImageFormat } from './image-magic';
import { makePrivateDir, sweepStaleDirs, tempRoot } from './private-temp';
import { runWatched, type WatchedRunResult } from './watched-process';

export const SaneScannerConfigSchema = z.object({
  id: z.string().default('scanner'),
  /** SANE device name, e.g. `epson2:net:10.0.0.5` or `test`. */
  device: z.string().min(1),
  source: z.enum(['flatbed', 'adf']).default('flatbed'),
  resolution: z.number().int().min(50).max(1200).default(300),
  /** Absent: no --mode, the device's own (for backends without the option, e.g. `pnm`). */
  mode: z.enum(['Gray', 'Color', 'Lineart']).optional(),
  /** Backends written into the private dll.conf; their /etc/sane.d/<name>.conf is copied along. */
  backends: z.array(z.string().regex(/^[a-z0-9_]+$/)).default(['test']),
  scanimagePath: z.string().default('scanimage'),
  /** Extra scanimage arguments (e.g. test-backend options, `-x 210 -y 297`). */
  extraArgs: z.array(z.string()).default([]),
  timeoutMs: z.number().int().positive().default(120_000),
  /** No new byte, page or message for this long → the scan is declared hung (lamp warm-up on big flatbeds takes ~20 s). */
  stallMs: z.number().int().positive().default(30_000),
  /** Extra environment for scanimage (e.g. SANE_DEBUG_<backend> while diagnosing). */
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).default({}),
  /** Upper bound on ADF pages per batch. */
  maxPages: z.number().int().positive().default(50),
});
export type SaneScannerConfig = z.input<typeof SaneScannerConfigSchema>;

export interface ScannedPage {
  index: number;
  format: ScanImageFormat;
  bytes: Uint8Array;
}

export interface ScanOptions {
  signal?: AbortSignal;
  /** Override the configured source for this scan. */
  source?: 'flatbed' | 'adf';
}

const SANE_SOURCE = { flatbed: 'Flatbed', adf: 'Automatic Document Feeder' } as const;

/** Creates (once per backend set) a SANE config dir holding dll.conf with only those backends. */
export async function privateSaneConfigDir(backends: readonly string[], systemDir = '/etc/sane.d'): Promise<string> {
  const key = createHash('sha256').update(backends.join(',')).digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `easydo-sane-${key}`);
  await mkdir(dir, { recursive: true });
  for (const b of backends) {
    const conf = path.join(systemDir, `${b}.conf`);
    if (existsSync(conf)) await copyFile(conf, path.join(dir, `${b}.conf`));
  }
  await writeFile(path.join(dir, 'dll.conf'), `${backends.join('\n')}\n`);
  return dir;
}

const WORK_PREFIX = 'easydo-scan';

/** A PNG is complete once its IEND chunk (with its fixed CRC) is the last thing in it. */
export function isCompletePng(bytes: Uint8Array): boolean {
  const iend = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
  return bytes.length > 20 && iend.every((v, k) => bytes[bytes.length - 12 + k] === v);
}

type Attempt = { kind: 'done'; pages: ScannedPage[] } | { kind: 'hung'; pagesDone: number; outputBytes: number };

export class SaneScanner implements DeviceService {
  readonly kind = 'scanner' as const;
  readonly id: string;
  private readonly config: z.output<typeof SaneScannerConfigSchema>;
  private readonly store: SnapshotStore;
  private configDir: string | null = null;
  private scanning = false;

  constructor(config: SaneScannerConfig) {
    this.config = SaneScannerConfigSchema.parse(config);
    this.id = this.config.id;
    this.store = new SnapshotStore(this.id, 'scanner', {
      adf: this.config.source === 'adf',
      resolution: this.config.resolution,
      mode: this.config.mode ?? 'device',
    });
  }

  snapshot(): DeviceSnapshot {
    return this.store.get();
  }

  onChange(listener: (snapshot: DeviceSnapshot) => void): Unsubscribe {
    return this.store.onChange(listener);
  }

  async start(): Promise<void> {
    this.store.setStatus('starting');
    // Batch pages a crashed or killed run left behind are a resident's paper: delete them first.
    for (const root of new Set([tempRoot(), os.tmpdir()])) await sweepStaleDirs(WORK_PREFIX, { root, legacyOlderThanMs: 60 * 60_000 });
    this.configDir = await privateSaneConfigDir(this.config.backends);
    const r = await this.run(['--version'], 10_000).catch(() => null);
    if (!r || r.code !== 0) {
      this.store.fail('noDevice', 'notInstalled', 'scanimage (sane-utils) is not installed');
      return;
    }
    this.store.update({ status: 'online', detail: { ...this.store.get().detail, device: this.config.device } });
  }

  async stop(): Promise<void> {
    this.store.setStatus('offline');
  }

  /** Device names `scanimage -L` reports with the private backend list. */
  async listDevices(): Promise<string[]> {
    const r = await this.run(['-f', '%d%n'], 30_000);
    return r.stdout.toString().split('\n').filter(Boolean);
  }

  /** Scans one flatbed page or an ADF batch. Throws ScannerError (with pagesScanned) on jams etc. */
  async scan(options: ScanOptions = {}): Promise<ScannedPage[]> {
    if (this.scanning) throw new ScannerError('busy', 'A scan is already running');
    this.scanning = true;
    this.store.setStatus('busy');
    try {
      const source = options.source ?? this.config.source;
      for (let attempt = 1; ; attempt++) {
        const outcome = await this.attempt(source, options.signal);
        if (outcome.kind === 'done') {
          this.store.count('pagesScanned', outcome.pages.length);
          this.store.update({ status: 'online', lastError: null });
          return outcome.pages;
        }
        // Retry only when nothing came out yet: on the glass the page is still there; in a feeder, a sheet
        // that produced bytes has moved and a second run would silently skip it.
        const safe = outcome.pagesDone === 0 && (source === 'flatbed' || outcome.outputBytes === 0);
        if (attempt === 1 && safe) {
          this.store.count('scanRetries');
          continue;
        }
        throw scannerError('scannerHung', outcome.pagesDone);
      }
    } catch (err) {
      if (err instanceof ScannerError) {
        this.store.fail(statusFor(err.code), err.code, err.message);
        this.store.count(`${err.code}Events`);
      } else {
        this.store.setStatus('online');
      }
      throw err;
    } finally {
      this.scanning = false;
    }
  }

  private async attempt(source: 'flatbed' | 'adf', signal?: AbortSignal): Promise<Attempt> {
    const args = [
      '-d', this.config.device,
      '--format=png',
      '--resolution', String(this.config.resolution),
      ...(this.config.mode ? ['--mode', this.config.mode] : []),
      ...(this.config.source !== source || source === 'adf' ? ['--source', SANE_SOURCE[source]] : []),
      ...this.config.extraArgs,
    ];
    // Flatbed: the page comes on stdout and never touches the disk. ADF: scanimage needs files.
    const dir = source === 'adf' ? await makePrivateDir(WORK_PREFIX) : null;
    try {
      if (dir) args.push(`--batch=${path.join(dir, 'p%03d.png')}`, `--batch-count=${this.config.maxPages}`);
      const r = await runWatched(this.config.scanimagePath, args, {
        env: this.env(),
        timeoutMs: this.config.timeoutMs,
        stallMs: this.config.stallMs,
        ...(dir ? { watchDir: dir } : {}),
        ...(signal ? { signal } : {}),
      }).catch((err: NodeJS.ErrnoException) => {
        throw err.code === 'ENOENT' ? new ScannerError('notInstalled', 'scanimage (sane-utils) is not installed') : err;
      });
      const pages = dir ? await this.collect(dir) : this.fromStdout(r.stdout);
      if (r.stalled) this.store.count('stallsDetected');
      return this.judge(source, r, pages);
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  }

  /** What a finished (or killed) run means. scanimage prints a failure before it tears the scan down, and a hang in that teardown does not change what it said. */
  private judge(source: 'flatbed' | 'adf', r: WatchedRunResult, pages: ScannedPage[]): Attempt {
    // ADF: "out of documents" after at least one page is the normal end of a batch.
    const feederEmptied = source === 'adf' && pages.length > 0 && /out of documents/i.test(r.stderr);
    if (r.stalled) {
      if (feederEmptied) return { kind: 'done', pages };
      if (reportedErrorCode(r.stderr)) throw scannerErrorFrom(null, r.stderr, pages.length);
      // Flatbed: a complete image came out before the teardown hung.
      if (source === 'flatbed' && pages.length === 1) return { kind: 'done', pages };
      return { kind: 'hung', pagesDone: pages.length, outputBytes: r.outputBytes };
    }
    if (r.code !== 0 && !feederEmptied) throw scannerErrorFrom(r.code, r.stderr, pages.length);
    if (pages.length === 0) throw new ScannerError('scanFailed', 'The scanner returned no image');
    return { kind: 'done', pages };
  }

  private fromStdout(bytes: Buffer): ScannedPage[] {
    const page = new Uint8Array(bytes);
    const format = sniffImageFormat(page);
    if (format !== 'png' || !isCompletePng(page)) return [];
    return [{ index: 1, format, bytes: page }];
  }

  private async collect(dir: string): Promise<ScannedPage[]> {
    const names = (await readdir(dir)).filter((n) => /^p\d{3}\.png$/.test(n)).sort();
    const pages: ScannedPage[] = [];
    for (const name of names) {
      const bytes = new Uint8Array(await readFile(path.join(dir, name)));
      const format = sniffImageFormat(bytes);
      // scanimage leaves a truncated file when a read fails mid-page; it is not a page.
      if (format !== 'png' || !isCompletePng(bytes)) continue;
      pages.push({ index: pages.length + 1, format, bytes });
    }
    return pages;
  }

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, ...this.config.env, ...(this.configDir ? { SANE_CONFIG_DIR: this.configDir } : {}) };
  }

  private async run(args: string[], timeoutMs: number): Promise<WatchedRunResult> {
    return runWatched(this.config.scanimagePath, args, { env: this.env(), timeoutMs, stallMs: timeoutMs });
  }
}
