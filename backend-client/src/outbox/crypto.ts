// Personal data at rest: AES-256-GCM with a key from a KeyProvider. Each sealed value carries its own
// random IV and is bound (as associated data) to its row and column, so a value copied into another
// row does not decrypt.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Where the journal's 32-byte data key comes from. Production: Electron safeStorage (OS keystore),
 * implemented by the app shell; simulators and tests: a 0600 key file (createKeyFileProvider).
 */
export interface KeyProvider {
  /**
   * For diagnostics only. The journal stores keyIdFor(key) beside every sealed row and never trusts this
   * label, so a regenerated key is noticed even by a provider whose label stays the same.
   */
  readonly keyId?: string;
  /** The 32-byte AES-256 key. */
  getKey(): Promise<Uint8Array>;
}

const VERSION = 1;

/**
 * The id of a key, derived from the key itself: a different key always has a different id. An HMAC
 * under the key (not a plain hash) so the id says nothing that helps guess the key.
 */
export function keyIdFor(key: Uint8Array): string {
  if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  return 'k1:' + createHmac('sha256', key).update('easydo journal key id').digest('hex').slice(0, 16);
}

export class Sealer {
  private readonly key: Buffer;

  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
    this.key = Buffer.from(key);
  }

  seal(plain: Uint8Array | string, aad: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]);
  }

  open(sealed: Uint8Array, aad: string): Buffer {
    const buf = Buffer.from(sealed);
    if (buf[0] !== VERSION || buf.length < 1 + 12 + 16) throw new Error('sealed value has an unknown format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, buf.subarray(1, 13));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(buf.subarray(buf.length - 16));
    return Buffer.concat([decipher.update(buf.subarray(13, buf.length - 16)), decipher.final()]);
  }

  sealJson(value: unknown, aad: string): Buffer {
    return this.seal(JSON.stringify(value), aad);
  }

  openJson<T>(sealed: Uint8Array, aad: string): T {
    return JSON.parse(this.open(sealed, aad).toString('utf8')) as T;
  }
}
