// The app module: lifecycle (ready after the main script's first turn, before-quit / will-quit / quit, exit),
// the single-instance lock (a SingletonLock symlink in userData naming host and pid, as Chromium keeps it),
// getPath, getVersion and isPackaged; and process.argv in Electron's shape for an unpackaged or packaged run.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { env, exitProcess, fakeEvent, markReady, onExit, packaged, ready, report, userDataDir } from './runtime';
import { FakeBrowserWindow, onLastWindowClosed } from './windows';

// Electron: packaged, argv is [exe, ...args]; unpackaged (`electron <app> ...args`), [exe, <app>, ...args] and
// process.defaultApp is true. Under Node the child runs `node main.cjs ...args`: already the unpackaged shape.
if (packaged) process.argv.splice(1, 1);
else (process as { defaultApp?: boolean }).defaultApp = true;
(process as { type?: string }).type = 'browser';

function findAppPath(): string {
  if (env.FAKE_ELECTRON_APP_PATH) return path.resolve(env.FAKE_ELECTRON_APP_PATH);
  let dir = path.dirname(path.resolve(require.main?.filename ?? process.argv[1] ?? '.'));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const appPath = findAppPath();
const manifest = (() => {
  try {
    return JSON.parse(readFileSync(path.join(appPath, 'package.json'), 'utf8')) as { name?: string; productName?: string; version?: string };
  } catch {
    return {};
  }
})();

let quitting = false;
let lockPath: string | null = null;

class FakeApp extends EventEmitter {
  readonly isPackaged = packaged;
  readonly commandLine = {
    switches: new Map<string, string>(),
    appendSwitch: (name: string, value = '') => void this.commandLine.switches.set(name, value),
    appendArgument: () => undefined,
    hasSwitch: (name: string) => this.commandLine.switches.has(name),
    getSwitchValue: (name: string) => this.commandLine.switches.get(name) ?? '',
    removeSwitch: (name: string) => void this.commandLine.switches.delete(name),
  };

  private readonly readyPromise = new Promise<void>((resolve) => {
    // Electron emits 'ready' once the main script's synchronous part has run.
    setImmediate(() => {
      markReady();
      this.emit('will-finish-launching');
      this.emit('ready', fakeEvent(), {});
      report({ type: 'ready' });
      resolve();
    });
  });

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return ready();
  }

  getAppPath(): string {
    return appPath;
  }

  getName(): string {
    return manifest.productName ?? manifest.name ?? 'Electron';
  }

  getVersion(): string {
    return manifest.version ?? '0.0.0';
  }

  getLocale(): string {
    return 'zh-CN';
  }

  getPath(name: string): string {
    const paths: Record<string, string> = {
      userData: userDataDir,
      appData: path.dirname(userDataDir),
      sessionData: userDataDir,
      logs: path.join(userDataDir, 'logs'),
      temp: os.tmpdir(),
      home: os.homedir(),
      exe: process.execPath,
      module: process.execPath,
      crashDumps: path.join(userDataDir, 'Crashpad'),
    };
    const found = paths[name];
    if (!found) throw new Error(`Failed to get '${name}' path`);
    return found;
  }

  /** Chromium's process singleton: a SingletonLock symlink "<host>-<pid>"; a lock of a dead process is taken over. */
  requestSingleInstanceLock(): boolean {
    const file = path.join(userDataDir, 'SingletonLock');
    const mine = `${os.hostname()}-${process.pid}`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        symlinkSync(mine, file);
        lockPath = file;
        return true;
      } catch {
        let holder = '';
        try {
          holder = readlinkSync(file);
        } catch {
          continue;
        }
        if (holder === mine) return true;
        const pid = Number(holder.split('-').pop());
        if (alive(pid)) return false;
        try {
          unlinkSync(file);
        } catch {
          // Another process took it over first; the next attempt decides.
        }
      }
    }
    return false;
  }

  hasSingleInstanceLock(): boolean {
    return lockPath !== null;
  }

  releaseSingleInstanceLock(): void {
    releaseLock();
  }

  /** Closes every window (each may refuse); then will-quit and quit, and the process ends with 0. */
  quit(): void {
    if (quitting) return;
    const before = fakeEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    quitting = true;
    for (const window of FakeBrowserWindow.getAllWindows()) window.close();
    if (FakeBrowserWindow.getAllWindows().length > 0) {
      quitting = false; // a window prevented its close: Electron cancels the quit
      return;
    }
    const will = fakeEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) {
      quitting = false;
      return;
    }
    this.emit('quit', fakeEvent(), 0);
    report({ type: 'quit' });
    exitProcess(0);
  }

  /** Exits at once: no before-quit or will-quit, windows are not asked. */
  exit(code = 0): void {
    exitProcess(code);
  }

  relaunch(): void {}
  focus(): void {}
  setAppUserModelId(): void {}
  disableHardwareAcceleration(): void {}
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseLock(): void {
  if (!lockPath) return;
  try {
    unlinkSync(lockPath);
  } catch {
    // Already gone.
  }
  lockPath = null;
}
onExit(releaseLock);

export const app = new FakeApp();

// All windows closed and not quitting: window-all-closed, or quit when nobody listens (Electron's default).
onLastWindowClosed(() => {
  if (quitting) return;
  if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
  else app.quit();
});
