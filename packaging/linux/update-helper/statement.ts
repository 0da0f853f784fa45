// The package statement the release key signs, as the root helper checks it. The helper imports nothing of the
// terminal (packaging stands alone), so the format is written out here too; fleet/test/updates/update-install.test.ts
// signs releases with the agent's side (core/src/services/update/signing.ts, via the release tool) and the helper
// bundle verifies them with this side, so the two cannot drift.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { createReadStream } from 'node:fs';

export function packageStatement(p: { name: string; version: string; size: number; sha512: string }): Buffer {
  return Buffer.from(`easydo-package-v1\n${p.name}\n${p.version}\n${p.size}\n${p.sha512}\n`, 'utf8');
}

export function verifyStatement(publicKeyBase64: string, data: Buffer, signatureBase64: string): boolean {
  const raw = Buffer.from(publicKeyBase64, 'base64');
  if (raw.length !== 32) return false;
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  const sig = Buffer.from(signatureBase64, 'base64');
  return sig.length === 64 && verify(null, data, key, sig);
}

export async function sha512File(path: string): Promise<string> {
  const h = createHash('sha512');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}
