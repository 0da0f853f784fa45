// The journal key's source: safeStorage only with a real keystore in production (never basic_text), or a key
// file the image provisioned; the browser shell in production has no keystore and must be given a file.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSafeStorageKeyProvider, keystoreRefusal, type SafeStorageLike } from '../../src/main/safe-storage-key-provider';
import { journalKeyProvider } from '../../src/app/journal-key';
import { StartupRefused } from '../../src/app/startup';
import { parseConfig } from '@easydo/core/services/config/load';
import { keyIdFor } from '@easydo/core/services/terminal/key-provider';
import { productionConfigInput } from '../../../core/test/config/fixtures';

/** A safeStorage stand-in with a selectable Linux backend; "sealing" is reversible but not plain text. */
function fakeSafeStorage(backend: string, available = true): SafeStorageLike & { sealed: number } {
  const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    sealed: 0,
    isEncryptionAvailable: () => available,
    encryptString(plain) {
      this.sealed += 1;
      return Buffer.concat([Buffer.from('v10'), mask(Buffer.from(plain))]);
    },
    decryptString: (sealed) => mask(sealed.subarray(3)).toString(),
    getSelectedStorageBackend: () => backend,
  };
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'easydo-key-'));
const refusedField = async (run: () => unknown) => {
  try {
    await run();
  } catch (e) {
    if (e instanceof StartupRefused) return e.field;
    throw e;
  }
  return null;
};

describe('safeStorage key provider', () => {
  it('refuses basic_text and unknown backends on Linux in production, naming journalKey.source', async () => {
    for (const backend of ['basic_text', 'unknown']) {
      expect(keystoreRefusal(fakeSafeStorage(backend), 'production', 'linux')).toMatchObject({ field: 'journalKey.source', reason: expect.stringContaining(backend) });
      expect(await refusedField(() => createSafeStorageKeyProvider(fakeSafeStorage(backend), path.join(tmp(), 'k'), { profile: 'production', platform: 'linux' }))).toBe('journalKey.source');
    }
    expect(keystoreRefusal(fakeSafeStorage('gnome_libsecret'), 'production', 'linux')).toBeNull();
    expect(keystoreRefusal(fakeSafeStorage('kwallet6'), 'production', 'linux')).toBeNull();
    expect(keystoreRefusal(fakeSafeStorage('basic_text'), 'development', 'linux')).toBeNull();
  });

  it('refuses in every profile when encryption is not available', () => {
    for (const profile of ['development', 'production'] as const) {
      expect(keystoreRefusal(fakeSafeStorage('gnome_libsecret', false), profile, 'win32')).toMatchObject({ field: 'journalKey.source' });
    }
  });

  it('seals a fresh key once, reads it back, and derives the key id from the key', async () => {
    const file = path.join(tmp(), 'journal.key.sealed');
    const storage = fakeSafeStorage('gnome_libsecret');
    const provider = createSafeStorageKeyProvider(storage, file, { profile: 'production', platform: 'linux' });
    const key = await provider.getKey();
    expect(key).toHaveLength(32);
    expect(readFileSync(file).includes(Buffer.from(Buffer.from(key).toString('base64')))).toBe(false);
    const again = createSafeStorageKeyProvider(storage, file, { profile: 'production', platform: 'linux' });
    expect(Buffer.from(await again.getKey())).toEqual(Buffer.from(key));
    expect(again.keyId).toBe(provider.keyId);
    expect(provider.keyId).toBe(keyIdFor(key));
    expect(storage.sealed).toBe(1);
    // Another key (the sealed file regenerated) has another id.
    const other = createSafeStorageKeyProvider(storage, path.join(tmp(), 'journal.key.sealed'), { profile: 'production', platform: 'linux' });
    expect(other.keyId).not.toBe(provider.keyId);
  });
});

describe('journal key source from config', () => {
  const withFile = (keyPath: string) => parseConfig({ ...productionConfigInput(), journalKey: { source: 'file', path: keyPath } });

  it('production never creates a key file: a missing one is a refusal naming journalKey.path', async () => {
    const keyPath = path.join(tmp(), 'journal.key');
    expect(await refusedField(() => journalKeyProvider({ config: withFile(keyPath), profile: 'production', osKeystore: null }))).toBe('journalKey.path');
    expect(existsSync(keyPath)).toBe(false);
  });

  it('refuses a provisioned key file others can read, and uses a 0600 one', async () => {
    const keyPath = path.join(tmp(), 'journal.key');
    writeFileSync(keyPath, randomBytes(32).toString('base64') + '\n', { mode: 0o644 });
    chmodSync(keyPath, 0o644);
    expect(await refusedField(() => journalKeyProvider({ config: withFile(keyPath), profile: 'production', osKeystore: null }))).toBe('journalKey.path');
    chmodSync(keyPath, 0o600);
    const provider = await journalKeyProvider({ config: withFile(keyPath), profile: 'production', osKeystore: null });
    expect(Buffer.from(await provider!.getKey())).toEqual(Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'base64'));
  });

  it('the browser shell in production has no OS keystore and refuses; development uses the default key file', async () => {
    const config = parseConfig(productionConfigInput());
    expect(await refusedField(() => journalKeyProvider({ config, profile: 'production', osKeystore: null }))).toBe('journalKey.source');
    expect(await journalKeyProvider({ config, profile: 'development', osKeystore: null })).toBeUndefined();
  });

  it('Electron hands its keystore provider over, and its refusal stops the start', async () => {
    const config = parseConfig(productionConfigInput());
    const file = path.join(tmp(), 'journal.key.sealed');
    expect(await refusedField(() => journalKeyProvider({ config, profile: 'production', osKeystore: () => createSafeStorageKeyProvider(fakeSafeStorage('basic_text'), file, { profile: 'production', platform: 'linux' }) }))).toBe('journalKey.source');
  });
});
