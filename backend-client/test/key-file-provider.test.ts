// The simulators' journal key file: created whole or not at all, the same key for every process that opens it,
// and an empty file (what a kill mid-creation used to leave) replaced instead of locking the journal for good.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyFileProvider } from '../src/outbox/key-file-provider';
import { tempDir } from './helpers';

describe('key file provider', () => {
  it('creates a 0600 key once; a second provider on the same file reads the same key; no temp file stays', async () => {
    const dir = tempDir('key-file');
    const file = join(dir, 'journal.key');
    const [a, b] = await Promise.all([createKeyFileProvider(file).getKey(), createKeyFileProvider(file).getKey()]);
    expect(Buffer.from(a)).toHaveLength(32);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['journal.key']);
  });

  it('replaces an empty key file left by an interrupted creation', async () => {
    const dir = tempDir('key-file-empty');
    const file = join(dir, 'journal.key');
    writeFileSync(file, '', { mode: 0o600 });
    const key = await createKeyFileProvider(file).getKey();
    expect(Buffer.from(key)).toHaveLength(32);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(Buffer.from(key))).toBe(true);
  });

  it('refuses a damaged key rather than inventing a new one over it', async () => {
    const dir = tempDir('key-file-bad');
    const file = join(dir, 'journal.key');
    writeFileSync(file, 'not a key\n', { mode: 0o600 });
    await expect(createKeyFileProvider(file).getKey()).rejects.toThrow(/32-byte/);
  });
});
