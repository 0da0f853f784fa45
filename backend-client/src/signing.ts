// Request signing shared by the client and the sandbox. HMAC-SHA256 over a canonical string so a
// body, path or timestamp changed in transit (or a captured request replayed later) is refused.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADERS = {
  terminalId: 'x-terminal-id',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  signature: 'x-signature',
} as const;

/** How far a request's timestamp may be from the server's clock. */
export const MAX_CLOCK_SKEW_MS = 300_000;

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface SignInput {
  method: string;
  /** Path with query string, as sent on the request line. */
  path: string;
  timestamp: string;
  nonce: string;
  body: Uint8Array | string;
}

export function canonicalString(input: SignInput): string {
  return [input.method.toUpperCase(), input.path, input.timestamp, input.nonce, sha256Hex(input.body)].join('\n');
}

export function sign(secret: string, input: SignInput): string {
  return createHmac('sha256', secret).update(canonicalString(input)).digest('hex');
}

/** Constant-time comparison of a presented signature with the expected one. */
export function verifySignature(secret: string, input: SignInput, presented: string): boolean {
  const expected = Buffer.from(sign(secret, input), 'hex');
  const got = Buffer.from(presented, 'hex');
  return got.length === expected.length && timingSafeEqual(got, expected);
}
