// The agent's side of the root helper's narrow interface (packaging/linux/update-helper/protocol.ts is the root
// side; fleet/test/updates/update-install.test.ts runs the two together, the helper as its own process). Requests are dropped atomically into the spool
// folder a systemd .path unit watches; the answer appears as results/<id>.json in the helper's state folder. The
// agent never runs dpkg, pkexec or sudo.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { codedError } from '@easydo/device-drivers/device/coded-error';

export class HelperError extends codedError<'timeout' | 'badAnswer'>('HelperError') {}

export const HelperAnswer = z.object({ id: z.string(), ok: z.boolean(), code: z.string(), message: z.string(), installed: z.string().nullable(), at: z.string() });
export type HelperAnswer = z.infer<typeof HelperAnswer>;

const Held = z.object({ version: z.string(), file: z.string() });
/** What the agent reads of the helper's state (its file is world-readable). */
export const HelperStateView = z.object({
  good: Held.nullable(),
  pending: Held.extend({ deadline: z.number(), starts: z.number() }).nullable(),
  inFlight: z.object({ op: z.string(), version: z.string() }).nullable(),
  rolledBack: z.array(z.object({ version: z.string(), reason: z.string(), at: z.number() })),
});
export type HelperStateView = z.infer<typeof HelperStateView>;

export type InstallRequest = { file: string; version: string; size: number; sha512: string; signature: string; keyId: string };

export interface HelperPort {
  install(r: InstallRequest): Promise<HelperAnswer>;
  healthy(version: string): Promise<HelperAnswer>;
  rollback(reason: string): Promise<HelperAnswer>;
  state(): Promise<HelperStateView>;
}

export interface SpoolHelperOptions {
  spoolDir: string;
  stateDir: string;
  /** How long an answer may take (dpkg of a large package on a slow disk). */
  answerTimeoutMs?: number;
  pollMs?: number;
  /** Called after a request was dropped. Production: nothing (the .path unit reacts); tests run the helper here. */
  kick?: () => Promise<void>;
}

export class SpoolHelper implements HelperPort {
  constructor(private readonly o: SpoolHelperOptions) {}

  install(r: InstallRequest) {
    return this.ask({ op: 'install', ...r });
  }
  healthy(version: string) {
    return this.ask({ op: 'healthy', version });
  }
  rollback(reason: string) {
    return this.ask({ op: 'rollback', reason });
  }

  async state(): Promise<HelperStateView> {
    try {
      return HelperStateView.parse(JSON.parse(await readFile(join(this.o.stateDir, 'state.json'), 'utf8')));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { good: null, pending: null, inFlight: null, rolledBack: [] };
      throw new HelperError('badAnswer', `the helper's state does not read: ${(e as Error).message}`);
    }
  }

  private async ask(body: Record<string, unknown>): Promise<HelperAnswer> {
    const id = randomUUID();
    await mkdir(this.o.spoolDir, { recursive: true });
    // Sorted by name = handled in order: a time prefix keeps requests in the order they were made.
    const name = `${Date.now().toString().padStart(15, '0')}-${id}.json`;
    const tmp = join(this.o.spoolDir, `.${name}.tmp`);
    await writeFile(tmp, JSON.stringify({ id, ...body }), { mode: 0o640 });
    await rename(tmp, join(this.o.spoolDir, name));
    await this.o.kick?.();
    const resultPath = join(this.o.stateDir, 'results', `${id}.json`);
    const deadline = Date.now() + (this.o.answerTimeoutMs ?? 15 * 60_000);
    for (;;) {
      try {
        return HelperAnswer.parse(JSON.parse(await readFile(resultPath, 'utf8')));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new HelperError('badAnswer', `the helper's answer does not read: ${(e as Error).message}`);
      }
      if (Date.now() > deadline) throw new HelperError('timeout', 'the update helper did not answer');
      await new Promise((r) => setTimeout(r, this.o.pollMs ?? 250));
    }
  }
}
