// The no-progress watchdog, against a fake scanimage that stalls on purpose (see fake-scanimage.ts): a stalled run
// is killed with its whole process group, reported as scannerHung, and tried once more only when nothing came out.
import { describe, expect, it } from 'vitest';
import { SaneScanner, type SaneScannerConfig } from '../../src/scanner/sane-scanner';
import { ScannerError } from '../../src/scanner/errors';
import { fakeScanimage, isRunning, type FakeScanimage } from './fake-scanimage';

// Long enough that the fake's own start never looks like a stall, short enough to keep the file quick.
const STALL_MS = 1500;

async function scannerFor(fake: FakeScanimage, extra: Partial<SaneScannerConfig> = {}): Promise<SaneScanner> {
  const s = new SaneScanner({ device: 'fake', backends: ['test'], scanimagePath: fake.path, env: fake.env, stallMs: STALL_MS, ...extra });
  await s.start();
  expect(s.snapshot().status).toBe('online');
  return s;
}

describe('SaneScanner no-progress watchdog', () => {
  it('kills a flatbed scan that stalls after some bytes and retries once: the retry delivers the page', async () => {
    const fake = fakeScanimage('stall ok');
    const scanner = await scannerFor(fake);
    const pages = await scanner.scan();
    expect(pages).toHaveLength(1);
    expect(pages[0]!.format).toBe('png');
    expect(fake.runs()).toBe(2);
    expect(scanner.snapshot().counters).toMatchObject({ stallsDetected: 1, scanRetries: 1, pagesScanned: 1 });
    expect(scanner.snapshot()).toMatchObject({ status: 'online', lastError: null });
    // The helper the stalled run started was in its process group and died with it.
    expect(fake.helperPids()).toHaveLength(1);
    await expect.poll(() => fake.helperPids().filter(isRunning)).toEqual([]);
  }, 30_000);

  it('reports scannerHung after the one retry also stalls', async () => {
    const fake = fakeScanimage('silent');
    const scanner = await scannerFor(fake);
    const err = await scanner.scan().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScannerError);
    expect(err).toMatchObject({ code: 'scannerHung', pagesScanned: 0 });
    expect(fake.runs()).toBe(2);
    expect(scanner.snapshot()).toMatchObject({ status: 'hardwareError', lastError: { code: 'scannerHung' } });
    expect(scanner.snapshot().counters).toMatchObject({ stallsDetected: 2, scanRetries: 1, scannerHungEvents: 1 });
    await expect.poll(() => fake.helperPids().filter(isRunning)).toEqual([]);
  }, 30_000);

  it('does not retry an ADF batch once a sheet has gone through: scannerHung with the pages done', async () => {
    const fake = fakeScanimage('adf-stall ok');
    const scanner = await scannerFor(fake, { source: 'adf' });
    await expect(scanner.scan()).rejects.toMatchObject({ code: 'scannerHung', pagesScanned: 1 });
    expect(fake.runs()).toBe(1);
  }, 30_000);

  it('retries an ADF batch that produced nothing at all', async () => {
    const fake = fakeScanimage('adf-silent adf-stall');
    const scanner = await scannerFor(fake, { source: 'adf' });
    await expect(scanner.scan()).rejects.toMatchObject({ code: 'scannerHung', pagesScanned: 1 });
    expect(fake.runs()).toBe(2);
  }, 30_000);

  it('keeps the error scanimage printed when it then hangs tearing down (jammed, not hung)', async () => {
    const fake = fakeScanimage('jam-then-hang ok');
    const scanner = await scannerFor(fake, { source: 'adf' });
    await expect(scanner.scan()).rejects.toMatchObject({ code: 'jammed', pagesScanned: 0 });
    expect(fake.runs()).toBe(1);
  }, 30_000);

  it('keeps a complete flatbed page when only the teardown hangs', async () => {
    const fake = fakeScanimage('ok-then-hang');
    const scanner = await scannerFor(fake);
    expect(await scanner.scan()).toHaveLength(1);
    expect(fake.runs()).toBe(1);
    expect(scanner.snapshot().counters).toMatchObject({ stallsDetected: 1 });
  }, 30_000);

  it('cancels a stalled scan on abort and kills the group', async () => {
    const fake = fakeScanimage('silent');
    const scanner = await scannerFor(fake, { stallMs: 60_000 });
    const ac = new AbortController();
    const scan = scanner.scan({ signal: ac.signal });
    // Abort once the fake has started its helper (it writes the pid first).
    while (fake.helperPids().length === 0) await new Promise((r) => setTimeout(r, 20));
    ac.abort();
    await expect(scan).rejects.toMatchObject({ code: 'cancelled' });
    await expect.poll(() => fake.helperPids().filter(isRunning)).toEqual([]);
  }, 30_000);
});
