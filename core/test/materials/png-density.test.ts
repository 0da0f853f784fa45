// The master page is one grey channel with its resolution in the PNG: sharp's greyscale() keeps three channels
// and its only density setter converts to sRGB, so the pipeline writes the pHYs chunk itself.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { preparePage } from '../../src/services/materials/image/pipeline';
import { withPngDensity } from '../../src/services/materials/image/png-density';
import { FIXTURES } from './fixtures';

const grey = async (): Promise<Buffer> =>
  sharp(Buffer.alloc(64 * 48, 200), { raw: { width: 64, height: 48, channels: 1 } }).toColourspace('b-w').png().toBuffer();

describe('withPngDensity', () => {
  it('writes the resolution a reader finds, keeps the pixels and the one channel, and replaces an earlier one', async () => {
    const once = withPngDensity(await grey(), 300);
    const twice = withPngDensity(once, 150);
    for (const [png, dpi] of [[once, 300], [twice, 150]] as const) {
      const meta = await sharp(png).metadata();
      expect(meta).toMatchObject({ width: 64, height: 48, channels: 1, space: 'b-w' });
      expect(meta.density).toBeCloseTo(dpi, 0);
      const { data } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
      expect(data.every((v) => v === 200)).toBe(true);
    }
    expect(twice.toString('latin1').split('pHYs').length - 1).toBe(1);
  });

  it('refuses what is not a PNG', () => {
    expect(() => withPngDensity(new Uint8Array(64), 300)).toThrow(/not a PNG/);
  });
});

describe('the pipeline master', () => {
  it('is one grey channel at the page resolution', async () => {
    const page = await preparePage(new Uint8Array(await readFile(path.join(FIXTURES, 'business-licence.scan.jpg'))), { source: 'file' });
    const meta = await sharp(page.master).metadata();
    expect(meta).toMatchObject({ channels: 1, space: 'b-w', width: page.width, height: page.height });
    expect(meta.density).toBeCloseTo(page.dpi, 0);
  });
});
