// Working folders for page images: private (0700), named after their owning process, and swept at start-up once
// that process is gone — a crash or power cut must not leave a resident's pages readable for the next run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makePrivateDir, ownerTag, sweepStaleDirs, tempRoot } from '../../src/scanner/private-temp';
import { SaneScanner } from '../../src/scanner/sane-scanner';

const root = mkdtempSync(path.join(os.tmpdir(), 'private-temp-'));
const deadPid = spawnSync('true').pid!; // exited and reaped: its pid names a process that is gone
const live = spawn('sleep', ['120']);
afterAll(() => {
  live.kill('SIGKILL');
});

const leftover = (name: string) => {
  const dir = path.join(root, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'p001.png'), 'page');
  return dir;
};

describe('private working folders', () => {
  it('are 0700 and carry this process as owner', async () => {
    const dir = await makePrivateDir('easydo-test', root);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(path.basename(dir).startsWith(`easydo-test-${ownerTag()}-`)).toBe(true);
  });

  it('name the owner by pid and kernel start ticks only (btime moves with the wall clock, so it is left out)', () => {
    const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    expect(ownerTag()).toBe(`${process.pid}-${ticks.toString(36)}`);
    expect(ownerTag(live.pid!)).toMatch(new RegExp(`^${live.pid}-[0-9a-z]+$`));
  });

  it('sweeps the folders of a process that is gone, and of a reused pid, but not of live ones', async () => {
    const mine = await makePrivateDir('easydo-test', root);
    const crashed = leftover(`easydo-test-${deadPid}-x-AbC123`);
    const neighbour = leftover(`easydo-test-${ownerTag(live.pid!)}-Zz9Yy8`);
    const reused = leftover(`easydo-test-${live.pid}-zzzzzzzzzz-Qq1Ww2`); // same pid, another start time
    const legacy = leftover('easydo-test-Ab12Cd');
    const other = leftover('unrelated-folder');
    expect(await sweepStaleDirs('easydo-test', { root })).toBe(2);
    expect([crashed, reused].map(existsSync)).toEqual([false, false]);
    expect([mine, neighbour, legacy, other].map(existsSync)).toEqual([true, true, true, true]);
    // The old unowned naming goes by age only.
    expect(await sweepStaleDirs('easydo-test', { root, legacyOlderThanMs: -1 })).toBe(1);
    expect(existsSync(legacy)).toBe(false);
  });

  it('prefer a private XDG_RUNTIME_DIR and refuse one open to others', () => {
    const runtime = mkdtempSync(path.join(root, 'xdg-'));
    expect(tempRoot({ XDG_RUNTIME_DIR: runtime })).toBe(runtime);
    const open = mkdtempSync(path.join(root, 'xdg-open-'));
    spawnSync('chmod', ['0777', open]);
    expect(tempRoot({ XDG_RUNTIME_DIR: open })).toBe(os.tmpdir());
    expect(tempRoot({})).toBe(os.tmpdir());
  });

  it('SaneScanner.start() deletes batch pages a crashed run left behind', async () => {
    const tmp = mkdtempSync(path.join(root, 'tmp-'));
    const saved = { TMPDIR: process.env.TMPDIR, XDG: process.env.XDG_RUNTIME_DIR };
    process.env.TMPDIR = tmp;
    delete process.env.XDG_RUNTIME_DIR;
    try {
      mkdirSync(path.join(tmp, `easydo-scan-${deadPid}-x-AbC123`));
      writeFileSync(path.join(tmp, `easydo-scan-${deadPid}-x-AbC123`, 'p001.png'), 'a page of the last resident');
      await new SaneScanner({ device: 'test', scanimagePath: '/nonexistent/scanimage' }).start();
      expect(existsSync(path.join(tmp, `easydo-scan-${deadPid}-x-AbC123`))).toBe(false);
    } finally {
      if (saved.TMPDIR === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved.TMPDIR;
      if (saved.XDG !== undefined) process.env.XDG_RUNTIME_DIR = saved.XDG;
    }
  });
});
