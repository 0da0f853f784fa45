// The journal's data key, sealed by the OS keystore through Electron's safeStorage (DPAPI on Windows,
// libsecret/kwallet on Linux). The sealed key sits in the data folder; without the OS account it is useless.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { KeyProvider } from '@easydo/core/services/terminal/key-provider';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export function createSafeStorageKeyProvider(safeStorage: SafeStorageLike, file: string): KeyProvider {
  return {
    keyId: 'safe-storage-v1',
    async getKey() {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('OS keystore unavailable: refusing to keep personal data unencrypted');
      if (!existsSync(file)) {
        const key = randomBytes(32).toString('base64');
        writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600 });
      }
      const key = Buffer.from(safeStorage.decryptString(readFileSync(file)), 'base64');
      if (key.length !== 32) throw new Error('sealed journal key is damaged');
      return new Uint8Array(key);
    },
  };
}
