// KeyProvider for simulators and tests: a random 32-byte key in a file only its owner may read (0600).
// Created on first use with O_EXCL so two processes starting together cannot write different keys.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { keyIdFor, type KeyProvider } from './crypto';

export function createKeyFileProvider(file: string): KeyProvider {
  let key: Buffer | undefined;
  const load = (): Buffer => {
    if (key) return key;
    try {
      writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const mode = statSync(file).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) throw new Error(`key file ${file} is readable by others (mode ${mode.toString(8)}); expected 0600`);
    const decoded = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (decoded.length !== 32) throw new Error(`key file ${file} does not hold a 32-byte base64 key`);
    key = decoded;
    return key;
  };
  return {
    get keyId() {
      return keyIdFor(load());
    },
    getKey: async () => load(),
  };
}
