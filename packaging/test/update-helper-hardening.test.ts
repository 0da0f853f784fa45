// The root helper against what the unprivileged agent can put in its way: a busy lock (another helper rolling back)
// is waited for instead of leaving the spool to a .path unit that would retrigger until its start limit; a lock
// that exists but is not written yet is never taken over; files are read only through a handle that is a regular
// file of the claimed size (no symlink, FIFO, device, or file larger than the claim).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UpdateHelper } from '../linux/update-helper/helper';
import { HelperConfig } from '../linux/update-helper/protocol';
import { LockBusy, acquireLock } from '../linux/update-helper/state-file';
import { copyBounded, readBounded, type UnsafeFile } from '../linux/update-helper/safe-open';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'easydo-helper-hard-'));
  dirs.push(d);
  return d;
}

function helperIn(dir: string, lockWaitSeconds: number) {
  // dpkg is never run by these requests; its -query answers "not installed".
  const fake = path.join(dir, 'fake-dpkg');
  writeFileSync(`${fake}-query`, '#!/bin/sh\nexit 1\n');
  chmodSync(`${fake}-query`, 0o755);
  const x = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;
  const config = HelperConfig.parse({
    stateDir: path.join(dir, 'state'),
    spoolDir: path.join(dir, 'spool'),
    acceptFrom: path.join(dir, 'downloads'),
    packageName: 'easydo-terminal',
    publicKeys: [{ id: 'k', publicKey: Buffer.from(x, 'base64url').toString('base64') }],
    maxPackageBytes: 1024 * 1024,
    lockWaitSeconds,
    dpkg: { command: fake, args: [] },
  });
  mkdirSync(config.spoolDir, { recursive: true });
  mkdirSync(config.stateDir, { recursive: true });
  writeFileSync(path.join(config.spoolDir, 'r1.json'), JSON.stringify({ id: 'request-0001', op: 'rollback', reason: 'test' }));
  return { helper: new UpdateHelper(config), config };
}

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return null;
};

describe('the helper and a busy lock', () => {
  it('waits for another helper to finish and then answers the spool', async () => {
    const dir = tmp();
    const { helper, config } = helperIn(dir, 600);
    const lock = path.join(config.stateDir, 'helper.lock');
    writeFileSync(lock, String(process.ppid)); // a live process holds it
    const running = helper.processSpool();
    setTimeout(() => rmSync(lock), 300);
    const results = await running;
    expect(results.map((r) => [r.id, r.code])).toEqual([['request-0001', 'nothingToRollBack']]);
    expect(readdirSync(config.spoolDir)).toEqual([]);
  });

  it('past its wait it leaves the requests in the spool for the next start', async () => {
    const { helper, config } = helperIn(tmp(), 0);
    writeFileSync(path.join(config.stateDir, 'helper.lock'), String(process.ppid));
    expect(await helper.processSpool()).toEqual([]);
    expect(readdirSync(config.spoolDir)).toEqual(['r1.json']);
  });
});

describe('the lock file', () => {
  it('a lock created but not written yet is busy, not "pid 0" to take over', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'helper.lock'), '');
    expect(errorOf(() => acquireLock(dir))).toBeInstanceOf(LockBusy);
    expect(existsSync(path.join(dir, 'helper.lock'))).toBe(true);
  });

  it('a dead helper\'s lock and an old unreadable one are taken over; the taken lock names this pid', () => {
    const dir = tmp();
    const lock = path.join(dir, 'helper.lock');
    const dead = spawnSync('sh', ['-c', 'echo $$']).stdout.toString().trim();
    writeFileSync(lock, dead);
    acquireLock(dir)();
    writeFileSync(lock, '');
    utimesSync(lock, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    const release = acquireLock(dir);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    release();
    expect(readdirSync(dir)).toEqual([]); // no temp files left behind
  });
});

describe('files the agent named', () => {
  const within = (dir: string) => ({ size: 4, maxBytes: 1024, within: dir });

  it('copies a regular file of the claimed size', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.deb'), 'abcd');
    copyBounded(path.join(dir, 'a.deb'), path.join(dir, 'copy'), within(dir));
    expect(readBounded(path.join(dir, 'copy'), 16).toString()).toBe('abcd');
  });

  it('refuses a symlink, a FIFO, a device, a file outside the folder and one larger than the claim or the cap', () => {
    const dir = tmp();
    const other = tmp();
    writeFileSync(path.join(other, 'secret'), 'abcd');
    symlinkSync(path.join(other, 'secret'), path.join(dir, 'link.deb'));
    symlinkSync(other, path.join(dir, 'sub'));
    expect(spawnSync('mkfifo', [path.join(dir, 'fifo.deb')]).status).toBe(0);
    writeFileSync(path.join(dir, 'big.deb'), 'abcdef');
    const code = (f: () => unknown) => (errorOf(f) as UnsafeFile | null)?.code;
    const target = path.join(dir, 'copy');
    expect(code(() => copyBounded(path.join(dir, 'link.deb'), target, within(dir)))).toBe('notAccepted');
    expect(code(() => copyBounded(path.join(dir, 'fifo.deb'), target, within(dir)))).toBe('notAccepted'); // and it did not block
    expect(code(() => copyBounded('/dev/zero', target, { size: 4, maxBytes: 1024 }))).toBe('notAccepted');
    expect(code(() => copyBounded(path.join(dir, 'sub', 'secret'), target, within(dir)))).toBe('notAccepted');
    expect(code(() => copyBounded(path.join(dir, 'big.deb'), target, within(dir)))).toBe('sizeMismatch');
    expect(code(() => copyBounded(path.join(dir, 'big.deb'), target, { size: 6, maxBytes: 5 }))).toBe('tooLarge');
    expect(existsSync(target)).toBe(false);
    // A spool request: the same handle rules and a size bound.
    expect(code(() => readBounded(path.join(dir, 'fifo.deb'), 16))).toBe('notAccepted');
    expect(code(() => readBounded(path.join(dir, 'link.deb'), 16))).toBe('notAccepted');
    expect(code(() => readBounded(path.join(dir, 'big.deb'), 5))).toBe('tooLarge');
  });
});
