// A socat pseudo-terminal pair: the real OS serial path between a reader service and the simulator. Free of
// vitest, so the soak suite (scripts/soak) uses the very same pair the driver tests use.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  dir: string;
  /** Reader side. */
  a: string;
  /** Simulator side. */
  b: string;
  /** Kill socat: both paths vanish (like unplugging a USB reader). */
  stop(): Promise<void>;
  /** Start socat again with the same link names. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** `socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B` in a temp dir. Fails (never skips) without socat. */
export async function createPtyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'idcard-pty-'));
  const a = join(dir, 'A');
  const b = join(dir, 'B');
  let proc: ChildProcess | null = null;

  const start = async () => {
    const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    proc = child;
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.once('error', (err) => reject(new Error(`socat is required for the pty tests (apt-get install socat): ${err.message}`)));
      const deadline = Date.now() + 5000;
      const poll = () => {
        if (/starting data transfer loop/.test(stderr) && existsSync(a) && existsSync(b)) return resolve();
        if (child.exitCode !== null) return reject(new Error(`socat exited: ${stderr}`));
        if (Date.now() > deadline) return reject(new Error(`socat did not start: ${stderr}`));
        setTimeout(poll, 10);
      };
      poll();
    });
  };

  const stop = async () => {
    const child = proc;
    proc = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  };

  await start();
  return {
    dir,
    a,
    b,
    start,
    stop,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
