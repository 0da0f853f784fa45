// The journal's data key, sealed by the OS keystore through Electron's safeStorage (DPAPI on Windows, Keychain on
// macOS, libsecret or KWallet on Linux). The sealed key sits in the data folder; without the OS account it is
// useless. On Linux, when no keyring answers, safeStorage falls back to `basic_text`: a fixed, public password,
// which seals nothing. The production profile refuses it (and an unknown backend) at start-up, naming the setting;
// packaging/README.md says what a kiosk image must provide instead.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { keyIdFor, type KeyProvider } from '@easydo/core/services/terminal/key-provider';
import { StartupRefused, type Profile, type Refusal } from '../app/startup';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  /** Linux only (Electron ≥ 24): basic_text | gnome_libsecret | kwallet | kwallet5 | kwallet6 | unknown. */
  getSelectedStorageBackend?(): string;
}

const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

/** Why this keystore cannot protect the journal in this profile, or null. Call after app `ready`. */
export function keystoreRefusal(safeStorage: SafeStorageLike, profile: Profile, platform: NodeJS.Platform = process.platform): Refusal | null {
  if (!safeStorage.isEncryptionAvailable()) {
    return { field: 'journalKey.source', reason: 'the OS keystore is not available: refusing to keep personal data unencrypted (see packaging/README.md)' };
  }
  if (platform !== 'linux' || profile !== 'production') return null;
  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  if (!WEAK_LINUX_BACKENDS.has(backend)) return null;
  return {
    field: 'journalKey.source',
    reason: `safeStorage uses the "${backend}" backend, which does not protect the key: unlock a system keyring for the service user, or provision a key file (journalKey.source "file"; see packaging/README.md)`,
  };
}

/** Throws StartupRefused when the keystore cannot be trusted in this profile. */
export function createSafeStorageKeyProvider(safeStorage: SafeStorageLike, file: string, options: { profile: Profile; platform?: NodeJS.Platform }): KeyProvider {
  const refusal = keystoreRefusal(safeStorage, options.profile, options.platform);
  if (refusal) throw new StartupRefused(refusal.field, refusal.reason);
  let key: Uint8Array | undefined;
  const load = (): Uint8Array => {
    if (key) return key;
    if (!existsSync(file)) {
      try {
        // wx: two processes starting together cannot seal two different keys.
        writeFileSync(file, safeStorage.encryptString(randomBytes(32).toString('base64')), { mode: 0o600, flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    const decoded = Buffer.from(safeStorage.decryptString(readFileSync(file)), 'base64');
    if (decoded.length !== 32) throw new Error('sealed journal key is damaged');
    key = new Uint8Array(decoded);
    return key;
  };
  return {
    // Derived from the key (the journal's own keyIdFor), so a regenerated key is noticed, not misread.
    get keyId() {
      return keyIdFor(load());
    },
    getKey: async () => load(),
  };
}
