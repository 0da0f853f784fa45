// Builds the Electron main bundle exactly as kiosk/scripts/build-electron.mjs ships it (into a folder of its own, so
// parallel tests never race over kiosk/out), bundles the fake `electron`, and runs the real main in a child
// process: `node --require register.cjs main.cjs ARGS…`. Used by the tests and by `npm run electron-smoke`.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { FakeCommand, FakeReport, FakeState } from './protocol';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../../..');
const KIOSK_DIR = path.join(REPO_ROOT, 'kiosk');

export interface FakeElectronBuild {
  dir: string;
  mainPath: string;
  registerPath: string;
  remove(): void;
}

/** Under the repository's node_modules, so the bundle's require('better-sqlite3') and friends resolve as in kiosk/out. */
export async function buildFakeElectronMain(): Promise<FakeElectronBuild> {
  const cache = path.join(REPO_ROOT, 'node_modules', '.cache', 'easydo-fake-electron');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'build-'));
  const out = path.join(dir, 'out');
  execFileSync(process.execPath, [path.join(KIOSK_DIR, 'scripts', 'build-electron.mjs')], {
    cwd: REPO_ROOT,
    env: { ...process.env, EASYDO_ELECTRON_OUT: out },
    stdio: 'pipe',
  });
  const fake = path.join(dir, 'fake');
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' } as const;
  await build({ ...common, entryPoints: [path.join(here, 'electron.ts')], outfile: path.join(fake, 'electron.cjs') });
  await build({ ...common, entryPoints: [path.join(here, 'register.ts')], outfile: path.join(fake, 'register.cjs') });
  return {
    dir,
    mainPath: path.join(out, 'main.cjs'),
    registerPath: path.join(fake, 'register.cjs'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface LaunchOptions {
  args: string[];
  /** EASYDO_DATA_DIR of the child (the packaging command lines pass no --data-dir). Default: a fresh temp folder. */
  dataDir?: string;
  packaged?: boolean;
  displays?: 1 | 2;
  safeStorageBackend?: string;
  encryptionAvailable?: boolean;
  env?: Record<string, string>;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class FakeElectronRun {
  readonly reports: FakeReport[] = [];
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;
  exit: Exit | null = null;
  private nextRequest = 1;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly child: ChildProcess,
    readonly dataDir: string,
  ) {
    child.stdout?.on('data', (d) => {
      this.stdout += String(d);
      this.wake();
    });
    child.stderr?.on('data', (d) => {
      this.stderr += String(d);
    });
    child.on('message', (message: FakeReport) => {
      this.reports.push(message);
      this.wake();
    });
    this.exited = new Promise((resolve) => {
      // 'close', not 'exit': every report and every byte of output has arrived by then.
      child.on('close', (code, signal) => {
        this.exit = { code, signal };
        this.wake();
        resolve(this.exit);
      });
    });
  }

  /** The first report (past or future) that matches; rejects if the process ends without one. */
  waitFor<R extends FakeReport>(what: string, match: (r: FakeReport) => r is R): Promise<R>;
  waitFor(what: string, match: (r: FakeReport) => boolean): Promise<FakeReport>;
  waitFor(what: string, match: (r: FakeReport) => boolean, from = 0): Promise<FakeReport> {
    return this.until(what, () => this.reports.slice(from).find(match));
  }

  /** Waits for a line of the main's stdout that matches. */
  waitForLine(pattern: RegExp): Promise<RegExpMatchArray> {
    return this.until(`stdout ${pattern}`, () => this.stdout.match(pattern) ?? undefined);
  }

  reportsOf<T extends FakeReport['type']>(type: T): Array<Extract<FakeReport, { type: T }>> {
    return this.reports.filter((r): r is Extract<FakeReport, { type: T }> => r.type === type);
  }

  async request<T = unknown>(command: FakeCommand): Promise<T> {
    const requestId = this.nextRequest++;
    this.child.send({ ...command, requestId });
    const reply = await this.waitFor(`reply to ${command.type}`, (r) => r.type === 'reply' && r.requestId === requestId);
    if (reply.type !== 'reply') throw new Error('unreachable');
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as T;
  }

  state(): Promise<FakeState> {
    return this.request<FakeState>({ type: 'state' });
  }

  invoke<T = unknown>(webContentsId: number, channel: string, payload: unknown, frameUrl?: string): Promise<T> {
    return this.request<T>({ type: 'invoke', webContentsId, channel, payload, ...(frameUrl ? { frameUrl } : {}) });
  }

  /** SIGTERM, as systemd stops the service; resolves with how the process ended. */
  async stop(): Promise<Exit> {
    if (!this.exit) this.child.kill('SIGTERM');
    return this.exited;
  }

  private until<T>(what: string, probe: () => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = probe();
        if (found !== undefined) {
          this.waiters.delete(check);
          resolve(found);
        } else if (this.exit) {
          this.waiters.delete(check);
          reject(new Error(`electron main ended (${JSON.stringify(this.exit)}) before ${what}\n${this.stderr.slice(-2000)}`));
        }
      };
      this.waiters.add(check);
      check();
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

export function launchFakeElectron(built: FakeElectronBuild, options: LaunchOptions): FakeElectronRun {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'easydo-electron-data-'));
  // Options win; otherwise what the caller's environment says (e.g. FAKE_ELECTRON_SAFE_STORAGE_BACKEND for the smoke run).
  const env: Record<string, string> = {
    FAKE_ELECTRON_DISPLAYS: '2',
    ...(process.env as Record<string, string>),
    EASYDO_DATA_DIR: dataDir,
    FAKE_ELECTRON_APP_PATH: KIOSK_DIR,
    FAKE_ELECTRON_USER_DATA: path.join(dataDir, 'electron-user-data'),
    ...(options.displays ? { FAKE_ELECTRON_DISPLAYS: String(options.displays) } : {}),
    ...(options.packaged !== undefined ? { FAKE_ELECTRON_PACKAGED: options.packaged ? '1' : '0' } : {}),
    ...(options.safeStorageBackend ? { FAKE_ELECTRON_SAFE_STORAGE_BACKEND: options.safeStorageBackend } : {}),
    ...(options.encryptionAvailable !== undefined ? { FAKE_ELECTRON_ENCRYPTION_AVAILABLE: options.encryptionAvailable ? '1' : '0' } : {}),
    ...options.env,
  };
  delete env.NODE_OPTIONS; // the packaged app has the NODE_OPTIONS fuse off; a test runner's options must not leak in
  const child = fork(built.mainPath, options.args, {
    execArgv: ['--require', built.registerPath],
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  return new FakeElectronRun(child, dataDir);
}
