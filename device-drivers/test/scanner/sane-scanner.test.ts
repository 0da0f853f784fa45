// Real scanimage against the SANE test backend: an ADF batch until the feeder is empty, and the
// simulated jam / cover-open / empty-feeder statuses surfacing as typed errors and device status.
//
// Determinism: scanimage with this backend hangs now and then (libsane cancels its reader thread
// asynchronously, see src/scanner/watched-process.ts). Here the watchdog fires after STALL_MS; a hung
// flatbed scan is retried and a jam already reported stays a jam. A hang *between* ADF pages cannot be
// retried safely, so the batch test scans at 300 dpi, where the backend's picture buffer is mmapped and
// freeing it takes no malloc lock: the page-end cancel that deadlocks at small resolutions cannot.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SaneScanner } from '../../src/scanner/sane-scanner';
import { ScannerError, scannerErrorFrom } from '../../src/scanner/errors';

const haveScanimage = spawnSync('sh', ['-c', 'command -v scanimage']).status === 0;
if (!haveScanimage && process.env.CI === 'true') throw new Error('scanimage missing under CI: apt-get install sane-utils');
const describeSane = haveScanimage ? describe : describe.skip;

const STALL_MS = 5_000;
const make = (extra: string[] = [], source: 'adf' | 'flatbed' = 'adf', resolution = 50) =>
  new SaneScanner({ device: 'test', backends: ['test'], source, resolution, mode: 'Gray', stallMs: STALL_MS, extraArgs: ['--test-picture', 'Grid', ...extra] });

describeSane('SaneScanner with the SANE test backend', { timeout: 60_000 }, () => {
  it('scans an ADF batch until the feeder is empty (10 pages), as PNGs', async () => {
    const scanner = make([], 'adf', 300);
    await scanner.start();
    expect(scanner.snapshot().status).toBe('online');
    const pages = await scanner.scan();
    expect(pages).toHaveLength(10);
    expect(pages.every((p) => p.format === 'png')).toBe(true);
    expect(pages.map((p) => p.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scanner.snapshot().counters.pagesScanned).toBe(10);
  });

  it('scans one flatbed page', async () => {
    const scanner = make([], 'flatbed');
    await scanner.start();
    expect(await scanner.scan()).toHaveLength(1);
  });

  it.each([
    ['SANE_STATUS_JAMMED', 'jammed', 'userError'],
    ['SANE_STATUS_COVER_OPEN', 'coverOpen', 'userError'],
    ['SANE_STATUS_NO_DOCS', 'noPaper', 'userError'],
    ['SANE_STATUS_IO_ERROR', 'ioError', 'hardwareError'],
  ] as const)('%s surfaces as a typed %s error', async (status, code, deviceStatus) => {
    const scanner = make(['--read-return-value', status]);
    await scanner.start();
    const err = await scanner.scan().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScannerError);
    expect(err).toMatchObject({ code, pagesScanned: 0 });
    const snap = scanner.snapshot();
    expect(snap.status).toBe(deviceStatus);
    expect(snap.lastError?.code).toBe(code);
  });

  it('recovers to online after the jam is cleared', async () => {
    const scanner = make(['--read-return-value', 'SANE_STATUS_JAMMED']);
    await scanner.start();
    await expect(scanner.scan()).rejects.toMatchObject({ code: 'jammed' });
    const ok = make([], 'adf', 300); // an ADF batch with pages: 300 dpi, see the note at the top
    await ok.start();
    await ok.scan();
    expect(ok.snapshot()).toMatchObject({ status: 'online', lastError: null });
  });

  it('reports a missing device', async () => {
    const scanner = new SaneScanner({ device: 'nosuchbackend:0', backends: ['test'] });
    await scanner.start();
    await expect(scanner.scan()).rejects.toMatchObject({ code: 'deviceNotFound' });
    expect(scanner.snapshot().status).toBe('noDevice');
  });

  it('lists devices fast with the private SANE_CONFIG_DIR', async () => {
    const scanner = make();
    await scanner.start();
    expect(await scanner.listDevices()).toContain('test:0');
  });
});

describe('scannerErrorFrom', () => {
  it('maps stderr sentences and SANE exit statuses', () => {
    expect(scannerErrorFrom(6, 'scanimage: sane_read: Document feeder jammed').code).toBe('jammed');
    expect(scannerErrorFrom(8, '').code).toBe('coverOpen');
    expect(scannerErrorFrom(7, 'sane_start: Document feeder out of documents').code).toBe('noPaper');
    expect(scannerErrorFrom(1, 'scanimage: open of device x failed: Invalid argument').code).toBe('deviceNotFound');
    expect(scannerErrorFrom(1, 'something else').code).toBe('scanFailed');
    expect(scannerErrorFrom(6, 'jammed', 3).pagesScanned).toBe(3);
  });
});

describe('scanner without scanimage', () => {
  it('reports notInstalled', async () => {
    const scanner = new SaneScanner({ device: 'test', scanimagePath: '/nonexistent/scanimage' });
    await scanner.start();
    expect(scanner.snapshot()).toMatchObject({ status: 'noDevice', lastError: { code: 'notInstalled' } });
    await expect(scanner.scan()).rejects.toMatchObject({ code: 'notInstalled' });
  });
});
