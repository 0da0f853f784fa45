// `npm run ocr -- FILES… --json` as a person runs it: the real CLI in its own process, PP-OCR by default, one
// object per file with the file and its text (and the key fields with --material); a file it cannot read fails
// that file (exit 1), not the others.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures';

const run = promisify(execFile);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = path.join(REPO, 'core/src/services/materials/ocr-cli.ts');
const PAGE = path.join(FIXTURES, 'held-out/id-card-copy.scan.jpg');

describe('ocr CLI', () => {
  it('prints one JSON object per file with file and text, read by PP-OCR by default', { timeout: 300_000 }, async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, PAGE, '--json', '--material', 'ID_CARD'], { cwd: REPO, maxBuffer: 8 * 1024 * 1024 });
    const results = JSON.parse(stdout) as { file: string; text: string; engine: string; fields: { key: string; value: string; valid: boolean | null }[] }[];
    expect(results).toHaveLength(1);
    expect(results[0]!.file).toBe(PAGE);
    expect(results[0]!.engine).toBe('ppocr');
    expect(results[0]!.text).toContain('440304199604122469');
    expect(results[0]!.text.split('\n')[0]).toBe('居民身份证复印件（正面）');
    expect(results[0]!.fields.find((f) => f.key === 'idNumber')).toMatchObject({ value: '440304199604122469', valid: true });
  });

  it('refuses an unknown --material with its usage (exit 2)', { timeout: 120_000 }, async () => {
    const err = await run(process.execPath, ['--import', 'tsx', CLI, PAGE, '--material', 'PASSPORT'], { cwd: REPO }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in err && err.code).toBe(2);
    expect(err.stderr).toContain('--material');
  });

  it('exits 1 for a file that is not an image and still answers for the others', { timeout: 300_000 }, async () => {
    const bad = path.join(FIXTURES, 'held-out/README.md');
    const err = await run(process.execPath, ['--import', 'tsx', CLI, bad, PAGE, '--json'], { cwd: REPO, maxBuffer: 8 * 1024 * 1024 }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in err && err.code).toBe(1);
    const results = JSON.parse(err.stdout) as { file: string }[];
    expect(results.map((r) => r.file)).toEqual([PAGE]);
    expect(err.stderr).toContain('README.md');
  });
});
