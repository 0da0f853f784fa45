// The scanner service built from config: SANE's test backend (pages, typed jam/cover/no-paper failures) and
// the hot folder (pages wait until scan(), discard() drops them). scanimage must be installed (sane-utils):
// a missing tool fails here, it does not skip.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createScanner } from '../../src/services/devices/scanner';
import { Failure } from '../../src/services/ipc/failure';

const sane = (extraArgs: string[] = []) =>
  createScanner({ source: 'sane', device: 'test', adf: false, resolution: 100 }, { extraArgs: ['--test-picture', 'Grid', ...extraArgs] })!;

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

  it('hot folder: pages wait for scan(); discard() drops them', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-hotfolder-'));
    const scanner = createScanner({ source: 'folder', device: dir, adf: false, resolution: 300 }, { firstPageWaitMs: 5_000, batchSettleMs: 300 })!;
    await scanner.service.start();
    try {
      const png = await sharp({ create: { width: 400, height: 500, channels: 3, background: '#ffffff' } }).png().toBuffer();
      writeFileSync(path.join(dir, 'a.png'), png);
      const pages = await scanner.scan();
      expect(pages).toHaveLength(1);
      expect(Buffer.from(pages[0]!).subarray(1, 4).toString()).toBe('PNG');

      writeFileSync(path.join(dir, 'b.png'), png);
      // Let the folder pick it up, then a session end drops it: the next scan waits for a new page.
      await new Promise((r) => setTimeout(r, 2_500));
      scanner.discard();
      const err = await scanner.scan(AbortSignal.timeout(500)).catch((e: unknown) => e);
      expect((err as Failure).toContractError()).toMatchObject({ code: 'device', reason: 'noPaper' });
    } finally {
      await scanner.service.stop();
    }
  });
});
