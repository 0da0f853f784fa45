// The terminal's SANE scans are colour by default, so the OCR can tell a red seal from the text under it.
// Real scanimage runs: SANE's test backend for the mode, and SANE's pnm backend (a file read as a scanner)
// for a colour flatbed scan of a page with a seal, through the scanner service, a materials session, its
// image pipeline and a PP-OCR worker. scanimage must be installed (sane-utils): a missing tool fails here.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createScanner } from '../../src/services/devices/scanner';
import { OcrPool } from '../../src/services/materials/ocr-pool';
import { MaterialsSession } from '../../src/services/materials/session';
import { FIXTURES } from '../materials/fixtures';

const channelsOf = async (bytes: Uint8Array) => (await sharp(bytes).metadata()).channels;

/** The pnm backend reads binary PPM only: the fixture's pixels under a P6 header. */
async function asPpm(file: string): Promise<string> {
  const { data, info } = await sharp(readFileSync(file)).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'easydo-pnm-')), 'page.ppm');
  writeFileSync(out, Buffer.concat([Buffer.from(`P6\n${info.width} ${info.height}\n255\n`), data]));
  return out;
}

describe('SANE scans in colour', () => {
  const pool = new OcrPool({ engine: 'ppocr', size: 1 });
  afterAll(() => pool.close());

  it('the terminal scans in colour unless configured grey', async () => {
    const scan = async (mode?: 'Gray') => {
      const s = createScanner({ source: 'sane', device: 'test', adf: false, resolution: 75, ...(mode ? { mode } : {}) }, { extraArgs: ['--test-picture', 'Color pattern'], stallMs: 5_000 })!;
      await s.service.start();
      const [page] = await s.scan();
      return channelsOf(page!);
    };
    expect(await scan()).toBe(3);
    expect(await scan('Gray')).toBe(1);
  });

  it('a colour flatbed scan of a page with a red seal: the seal stays out of the text', { timeout: 300_000 }, async () => {
    const ppm = await asPpm(path.join(FIXTURES, 'held-out', 'fee-table.colour-scan.jpg'));
    const scanner = createScanner({ source: 'sane', device: 'pnm:0', adf: false, resolution: 300, mode: 'device' }, { extraArgs: ['--filename', ppm], stallMs: 20_000 })!;
    await scanner.service.start();
    const [bytes] = await scanner.scan();
    expect(await channelsOf(bytes!)).toBe(3);
    const session = await MaterialsSession.create({ materials: [{ code: 'RECEIPT', name: '收费明细', count: 1, ocrKeywords: ['收费明细'] }], pool });
    try {
      const added = await session.addPage({ bytes: bytes!, source: 'scanner', materialCode: 'RECEIPT' });
      await session.whenOcrIdle();
      const text = session.pageText(added.id)!;
      expect(text).toMatch(/钟晓敏/u);
      expect(text).toMatch(/收费明细/u);
      expect(text).not.toMatch(/★|专用章|财务专/u);
    } finally {
      await session.wipe();
    }
  });
});
