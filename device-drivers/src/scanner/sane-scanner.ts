// SANE scanner through the `scanimage` CLI in a child process (no maintained Node SANE binding
// exists; scanservjs and others do the same). Flatbed = one page; ADF = `--batch` until the feeder
// is empty. A private SANE_CONFIG_DIR lists only the configured backends, so device discovery does
// not probe every backend on the system (seconds with net/USB backends).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DeviceCancelledError, DeviceTimeoutError, type DeviceService, type DeviceSnapshot, type Unsubscribe } from '../device/model';
import { SnapshotStore } from '../device/snapshot-store';
import { ScannerError, scannerErrorFrom, statusFor } from './errors';
import { sniffImageFormat, type ScanImageFormat } from './image-magic';

export const SaneScannerConfigSchema = z.object({
  id: z.string().default('scanner'),
  /** SANE device name, e.g. `epson2:net:10.0.0.5` or `test`. */
  device: z.string().min(1),
  source: z.enum(['flatbed', 'adf']).default('flatbed'),
  resolution: z.number().int().min(50).max(1200).default(300),
  mode: z.enum(['Gray', 'Color', 'Lineart']).default('Gray'),
  /** Backends written into the private dll.conf; their /etc/sane.d/<name>.conf is copied along. */
  backends: z.array(z.string().regex(/^[a-z0-9_]+$/)).default(['test']),
  scanimagePath: z.string().default('scanimage'),
  /** Extra scanimage arguments (e.g. test-backend options, `-x 210 -y 297`). */
  extraArgs: z.array(z.string()).default([]),
  timeoutMs: z.number().int().positive().default(120_000),
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

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

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
      mode: this.config.mode,
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
    return r.stdout.split('\n').filter(Boolean);
  }

  /** Scans one flatbed page or an ADF batch. Throws ScannerError (with pagesScanned) on jams etc. */
  async scan(options: ScanOptions = {}): Promise<ScannedPage[]> {
    if (this.scanning) throw new ScannerError('busy', 'A scan is already running');
    this.scanning = true;
    this.store.setStatus('busy');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'easydo-scan-'));
    try {
      const source = options.source ?? this.config.source;
      const args = [
        '-d', this.config.device,
        '--format=png',
        '--resolution', String(this.config.resolution),
        '--mode', this.config.mode,
        ...(this.config.source !== source || source === 'adf' ? ['--source', SANE_SOURCE[source]] : []),
        ...this.config.extraArgs,
      ];
      if (source === 'adf') args.push(`--batch=${path.join(dir, 'p%03d.png')}`, `--batch-count=${this.config.maxPages}`);
      else args.push('-o', path.join(dir, 'p001.png'));
      const r = await this.run(args, this.config.timeoutMs, options.signal);
      const pages = await this.collect(dir);
      // ADF: "out of documents" after at least one page is the normal end of a batch.
      const feederEmptied = source === 'adf' && pages.length > 0 && /out of documents/i.test(r.stderr);
      if (r.code !== 0 && !feederEmptied) throw scannerErrorFrom(r.code, r.stderr, pages.length);
      if (pages.length === 0) throw new ScannerError('scanFailed', 'The scanner returned no image');
      this.store.count('pagesScanned', pages.length);
      this.store.update({ status: 'online', lastError: null });
      return pages;
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
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async collect(dir: string): Promise<ScannedPage[]> {
    const names = (await readdir(dir)).filter((n) => /^p\d{3}\.png$/.test(n)).sort();
    const pages: ScannedPage[] = [];
    for (const name of names) {
      const bytes = new Uint8Array(await readFile(path.join(dir, name)));
      const format = sniffImageFormat(bytes);
      // scanimage leaves a truncated file when a read fails mid-page; it is not a page.
      if (!format || bytes.length < 64) continue;
      pages.push({ index: pages.length + 1, format, bytes });
    }
    return pages;
  }

  private run(args: string[], timeoutMs: number, signal?: AbortSignal): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new DeviceCancelledError('scan'));
      const env = { ...process.env, ...(this.configDir ? { SANE_CONFIG_DIR: this.configDir } : {}) };
      const child = spawn(this.config.scanimagePath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGTERM');
        reject(new DeviceTimeoutError('scan', timeoutMs));
      }, timeoutMs);
      const onAbort = (): void => {
        child.kill('SIGTERM');
        reject(new DeviceCancelledError('scan'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      child.on('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(err.code === 'ENOENT' ? new ScannerError('notInstalled', 'scanimage (sane-utils) is not installed') : err);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve({ code, stdout, stderr });
      });
    });
  }
}
