// The two CLIs as an operator runs them: `sandbox` (serve, stats) and `outbox` (submit-synthetic,
// status, drain, purge), as real child processes over loopback.
import { spawn, execFile } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(repo, 'node_modules/.bin/tsx');
const sandboxCli = join(repo, 'backend-client/sandbox/cli.ts');
const outboxCli = join(repo, 'backend-client/src/outbox/cli.ts');
const json = async (file: string, args: string[]) => JSON.parse((await run(tsx, [file, ...args])).stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;

const dir = tempDir('cli');
const sandboxDb = join(dir, 'sandbox.db');
const journalDb = join(dir, 'journal.db');
const server = spawn(tsx, [sandboxCli, '--port', '0', '--db', sandboxDb], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = new Promise<string>((resolve) => {
  createInterface({ input: server.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
});
afterAll(() => void server.kill('SIGTERM'));

describe('CLIs', () => {
  it('submit-synthetic delivers N, a re-run resumes without duplicates, stats count them', async () => {
    const backend = await url;
    const first = await json(outboxCli, ['submit-synthetic', '--db', journalDb, '--backend', backend, '--count', '4']);
    expect(first).toMatchObject({ count: 4, created: 4, depth: 0 });
    const again = await json(outboxCli, ['submit-synthetic', '--db', journalDb, '--backend', backend, '--count', '6']);
    expect(again).toMatchObject({ count: 6, created: 2, depth: 0 });
    expect(await json(sandboxCli, ['stats', '--db', sandboxDb])).toMatchObject({ applications: 6, distinctSyntheticSeq: 6 });
    expect(await json(outboxCli, ['status', '--db', journalDb])).toMatchObject({ depth: 0, byState: { accepted: 6 } });
    expect(await json(outboxCli, ['drain', '--db', journalDb, '--backend', backend])).toMatchObject({ depth: 0 });
    expect(await json(outboxCli, ['purge', '--db', journalDb, '--retention-hours', '0'])).toEqual({ purged: 6 });
  });
});
