// Test scan through SANE's test backend (sane-utils must be installed: a missing scanimage fails, never skips).
import { describe, expect, it } from 'vitest';
import { simulatorDefaults } from '@easydo/core/services/config/load';
import sharp from 'sharp';
import { blankTone, testRead, testScan } from '@easydo/core/services/admin/diagnostics';

describe('admin test scan', () => {
  it('scans one page from the SANE test device (its colour pattern, not the default black) and returns it as a PNG', async () => {
    const config = simulatorDefaults();
    const result = await testScan({ config: () => config });
    expect(result.pages).toBe(1);
    expect(result.format).toBe('png');
    expect(Buffer.from(result.image, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('refuses clearly when the scanner source is not SANE', async () => {
    const config = { ...simulatorDefaults(), devices: { ...simulatorDefaults().devices, scanner: { source: 'none' as const, device: 'test', adf: false, resolution: 300 } } };
    await expect(testScan({ config: () => config })).rejects.toThrow(/needs a SANE scanner/);
  });

  it('calls a flat black or white page blank, and a page with content not', async () => {
    const flat = (v: number) => sharp({ create: { width: 64, height: 64, channels: 3, background: { r: v, g: v, b: v } } }).png().toBuffer();
    expect(await blankTone(await flat(0))).toBe('black');
    expect(await blankTone(await flat(255))).toBe('white');
    const striped = await sharp(Buffer.from(Array.from({ length: 64 * 64 }, (_, i) => ((i >> 3) % 2 ? 0 : 255))), { raw: { width: 64, height: 64, channels: 1 } }).png().toBuffer();
    expect(await blankTone(striped)).toBeNull();
  });
});

describe('admin test read', () => {
  it('says at once that a card already on the reader must be placed again (the reader reads it once)', async () => {
    // Only the reader's snapshot is read before the refusal: the rest of the parts stay untouched.
    const ctx = { idReader: { reader: { snapshot: () => ({ detail: { cardPresent: true } }) } } } as unknown as Parameters<typeof testRead>[0];
    await expect(testRead(ctx, 30_000)).rejects.toMatchObject({ reason: 'card-already-on-reader' });
  });
});
