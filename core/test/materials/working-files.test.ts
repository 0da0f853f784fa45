// Page images must not outlive a crash readable: a session's working files are encrypted with a key only the
// process holds, live in a private folder, and the next start deletes what a dead process left behind.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sniffImageFormat } from '@easydo/device-drivers/scanner/image-magic';
import { MaterialsSession } from '../../src/services/materials/session';
import type { OcrPool } from '../../src/services/materials/ocr-pool';
import type { PreparedPage } from '../../src/services/materials/image/pipeline';
import { readSealed, sweepStaleMaterials } from '../../src/services/materials/sealed-files';
import { FIXTURES, MATERIALS } from './fixtures';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const JPEG_FIXTURE = path.join(FIXTURES, 'residence-certificate.scan.jpg');

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());

describe('materials working files', () => {
  it('on disk during a session they are neither PNG nor JPEG, in a 0700 folder, yet the PDF is built from them', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'materials-root-'));
    const jpeg = new Uint8Array(await readFile(JPEG_FIXTURE));
    const png = new Uint8Array(await readFile(path.join(FIXTURES, 'lease-contract.clean.png')));
    const pool = { recognize: async () => ({ text: '', lines: [], ms: 0 }) } as unknown as OcrPool;
    const prepare = async (): Promise<PreparedPage> =>
      ({ master: png, upload: jpeg, thumbnail: new Uint8Array(), width: 1240, height: 1754, dpi: 150 }) as unknown as PreparedPage;
    const session = await MaterialsSession.create({ materials: MATERIALS, pool, prepare, workDir: root });
    try {
      await session.addPage({ bytes: png, source: 'scanner', materialCode: 'M01' });
      expect(statSync(session.dir).mode & 0o777).toBe(0o700);
      const onDisk = files(session.dir);
      expect(onDisk.map((f) => path.basename(f))).toEqual(['upload.jpg']);
      for (const f of onDisk) {
        const bytes = new Uint8Array(readFileSync(f));
        expect(sniffImageFormat(bytes)).toBeNull();
        expect(statSync(f).mode & 0o777).toBe(0o600);
        expect(Buffer.from(bytes).includes(Buffer.from(jpeg.subarray(0, 64)))).toBe(false);
      }
      const [pdf] = await session.buildPdfs({ allowMissing: true });
      expect(Buffer.from(pdf!.bytes).includes(Buffer.from(jpeg.subarray(0, 64)))).toBe(true);
    } finally {
      await session.wipe();
    }
    expect(existsSync(session.dir)).toBe(false);
  });

  it('after a crash the leftover image is unreadable, and the next start sweeps it (a live neighbour keeps its own)', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'materials-crash-'));
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(HERE, 'crash-child.ts'), root, JPEG_FIXTURE], { cwd: REPO, encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    const leftover = child.stdout.trim();
    expect(path.dirname(leftover)).toBe(root);
    const image = path.join(leftover, 'page-1', 'upload.jpg');
    // The crashed run's key died with it: the bytes are not an image and this process cannot open them.
    expect(sniffImageFormat(new Uint8Array(readFileSync(image)))).toBeNull();
    await expect(readSealed(image)).rejects.toThrow();
    // An unencrypted folder of the old naming, left long ago.
    const legacy = path.join(root, 'easydo-materials-AbC123');
    mkdirSync(legacy);
    writeFileSync(path.join(legacy, 'master.png'), readFileSync(path.join(FIXTURES, 'lease-contract.clean.png')));
    utimesSync(legacy, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    // This process's own session folder is live and stays.
    const live = await MaterialsSession.create({ materials: MATERIALS, pool: {} as OcrPool, workDir: root });
    try {
      expect(await sweepStaleMaterials(root)).toBe(2);
      expect(existsSync(leftover)).toBe(false);
      expect(existsSync(legacy)).toBe(false);
      expect(existsSync(live.dir)).toBe(true);
    } finally {
      await live.wipe();
    }
  }, 60_000);
});
