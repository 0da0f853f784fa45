// The scanner service built from config: SANE's test backend (pages, typed jam/cover/no-paper failures) and
// the hot folder (a scan gets only the pages that arrived while it waited; discard() ends a scan in flight). scanimage must be installed (sane-utils):
// a missing tool fails here, it does not skip.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createScanner } from '../../src/services/devices/scanner';
import { Failure } from '../../src/services/errors/failure';
import type { HotFolderSource } from '@easydo/device-drivers/scanner/hot-folder';

// A hung scanimage (see device-drivers/src/scanner/watched-process.ts) is killed after 5 s and retried.
const sane = (extraArgs: string[] = []) =>
  createScanner({ source: 'sane', device: 'test', adf: false, resolution: 100 }, { extraArgs: ['--test-picture', 'Grid', ...extraArgs], stallMs: 5_000 })!;

describe('scanner service', () => {
  it('is absent when configured as none', () => {
    expect(createScanner({ source: 'none', device: 'test', adf: false, resolution: 300 })).toBeNull();
  });

  it('scans a flatbed page through the SANE test backend', async () => {
    const scanner = sane();
    await scanner.service.start();
    expect(scanner.service.snapshot().status).toBe('online');
    const pages = await scanner.scan();
    expect(pages).toHaveLength(1);
    const meta = await sharp(pages[0]!).metadata();
    expect(Math.min(meta.width ?? 0, meta.height ?? 0)).toBeGreaterThanOrEqual(300);
  });

  it.each([
    ['SANE_STATUS_JAMMED', 'jammed'],
    ['SANE_STATUS_COVER_OPEN', 'coverOpen'],
    ['SANE_STATUS_NO_DOCS', 'noPaper'],
  ] as const)('%s becomes a typed device failure %s', async (status, reason) => {
    const scanner = sane(['--read-return-value', status]);
    await scanner.service.start();
    const err = await scanner.scan().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Failure);
    expect((err as Failure).toContractError()).toMatchObject({ code: 'device', reason });
  });

  it('a session end stops a SANE scan in flight (session-ended), nothing is returned', async () => {
    // read-delay makes the test device slow enough to be caught mid-page.
    const scanner = sane(['--read-delay=yes', '--read-delay-duration=200000']);
    await scanner.service.start();
    const scan = scanner.scan().catch((e: unknown) => e);
    await expect.poll(() => scanner.service.snapshot().status).toBe('busy');
    scanner.discard();
    expect(((await scan) as Failure).toContractError()).toMatchObject({ code: 'state', reason: 'session-ended' });
  });
});

describe('hot folder scanner: pages belong to the scan that was waiting for them', () => {
  const png = () => sharp({ create: { width: 400, height: 500, channels: 3, background: '#ffffff' } }).png().toBuffer();
  const folder = async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-hotfolder-'));
    const scanner = createScanner({ source: 'folder', device: dir, adf: false, resolution: 300 }, { firstPageWaitMs: 10_000, batchSettleMs: 300 })!;
    await scanner.service.start();
    const source = scanner.service as HotFolderSource;
    const counters = () => scanner.service.snapshot().counters;
    return { dir, scanner, source, counters };
  };

  it('hands a scan the page that arrives while it waits, and deletes the file', async () => {
    const { dir, scanner, source } = await folder();
    try {
      const scan = scanner.scan();
      await expect.poll(() => source.requestOpen).toBe(true);
      writeFileSync(path.join(dir, 'a.png'), await png());
      const pages = await scan;
      expect(pages).toHaveLength(1);
      expect(Buffer.from(pages[0]!).subarray(1, 4).toString()).toBe('PNG');
      expect(readdirSync(dir).filter((n) => !n.startsWith('.'))).toEqual([]);
    } finally {
      await scanner.service.stop();
    }
  });

  it("never hands resident B the page a slow scanner delivered after resident A's scan: it is discarded and counted", async () => {
    const { dir, scanner, source, counters } = await folder();
    try {
      // A asks, gives up (the session ends) before the network scanner delivers.
      const a = scanner.scan().catch((e: unknown) => e);
      await expect.poll(() => source.requestOpen).toBe(true);
      scanner.discard();
      expect(((await a) as Failure).toContractError()).toMatchObject({ reason: 'session-ended' });
      // A's page lands with nobody waiting.
      writeFileSync(path.join(dir, 'late-a.png'), await png());
      await expect.poll(() => counters().pagesDiscarded ?? 0, { timeout: 10_000 }).toBe(1);
      expect(readdirSync(dir).filter((n) => !n.startsWith('.'))).toEqual([]);
      // B asks: A's page is gone, B waits for its own.
      const err = await scanner.scan(AbortSignal.timeout(1_500)).catch((e: unknown) => e);
      expect((err as Failure).toContractError()).toMatchObject({ code: 'device', reason: 'noPaper' });
      expect(counters().pagesScanned ?? 0).toBe(0);
    } finally {
      await scanner.service.stop();
    }
  });

  it('a page already lying in the folder when a scan starts is not that scan\'s', async () => {
    const { dir, scanner, counters } = await folder();
    try {
      writeFileSync(path.join(dir, 'old.png'), await png());
      const ac = new AbortController();
      const scan = scanner.scan(ac.signal).catch((e: unknown) => e);
      // The scan looks at the folder first, so the old page is known to predate it and is discarded once stable.
      await expect.poll(() => counters().pagesDiscarded ?? 0, { timeout: 10_000 }).toBe(1);
      ac.abort();
      expect(((await scan) as Failure).toContractError()).toMatchObject({ reason: 'noPaper' });
      expect(counters().pagesScanned ?? 0).toBe(0);
    } finally {
      await scanner.service.stop();
    }
  });
});
