// dpkg, non-interactively: never a prompt (stdin closed, conffiles kept), a timeout, and the installed version
// read back from dpkg's own database rather than assumed. No apt-get: the fleet's packages carry everything they
// need, and a package whose dependencies are missing fails here, before the old version is gone from the store.
import { spawn } from 'node:child_process';
import type { HelperConfig } from './protocol';

export interface RunResult {
  code: number | null;
  output: string;
}

function run(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    let output = '';
    const keep = (b: Buffer) => {
      output = (output + b.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, output: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** `args` spell --root=DIR / --admindir=DIR with `=`: those two are passed on to dpkg-query as well. */
export class Dpkg {
  constructor(private readonly config: HelperConfig['dpkg']) {}

  install(file: string): Promise<RunResult> {
    return run(this.config.command, [...this.config.args, '--force-confdef', '--force-confold', '--install', file], 10 * 60_000);
  }

  /** Finishes whatever a cut-off dpkg left unconfigured. */
  configurePending(): Promise<RunResult> {
    return run(this.config.command, [...this.config.args, '--configure', '--pending'], 10 * 60_000);
  }

  /** The installed version of `name`, or null when dpkg holds it as not (fully) installed. */
  async installedVersion(name: string): Promise<string | null> {
    const query = this.config.command === 'dpkg' ? 'dpkg-query' : `${this.config.command}-query`;
    const r = await run(query, [...this.config.args.filter((a) => a.startsWith('--root=') || a.startsWith('--admindir=')), '--show', '--showformat=${Status}\t${Version}', name], 60_000);
    if (r.code !== 0) return null;
    const [status, version] = r.output.trim().split('\t');
    return status === 'install ok installed' && version ? version : null;
  }
}

