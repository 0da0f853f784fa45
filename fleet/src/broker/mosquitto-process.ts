// Runs a real `mosquitto -c <conf>` as a child process: start on a port, wait until it accepts TCP, kill (SIGKILL,
// a power cut) or stop (SIGTERM, it saves its persistence file), start again on the same port, read its memory.
// Used by the security tests, the console's E2E (through fleet/test/support/mosquitto.ts) and the load test.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import net from 'node:net';

export const MOSQUITTO_BIN = '/usr/sbin/mosquitto';

/** A TCP port nobody listens on right now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/**
 * Started as root, mosquitto drops to the `mosquitto` account before it reads its files: hand it the broker's
 * folder (config, ACL, passwords, keys, persistence) so it can, rather than keep the broker running as root.
 */
export function handToBrokerAccount(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'mosquitto'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'mosquitto'], { encoding: 'utf8' }).trim());
  } catch {
    return; // no such account: mosquitto stays root itself
  }
  const walk = (p: string) => {
    chownSync(p, uid, gid);
    if (statSync(p).isDirectory()) for (const name of readdirSync(p)) walk(path.join(p, name));
  };
  walk(dir);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class MosquittoProcess {
  private child: ChildProcess | null = null;
  private stderr = '';

  constructor(
    readonly confFile: string,
    readonly port: number,
  ) {}

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the broker wrote to stderr (errors and warnings). */
  log(): string {
    return this.stderr;
  }

  async start(timeoutMs = 10_000): Promise<void> {
    if (this.running) return;
    const child = spawn(MOSQUITTO_BIN, ['-c', this.confFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => {
      this.stderr = (this.stderr + d).slice(-20_000);
    });
    const deadline = Date.now() + timeoutMs;
    while (!(await accepts(this.port))) {
      if (!this.running) throw new Error(`mosquitto exited at start (${child.exitCode ?? child.signalCode}): ${this.stderr.trim()}`);
      if (Date.now() > deadline) throw new Error(`mosquitto did not listen on ${this.port} within ${timeoutMs} ms: ${this.stderr.trim()}`);
      await pause(25);
    }
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }

  /** SIGKILL: nothing saved since the last autosave, like a power cut. */
  kill(): Promise<void> {
    return this.end('SIGKILL');
  }

  /** SIGTERM: mosquitto closes clients and writes its persistence file. */
  stop(): Promise<void> {
    return this.end('SIGTERM');
  }

  /** Resident memory of the broker process (bytes), from /proc. */
  rssBytes(): number | null {
    if (!this.pid) return null;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : null;
    } catch {
      return null;
    }
  }

  /** CPU time the broker used so far (user + system, ms), from /proc. */
  cpuMs(): number | null {
    if (!this.pid) return null;
    try {
      const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      return (ticks * 1000) / clockTicks();
    } catch {
      return null;
    }
  }
}

let ticksPerSecond: number | null = null;
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}
