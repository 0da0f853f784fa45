// Before anything else happens with a downloaded file: its size, its sha512 and the release key's signature of
// (name, version, size, sha512). A file that fails any of them is deleted, never handed to the helper.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { codedError } from '@easydo/device-drivers/device/coded-error';
import { packageStatement, verifySigned, type PinnedKey } from './signing';

export class VerifyError extends codedError<'size' | 'hash' | 'signature'>('VerifyError') {}

export async function sha512File(path: string): Promise<string> {
  const h = createHash('sha512');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export interface PackageClaim {
  name: string;
  version: string;
  size: number;
  sha512: string;
  signature: string;
  keyId: string;
}

export async function verifyPackage(path: string, claim: PackageClaim, keys: readonly PinnedKey[]): Promise<void> {
  const { size } = await stat(path);
  if (size !== claim.size) throw new VerifyError('size', `the file has ${size} bytes, the release says ${claim.size}`);
  if ((await sha512File(path)) !== claim.sha512) throw new VerifyError('hash', 'the sha512 does not match the release');
  try {
    verifySigned(keys, claim.keyId, packageStatement(claim), claim.signature);
  } catch (e) {
    throw new VerifyError('signature', (e as Error).message, { cause: e });
  }
}
