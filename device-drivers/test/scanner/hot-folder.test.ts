import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync, appendFileSync, linkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HotFolderSource, type HotFolderDiscard, type HotFolderPage, type HotFolderRejection } from '../../src/scanner/hot-folder';
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
    await src.beginRequest(0);

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

  it('hands a request only the pages that first showed up while it was open; the rest are shredded and counted', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hot-'));
    const keep = mkdtempSync(path.join(os.tmpdir(), 'hot-links-'));
    const src = new HotFolderSource({ dir, stableMs: 1000, pollMs: 60_000 });
    const pages: string[] = [];
    const discarded: HotFolderDiscard[] = [];
    src.onPage((p) => pages.push(p.name));
    src.onDiscarded((d) => discarded.push(d));
    await src.start();

    // Left in the folder before anyone asked.
    writeFileSync(path.join(dir, 'before.jpg'), JPEG);
    // Resident A asks; the slow network scanner starts A's page but finishes it after A has gone.
    await src.beginRequest(0);
    writeFileSync(path.join(dir, 'slow-a.jpg'), JPEG);
    linkSync(path.join(dir, 'slow-a.jpg'), path.join(keep, 'slow-a.jpg')); // a second name for the same bytes
    await src.pollOnce(100);
    src.endRequest();
    // Resident B asks: A's page becomes stable now, and must not be B's.
    await src.beginRequest(500);
    await src.pollOnce(1500);
    expect(pages).toEqual([]);
    expect(discarded.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'before.jpg', reason: 'noRequest' },
      { name: 'slow-a.jpg', reason: 'earlierRequest' },
    ]);
    // Shredded, not just unlinked: the other name for the file now reads zeros.
    expect([...readFileSync(path.join(keep, 'slow-a.jpg'))].every((b) => b === 0)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);

    // B's own page.
    writeFileSync(path.join(dir, 'b.jpg'), JPEG);
    await src.pollOnce(1600);
    await src.pollOnce(2700);
    expect(pages).toEqual(['b.jpg']);
    src.endRequest();
    // After B: late pages are discarded too.
    writeFileSync(path.join(dir, 'late.jpg'), JPEG);
    await src.pollOnce(2800);
    await src.pollOnce(3900);
    expect(pages).toEqual(['b.jpg']);
    expect(src.snapshot().counters).toMatchObject({ pagesScanned: 1, pagesDiscarded: 3 });
    await src.stop();
  });

  it('keeps rejected files only for the retention: swept at start and while running', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hot-'));
    const rejected = path.join(dir, '.rejected');
    mkdirSync(rejected);
    const now = Date.now();
    writeFileSync(path.join(rejected, `${now - 25 * 3600_000}-id-copy.pdf`), '%PDF-1.7 name and id');
    writeFileSync(path.join(rejected, `${now - 3600_000}-recent.pdf`), '%PDF-1.7');
    const src = new HotFolderSource({ dir, pollMs: 60_000, stableMs: 0 });
    await src.start();
    expect(readdirSync(rejected)).toEqual([`${now - 3600_000}-recent.pdf`]);
    expect(src.snapshot().counters).toMatchObject({ rejectedExpired: 1 });
    // A day later the periodic sweep (every 10 min by default) takes the rest.
    await src.pollOnce(now + 24 * 3600_000);
    expect(readdirSync(rejected)).toEqual([]);
    expect(src.snapshot().counters).toMatchObject({ rejectedExpired: 2 });
    await src.stop();
  });

  it('takes the retention from config', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hot-'));
    const src = new HotFolderSource({ dir, pollMs: 60_000, stableMs: 0, rejectedRetentionMs: 60_000 });
    await src.start();
    writeFileSync(path.join(dir, 'x.pdf'), '%PDF-1.7');
    await src.pollOnce();
    expect(readdirSync(path.join(dir, '.rejected'))).toHaveLength(1);
    expect(await src.sweepRejected(Date.now() + 30_000)).toBe(0);
    expect(await src.sweepRejected(Date.now() + 61_000)).toBe(1);
    await src.stop();
  });
});
