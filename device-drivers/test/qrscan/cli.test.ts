// `npm run qrscan -- simulate` on one end of a socat pty pair, `read --json` on the other, as separate
// processes: one JSON object with the code, or a non-zero exit with the typed reason for junk.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPtyPair, type PtyPair } from '../idcard/pty-pair';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'device-drivers/src/qrscan/cli/main.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `read`, and once it says it is waiting, runs `then` (what the simulator shows). */
function read(args: string[], then: () => Promise<unknown> = async () => undefined): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'read', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    let started = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!started && stderr.includes('waiting for a code')) {
        started = true;
        then().catch(fail);
      }
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm run qrscan -- read / simulate over a pty pair', () => {
  let pty: PtyPair;
  let sim: ChildProcessWithoutNullStreams;
  const waiters: ((line: string) => void)[] = [];
  const tell = (line: string) =>
    new Promise<string>((answer) => {
      waiters.push(answer);
      sim.stdin.write(line + '\n');
    });

  beforeAll(async () => {
    pty = await createPtyPair();
    sim = spawn(process.execPath, ['--import', 'tsx', CLI, 'simulate', '--port', pty.b, '--suffix', 'crlf', '--chunk', '7'], { cwd: ROOT });
    const lines = createInterface({ input: sim.stdout });
    await new Promise<void>((ready) =>
      lines.on('line', (line) => {
        if (line.startsWith('simulating')) ready();
        else if (/^(ok|error)/.test(line)) waiters.shift()?.(line);
      }),
    );
  });
  afterAll(async () => {
    sim.stdin.write('quit\n');
    await new Promise((r) => sim.once('close', r));
    await pty.dispose();
  });

  it('prints one JSON object with the code (UTF-8, sent in 7-byte pieces)', async () => {
    const run = await read(['--port', pty.a, '--suffix', 'crlf', '--json'], () => tell('show 粤省事 https://gd.example/c?id=9&t=1'));
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({ code: '粤省事 https://gd.example/c?id=9&t=1', bytes: Buffer.byteLength('粤省事 https://gd.example/c?id=9&t=1') });
  });

  it.each([
    ['binary', 'binaryJunk'],
    ['huge', 'tooLong'],
    ['partial', 'partialFrame'],
    ['control', 'controlCharacters'],
  ])('junk %s exits 3 with reason %s', async (kind, reason) => {
    const run = await read(['--port', pty.a, '--suffix', 'crlf', '--json'], () => tell(`junk ${kind}`));
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ error: { code: reason } });
    expect(run.stderr).toContain(`[${reason}]`);
    expect(run.stdout).not.toContain('\u0007');
  });

  it('a wrong suffix setting reads the frame as partial, never as a code', async () => {
    const run = await read(['--port', pty.a, '--suffix', 'tab', '--json'], () => tell('show wrong-suffix'));
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ error: { code: 'partialFrame' } });
  });

  it('usage errors exit 64; a missing port exits 1 as noDevice', async () => {
    expect((await read(['--port', pty.a, '--suffix', 'lf'])).code).toBe(64);
    const missing = await read(['--port', join(pty.dir, 'nope'), '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout.trim())).toMatchObject({ error: { code: 'noDevice' } });
  });
});
