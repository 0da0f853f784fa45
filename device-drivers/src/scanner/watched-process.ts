// Runs a scanner CLI (scanimage) with a no-progress watchdog. Progress is any new byte on stdout or stderr, or a
// change in the folder the process writes pages into. When nothing moves for `stallMs`, the whole process group
// is killed (SIGTERM, then SIGKILL): a hung scanimage does not answer SIGTERM, and a wrapper's children would
// otherwise keep the pipes open so the run never ends.
//
// Why scanimage hangs at all: libsane's sanei_thread cancels a backend's reader thread with an *asynchronous*
// pthread_cancel. If the cancel lands while the reader is inside malloc/free (the SANE test backend frees its
// picture buffer exactly when the last bytes are read), the arena lock stays held and the thread's exit
// deadlocks on it, so pthread_join in sane_read/sane_cancel waits forever (seen with gdb: main thread in
// sanei_thread_waitpid, reader in tcache_thread_shutdown). It is timing-dependent and not ours to fix.
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DeviceCancelledError, DeviceTimeoutError } from '../device/model';

export interface WatchedRunOptions {
  env: NodeJS.ProcessEnv;
  /** Overall limit (a device that keeps trickling bytes still ends). */
  timeoutMs: number;
  /** No progress for this long → killed, `stalled: true`. */
  stallMs: number;
  /** A folder whose file names and sizes count as progress (ADF batch pages). */
  watchDir?: string;
  signal?: AbortSignal;
}

export interface WatchedRunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  /** The watchdog killed it. */
  stalled: boolean;
  /** Bytes seen on stdout plus bytes in the watched folder at the last look. */
  outputBytes: number;
}

async function folderSignature(dir: string): Promise<{ sig: string; bytes: number }> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let bytes = 0;
  const parts: string[] = [];
  for (const name of names.sort()) {
    const size = (await stat(path.join(dir, name)).catch(() => null))?.size ?? 0;
    bytes += size;
    parts.push(`${name}:${size}`);
  }
  return { sig: parts.join('/'), bytes };
}

/** Resolves when the process (and its group) is gone; rejects with notInstalled-style spawn errors, timeouts, aborts. */
export function runWatched(command: string, args: string[], options: WatchedRunOptions): Promise<WatchedRunResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new DeviceCancelledError('scan'));
    // Own process group, so one signal reaches scanimage and anything it (or a wrapper) started.
    const child = spawn(command, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let folderBytes = 0;
    let stderr = '';
    let lastProgress = performance.now();
    let lastSig = '';
    let stalled = false;
    let failure: Error | null = null;
    let killTimer: NodeJS.Timeout | null = null;

    const signalGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    const killGroup = (): void => {
      if (killTimer) return;
      signalGroup('SIGTERM');
      killTimer = setTimeout(() => signalGroup('SIGKILL'), 1000);
    };

    child.stdout.on('data', (d: Buffer) => {
      stdout.push(d);
      stdoutBytes += d.length;
      lastProgress = performance.now();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      lastProgress = performance.now();
    });

    let checking = false;
    const watchdog = setInterval(
      () => {
        if (checking || killTimer) return;
        checking = true;
        void (async () => {
          if (options.watchDir) {
            const { sig, bytes } = await folderSignature(options.watchDir);
            folderBytes = bytes;
            if (sig !== lastSig) {
              lastSig = sig;
              lastProgress = performance.now();
            }
          }
          if (performance.now() - lastProgress >= options.stallMs) {
            stalled = true;
            killGroup();
          }
        })().finally(() => (checking = false));
      },
      Math.max(50, Math.min(1000, Math.floor(options.stallMs / 4))),
    );
    const timeout = setTimeout(() => {
      failure = new DeviceTimeoutError('scan', options.timeoutMs);
      killGroup();
    }, options.timeoutMs);
    const onAbort = (): void => {
      failure = new DeviceCancelledError('scan');
      killGroup();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const cleanup = (): void => {
      clearInterval(watchdog);
      clearTimeout(timeout);
      if (killTimer) clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (err) => {
      cleanup();
      reject(err);
    });
    // A killed group closes its pipes; if something outside it still holds them, stop waiting for them.
    child.on('exit', () => {
      if (killTimer) setTimeout(() => (child.stdout.destroy(), child.stderr.destroy()), 500).unref();
    });
    child.on('close', (code) => {
      cleanup();
      // Whatever of a killed group outlived its leader (a helper that ignored SIGTERM) goes now.
      if (killTimer) signalGroup('SIGKILL');
      if (failure) return reject(failure);
      resolve({ code, stdout: Buffer.concat(stdout), stderr, stalled, outputBytes: stdoutBytes + folderBytes });
    });
  });
}
