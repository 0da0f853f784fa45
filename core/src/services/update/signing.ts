// Ed25519 signatures of releases (node:crypto, no library). Two statements are signed, each with its own prefix so
// a signature of one can never be replayed as the other: the channel's manifest text, and one package (name,
// version, size, sha512). The package statement lets the root helper check a file on its own, without trusting the
// manifest or the agent that hands it over. Keys are pinned in the terminal's config as base64 of the raw 32-byte
// public key, each with an id; rotation = ship the new key beside the old, sign with the new, retire the old
// (docs in core/src/services/update/README.md).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { codedError } from '@easydo/device-drivers/device/coded-error';

export class SignatureError extends codedError<'badKey' | 'unknownKey' | 'badSignature'>('SignatureError') {}

export const MANIFEST_PREFIX = 'easydo-release-manifest-v1\n';
export const PACKAGE_PREFIX = 'easydo-package-v1\n';

export interface PinnedKey {
  id: string;
  /** base64 of the raw 32-byte Ed25519 public key. */
  publicKey: string;
}

export function publicKeyFromRaw(base64: string): KeyObject {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== base64) throw new SignatureError('badKey', 'an Ed25519 public key is base64 of 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

/** True when the text is a usable pinned key (the config schema refuses anything else). */
export function isPublicKey(base64: string): boolean {
  try {
    publicKeyFromRaw(base64);
    return true;
  } catch {
    return false;
  }
}

export function packageStatement(p: { name: string; version: string; size: number; sha512: string }): Buffer {
  return Buffer.from(`${PACKAGE_PREFIX}${p.name}\n${p.version}\n${p.size}\n${p.sha512.toLowerCase()}\n`, 'utf8');
}

export function manifestStatement(body: string): Buffer {
  return Buffer.from(MANIFEST_PREFIX + body, 'utf8');
}

/** Throws SignatureError unless `signature` (base64) is a valid signature of `data` by the pinned key `keyId`. */
export function verifySigned(keys: readonly PinnedKey[], keyId: string, data: Buffer, signature: string): void {
  const pinned = keys.find((k) => k.id === keyId);
  if (!pinned) throw new SignatureError('unknownKey', `signed with key ${keyId}, which this terminal does not pin`);
  const sig = Buffer.from(signature, 'base64');
  if (sig.length !== 64 || !verify(null, data, publicKeyFromRaw(pinned.publicKey), sig)) throw new SignatureError('badSignature', 'the signature does not match');
}

// Release tooling and tests: a signing key is a PKCS#8 PEM kept off the terminals.
export interface SigningKey {
  id: string;
  privateKeyPem: string;
  publicKey: string;
}

export function generateSigningKey(id: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  return { id, privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicKey: Buffer.from(x, 'base64url').toString('base64') };
}

export function signData(key: Pick<SigningKey, 'privateKeyPem'>, data: Buffer): string {
  return sign(null, data, createPrivateKey(key.privateKeyPem)).toString('base64');
}
