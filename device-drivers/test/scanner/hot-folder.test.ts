import { mkdtempSync, readdirSync, writeFileSync, existsSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HotFolderSource, type HotFolderPage, type HotFolderRejection } from '../../src/scanner/hot-folder';
import { sniffImageFormat } from '../../src/scanner/image-magic';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe('sniffImageFormat', () => {
  it('recognises images by magic bytes, not names', () => {
    expect(sniffImageFormat(PNG)).toBe('png');
    expect(sniffImageFormat(JPEG)).toBe('jpeg');
    expect(sniffImageFormat(Uint8Array.from([0x49, 0x49, 0x2a, 0x00, 1]))).toBe('tiff');
    expect(sniffImageFormat(new TextEncoder().encode('P5\n10 10\n255\n'))).toBe('pnm');
    expect(sniffImageFormat(new TextEncoder().encode('%PDF-1.7'))).toBeNull();
    expect(sniffImageFormat(new Uint8Array())).toBeNull();
  });
});

describe('HotFolderSource', () => {
  it('picks up a file only once it is stable, validates it and deletes it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hot-'));
    const src = new HotFolderSource({ dir, stableMs: 1000, pollMs: 60_000 });
    const pages: HotFolderPage[] = [];
    const rejected: HotFolderRejection[] = [];
    src.onPage((p) => pages.push(p));
    src.onRejected((r) => rejected.push(r));
    await src.start();
    expect(src.snapshot().status).toBe('online');

    writeFileSync(path.join(dir, 'scan1.jpg'), JPEG);
    writeFileSync(path.join(dir, 'scan2.pdf.part'), 'partial');
    writeFileSync(path.join(dir, 'evil.png'), '#!/bin/sh\necho not an image');
    await src.pollOnce(0);
    expect(pages).toHaveLength(0); // first sighting: not yet stable
    appendFileSync(path.join(dir, 'scan1.jpg'), Buffer.from([1, 2, 3])); // still being written
    await src.pollOnce(1500);
    expect(pages).toHaveLength(0);
    await src.pollOnce(2000);
    expect(pages).toHaveLength(0);
    await src.pollOnce(3000);
    expect(pages.map((p) => [p.name, p.format])).toEqual([['scan1.jpg', 'jpeg']]);
    expect(rejected).toEqual([{ name: 'evil.png', code: 'notAnImage' }]);
    expect(readdirSync(dir).sort()).toEqual(['.rejected', 'scan2.pdf.part']);
    expect(src.snapshot().counters).toMatchObject({ pagesScanned: 1, filesRejected: 1 });
    await src.stop();
  });

  it('is noDevice when the folder does not exist', async () => {
    const src = new HotFolderSource({ dir: path.join(os.tmpdir(), 'no-such-hot-folder-xyz') });
    await src.start();
    expect(src.snapshot().status).toBe('noDevice');
    expect(existsSync(path.join(os.tmpdir(), 'no-such-hot-folder-xyz'))).toBe(false);
  });
});
