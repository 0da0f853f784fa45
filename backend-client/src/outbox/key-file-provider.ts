// KeyProvider for simulators and tests: a random 32-byte key in a file only its owner may read (0600).
// Created on first use complete or not at all: the key is written and flushed to a private temp file, which is
// then hard-linked into place (link fails if the file exists, so two processes starting together cannot write
// different keys, and a kill mid-write can never leave an empty key file that would lock the journal for good).
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { keyIdFor, type KeyProvider } from './crypto';

function createOnce(file: string): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, randomBytes(32).toString('base64') + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
}

export function createKeyFileProvider(file: string): KeyProvider {
  let key: Buffer | undefined;
  const load = (): Buffer => {
    if (key) return key;
    // An empty file is what the earlier, non-atomic creation left when killed mid-write: no key was ever in it,
    // so nothing can have been sealed with it.
    const existing = statSync(file, { throwIfNoEntry: false });
    if (existing?.size === 0) unlinkSync(file);
    if (!existing || existing.size === 0) createOnce(file);
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
