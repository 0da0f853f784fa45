// A socat pseudo-terminal pair for the soak (the tests have their own in device-drivers/test): two linked
// paths that vanish when socat stops, like a USB serial reader pulled out, and return when it starts again.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SoakPty {
  /** Reader side. */
  a: string;
  /** Simulator side. */
  b: string;
  unplug(): Promise<void>;
  plug(): Promise<void>;
  dispose(): Promise<void>;
}

export async function createSoakPty(): Promise<SoakPty> {
  const dir = mkdtempSync(path.join(tmpdir(), 'easydo-soak-pty-'));
  const a = path.join(dir, 'A');
  const b = path.join(dir, 'B');
  let proc: ChildProcess | null = null;

  const plug = async () => {
    const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    proc = child;
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.once('error', (err) => reject(new Error(`socat is required (apt-get install socat): ${err.message}`)));
      const deadline = Date.now() + 5000;
      const poll = () => {
        if (/starting data transfer loop/.test(stderr) && existsSync(a) && existsSync(b)) return resolve();
        if (child.exitCode !== null) return reject(new Error(`socat exited: ${stderr}`));
        if (Date.now() > deadline) return reject(new Error(`socat did not start: ${stderr}`));
        setTimeout(poll, 2);
      };
      poll();
    });
  };

  const unplug = async () => {
    const child = proc;
    proc = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  };

  await plug();
  return {
    a,
    b,
    plug,
    unplug,
    async dispose() {
      await unplug();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
