// A materials session's working images (the prepared master PNG and the upload JPEG) are written encrypted with
// AES-256-GCM under a key made at process start and held only in memory. After a crash or power cut the files
// left on disk are unreadable noise (the key died with the process), and the next start deletes them
// (sweepStaleMaterials). The folders live under $XDG_RUNTIME_DIR when it is private (a tmpfs), else the temp folder.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import os from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { makePrivateDir, sweepStaleDirs, tempRoot } from '@easydo/device-drivers/scanner/private-temp';

const KEY = randomBytes(32);
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const MATERIALS_DIR_PREFIX = 'easydo-materials';

/** iv ‖ tag ‖ ciphertext, 0600, never overwriting. */
export async function writeSealed(file: string, bytes: Uint8Array): Promise<void> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', KEY, iv);
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  await writeFile(file, Buffer.concat([iv, cipher.getAuthTag(), body]), { mode: 0o600, flag: 'wx' });
}

export async function readSealed(file: string): Promise<Uint8Array> {
  const sealed = await readFile(file);
  const decipher = createDecipheriv('aes-256-gcm', KEY, sealed.subarray(0, IV_BYTES));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]));
}

/** A session's private folder (0700) under `root` (default: the runtime tmpfs or the temp folder). */
export function makeMaterialsDir(root?: string): Promise<string> {
  return makePrivateDir(MATERIALS_DIR_PREFIX, root ?? tempRoot());
}

/**
 * Start-up: deletes the session folders of processes that are gone (crash, power cut, kill -9), including
 * the unencrypted ones the old naming (`easydo-materials-XXXXXX` in the temp folder) left before this change.
 */
export async function sweepStaleMaterials(root?: string): Promise<number> {
  let swept = 0;
  for (const r of new Set([root ?? tempRoot(), ...(root ? [] : [os.tmpdir()])])) {
    swept += await sweepStaleDirs(MATERIALS_DIR_PREFIX, { root: r, legacyOlderThanMs: 60 * 60_000 });
  }
  return swept;
}
