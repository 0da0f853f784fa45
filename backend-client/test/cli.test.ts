// The two CLIs as an operator runs them: `sandbox` (serve, stats) and `outbox` (submit-synthetic,
// status, drain, purge), as real child processes over loopback.
import { spawn, execFile } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openJournal } from '../src/outbox/journal';
import { createKeyFileProvider } from '../src/outbox/key-file-provider';
import { syntheticApplication } from '../src/outbox/synthetic';
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
const url = new Promise<string>((resolve, reject) => {
  createInterface({ input: server.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  server.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before it printed its URL`)));
});
/** Each CLI run is a fresh tsx start (seconds each on a loaded 2-core machine): a bound for the case that never matters. */
const CLI_CASE_MS = 600_000;
afterAll(() => void server.kill('SIGTERM'));

describe('CLIs', () => {
  it('submit-synthetic delivers N, a re-run resumes without duplicates, stats count them', async () => {
    const backend = await url;
    const first = await json(outboxCli, ['submit-synthetic', '--db', journalDb, '--backend', backend, '--count', '4']);
    expect(first).toMatchObject({ count: 4, created: 4, depth: 0 });
    const again = await json(outboxCli, ['submit-synthetic', '--db', journalDb, '--backend', backend, '--count', '6']);
    expect(again).toMatchObject({ count: 6, created: 2, depth: 0 });
    expect(await json(sandboxCli, ['stats', '--db', sandboxDb])).toMatchObject({ applications: 6, distinctSyntheticSeq: 6 });
    expect(await json(outboxCli, ['status', '--db', journalDb])).toMatchObject({ pending: 0, delivered: 6, failed: 0, quarantined: 0, depth: 0, byState: { accepted: 6 } });
    expect(await json(outboxCli, ['drain', '--db', journalDb, '--backend', backend])).toMatchObject({ depth: 0 });
    expect(await json(outboxCli, ['purge', '--db', journalDb, '--retention-hours', '0'])).toEqual({ purged: 6 });
  }, CLI_CASE_MS);

  it('status on a journal with an undecryptable row prints one JSON object counting it as quarantined', async () => {
    const db = join(tempDir('cli-status'), 'journal.db');
    const journal = await openJournal({ file: db, keyProvider: createKeyFileProvider(`${db}.key`) });
    for (const seq of [1, 2, 3]) {
      const { app, materials } = syntheticApplication(seq);
      await journal.enqueue(app, materials);
    }
    await journal.close();
    const raw = new Database(db);
    raw.prepare("UPDATE applications SET payload = randomblob(90) WHERE label = 'synthetic:2'").run();
    raw.close();
    const { stdout } = await run(tsx, [outboxCli, 'status', '--db', db]);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ pending: 2, delivered: 0, failed: 0, quarantined: 1, needsClerk: 0, depth: 2 });
  }, CLI_CASE_MS);
});
