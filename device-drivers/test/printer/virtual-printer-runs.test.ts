// The virtual printer's job files hold query passwords: one folder per run (a restart never overwrites the last
// run's job 1), only the last keepJobs jobs and keepRuns runs on disk, owner-only permissions, old flat files gone.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLayout } from '../../src/printer/escpos/render';
import { PROFILES } from '../../src/printer/profiles';
import { tcpTransport } from '../../src/printer/transport/tcp';
import { PRUNED_JOB, startVirtualPrinter, type VirtualPrinter } from '../../src/printer/virtual/server';
import { artifactDir } from './helpers';

const receipt = (password: string) => renderLayout([{ type: 'text', text: `查询密码 ${password}` }], PROFILES['80mm']);

async function printOne(printer: VirtualPrinter, password: string, count: number) {
  await tcpTransport('127.0.0.1', printer.port).write(receipt(password));
  return (await printer.waitForJobs(count))[count - 1]!;
}

describe('virtual printer job folders', () => {
  it('gives each run its own folder: the second run does not overwrite the first run\'s job 1', async () => {
    const outDir = artifactDir('runs');
    writeFileSync(path.join(outDir, 'job-0001.txt'), '查询密码 111111 (old flat layout)');
    const first = await startVirtualPrinter({ port: 0, outDir });
    const a = await printOne(first, '222222', 1);
    await first.close();
    const second = await startVirtualPrinter({ port: 0, outDir });
    const b = await printOne(second, '333333', 1);
    await second.close();
    expect(first.runDir).not.toBe(second.runDir);
    expect(path.basename(a.files.txt)).toBe(path.basename(b.files.txt));
    expect(readFileSync(a.files.txt, 'utf8')).toContain('222222');
    expect(readFileSync(b.files.txt, 'utf8')).toContain('333333');
    expect(existsSync(path.join(outDir, 'job-0001.txt'))).toBe(false);
    expect(statSync(second.runDir).mode & 0o777).toBe(0o700);
    for (const f of Object.values(b.files)) expect(statSync(f).mode & 0o777).toBe(0o600);
  });

  it('keeps only the last keepJobs jobs of a run and the last keepRuns runs', async () => {
    const outDir = artifactDir('prune');
    const runs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const p = await startVirtualPrinter({ port: 0, outDir, keepRuns: 2 });
      runs.push(p.runDir);
      await p.close();
    }
    expect(runs.map(existsSync)).toEqual([false, true, true]);
    const printer = await startVirtualPrinter({ port: 0, outDir, keepRuns: 2, keepJobs: 2 });
    try {
      expect(readdirSync(outDir).sort()).toEqual([path.basename(runs[2]!), path.basename(printer.runDir)]);
      const jobs = [await printOne(printer, '444441', 1), await printOne(printer, '444442', 2), await printOne(printer, '444443', 3)];
      expect(jobs.map((j) => existsSync(j.files.txt))).toEqual([false, true, true]);
      expect(readdirSync(printer.runDir).sort()).toEqual(['job-0002.bin', 'job-0002.png', 'job-0002.txt', 'job-0003.bin', 'job-0003.png', 'job-0003.txt']);
      // In memory too: the pruned job (its lines held the password) is the shared placeholder; indexes still count.
      expect(printer.jobs).toHaveLength(3);
      expect(printer.jobs[0]).toBe(PRUNED_JOB);
      expect(JSON.stringify(printer.jobs)).not.toContain('444441');
      expect(printer.jobs.slice(1).map((j) => j.id)).toEqual([2, 3]);
    } finally {
      await printer.close();
    }
  });
});
