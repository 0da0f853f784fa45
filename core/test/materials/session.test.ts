// MaterialsSession with real OCR on a fixture page: checklist suggestion, trust levels, PDFs per
// material, and wipe() mid-OCR cancelling the job and deleting every file.
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MaterialsError, MaterialsSession, type MaterialsEvent } from '../../src/services/materials/session';
import { OcrPool, type OcrPoolEvent } from '../../src/services/materials/ocr-pool';
import { closeSharedPreparer } from '../../src/services/materials/image/prepare-off-thread';
import type { PreparedPage, PreparePageOptions } from '../../src/services/materials/image/pipeline';
import { ImageDecodeError } from '../../src/services/materials/image/raster';
import { FIXTURES, MATERIALS } from './fixtures';

let pool: OcrPool;
let lease: Uint8Array;
let residence: Uint8Array;

beforeAll(async () => {
  // tesseract.js: the engine whose workers are recycled after N pages (PP-OCR's never are).
  pool = new OcrPool({ engine: 'tesseract', size: 2, recycleAfterPages: 2 });
  lease = new Uint8Array(await readFile(path.join(FIXTURES, 'lease-contract.clean.png')));
  residence = new Uint8Array(await readFile(path.join(FIXTURES, 'residence-certificate.scan.jpg')));
});
afterAll(async () => {
  await pool.close();
  await closeSharedPreparer();
});

describe('MaterialsSession', () => {
  it('OCRs pages with progress, suggests materials, builds searchable PDFs with trust levels', async () => {
    const certificates = [{ id: 'cert-1', type: 'business-licence', name: '营业执照' }];
    const session = await MaterialsSession.create({ materials: MATERIALS, pool, certificates });
    const events: MaterialsEvent[] = [];
    session.onEvent((e) => events.push(e));
    try {
      const p1 = await session.addPage({ bytes: lease, source: 'camera' });
      const p2 = await session.addPage({ bytes: residence, source: 'scanner', materialCode: 'M02' });
      expect(p1.trust).toEqual({ level: 'C', verifiedBy: null, verifiedAt: null });
      expect(session.checklist().missing).toEqual(['M01', 'M03']);
      await session.whenOcrIdle();

      expect(events.some((e) => e.type === 'ocrProgress' && e.pageId === p1.id)).toBe(true);
      const pages = session.listPages();
      expect(pages.find((p) => p.id === p1.id)).toMatchObject({ ocr: 'done', suggestedCode: 'M01', materialCode: null });
      expect(session.pageText(p2.id)).toContain('证明');

      session.acceptSuggestions();
      session.useElectronicCertificate('M03', 'cert-1');
      expect(() => session.useElectronicCertificate('M01', 'cert-1')).toThrow(MaterialsError);
      expect(session.checklist()).toMatchObject({ complete: true, missing: [] });

      session.verifyPage(p2.id, 'clerk-007');
      const pdfs = await session.buildPdfs();
      expect(pdfs.map((p) => p.materialCode)).toEqual(['M01', 'M02']);
      expect(pdfs[0]).toMatchObject({ pageCount: 1, trust: 'C', verifiedBy: [] });
      expect(pdfs[1]).toMatchObject({ pageCount: 1, trust: 'B', verifiedBy: ['clerk-007'] });
      expect(Buffer.from(pdfs[0]!.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    } finally {
      await session.wipe();
    }
  });

  it('refuses PDFs while materials are missing and rejects non-images by magic bytes', async () => {
    const session = await MaterialsSession.create({ materials: MATERIALS, pool });
    try {
      await expect(session.addPage({ bytes: new TextEncoder().encode('%PDF-1.4 not an image'), source: 'file' })).rejects.toMatchObject({ code: 'notAnImage' });
      await expect(session.buildPdfs()).rejects.toMatchObject({ code: 'materialsMissing' });
      await expect(session.addPage({ bytes: lease, source: 'file', materialCode: 'NOPE' })).rejects.toMatchObject({ code: 'unknownMaterial' });
    } finally {
      await session.wipe();
    }
  });

  it('prepares pages with the injected preparer and passes its typed errors on', async () => {
    const calls: PreparePageOptions[] = [];
    const prepare = async (_bytes: Uint8Array, options: PreparePageOptions): Promise<PreparedPage> => {
      calls.push(options);
      throw new ImageDecodeError(new Error('test'));
    };
    const session = await MaterialsSession.create({ materials: MATERIALS, pool, pipeline: { thumbnailWidth: 100 }, prepare });
    try {
      await expect(session.addPage({ bytes: lease, source: 'file' })).rejects.toMatchObject({ code: 'imageDecode' });
      expect(calls).toEqual([{ thumbnailWidth: 100, source: 'file' }]);
      expect(session.listPages()).toEqual([]);
    } finally {
      await session.wipe();
    }
  });

  it('wipe() mid-OCR cancels the job, terminates its worker and deletes images and text', async () => {
    const poolEvents: OcrPoolEvent[] = [];
    const off = pool.onEvent((e) => poolEvents.push(e));
    const session = await MaterialsSession.create({ materials: MATERIALS, pool });
    const dir = session.dir;
    const events: MaterialsEvent[] = [];
    session.onEvent((e) => events.push(e));
    const page = await session.addPage({ bytes: lease, source: 'scanner' });
    expect(readdirSync(path.join(dir, page.id)).sort()).toEqual(['upload.jpg']);
    // Wait until OCR is actually running on a worker, then end the session.
    await new Promise<void>((resolve) => {
      const stop = session.onEvent((e) => {
        if (e.type === 'ocrProgress' && e.progress > 0 && e.progress < 1) {
          stop();
          resolve();
        }
      });
    });
    await session.wipe();
    off();
    expect(existsSync(dir)).toBe(false);
    expect(poolEvents).toContainEqual(expect.objectContaining({ type: 'workerTerminated', reason: 'cancel' }));
    expect(events.some((e) => e.type === 'ocrDone')).toBe(false);
    expect(session.isWiped).toBe(true);
    expect(() => session.listPages()).not.toThrow();
    expect(session.listPages()).toEqual([]);
    expect(() => session.pageText(page.id)).toThrow(MaterialsError);
    // The pool keeps serving other sessions after the cancel.
    const again = await pool.recognize(residence);
    expect(again.text.length).toBeGreaterThan(50);
  });
});
