import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveAppFile, appProtocolResponse } from '../../src/main/app-protocol';
import { createSafeStorageKeyProvider } from '../../src/main/safe-storage-key-provider';

vi.mock('electron', () => ({}));

describe('app:// protocol', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  writeFileSync(path.join(root, 'index.html'), '<p>hi</p>');

  it('serves files inside the renderer folder with the CSP', async () => {
    expect(resolveAppFile('app://terminal/', root)).toBe(path.join(root, 'index.html'));
    const res = await appProtocolResponse('app://terminal/index.html', root);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses traversal and foreign hosts', async () => {
    // The URL parser folds dot segments (also %2e%2e) before we see them: they stay inside the root.
    expect(resolveAppFile('app://terminal/../../etc/passwd', root)).toBe(path.join(root, 'etc/passwd'));
    expect(resolveAppFile('app://terminal/%2e%2e/%2e%2e/etc/passwd', root)).toBe(path.join(root, 'etc/passwd'));
    // An encoded slash survives parsing and would climb out after decoding: refused.
    expect(resolveAppFile('app://terminal/..%2f..%2f..%2fetc%2fpasswd', root)).toBeNull();
    expect(resolveAppFile('app://evil/index.html', root)).toBeNull();
    expect((await appProtocolResponse('app://terminal/missing.js', root)).status).toBe(404);
  });
});

describe('safeStorage key provider', () => {
  const fakeStorage = (available = true) => ({
    isEncryptionAvailable: () => available,
    encryptString: (s: string) => Buffer.from(`sealed:${Buffer.from(s).toString('hex')}`),
    decryptString: (b: Buffer) => Buffer.from(b.toString().slice('sealed:'.length), 'hex').toString(),
  });

  it('creates one sealed 32-byte key and returns the same key afterwards', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'key-')), 'journal.key.sealed');
    const provider = createSafeStorageKeyProvider(fakeStorage(), file, { profile: 'development' });
    const a = await provider.getKey();
    const b = await provider.getKey();
    expect(a.length).toBe(32);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(readFileSync(file, 'utf8').startsWith('sealed:')).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('refuses to run without an OS keystore', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'key-')), 'k');
    expect(() => createSafeStorageKeyProvider(fakeStorage(false), file, { profile: 'development' })).toThrow(/keystore/);
  });
});

describe('app:// protocol under malformed input', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  writeFileSync(path.join(root, 'index.html'), '<p>hi</p>');

  it('answers a broken percent escape with 400 instead of throwing, and keeps serving', async () => {
    expect(resolveAppFile('app://terminal/%', root)).toBeNull();
    const bad = await appProtocolResponse('app://terminal/%E0%A4%A', root);
    expect(bad.status).toBe(400);
    expect((await appProtocolResponse('not a url', root)).status).toBe(400);
    expect((await appProtocolResponse('app://terminal/index.html', root)).status).toBe(200);
  });
});
