// Request signing shared by the client and the sandbox. HMAC-SHA256 over a versioned canonical string that
// covers everything that gives a request its meaning: method, path with query, timestamp, nonce, terminal,
// the headers that change what the server does (Idempotency-Key, X-Clerk-Token, Upload-Offset, If-None-Match,
// Content-Type, …) and the body. A request whose body, path, time or any of those headers was changed in
// transit, or that is replayed later, is refused. Version 1 (no headers signed) let a captured request be
// re-sent with another idempotency key and create a second application; it is not accepted any more.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADERS = {
  terminalId: 'x-terminal-id',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  signature: 'x-signature',
  version: 'x-signature-version',
  signedHeaders: 'x-signed-headers',
} as const;

/** The only canonical-string version this code makes and accepts. */
export const SIGNATURE_VERSION = '2';
const CANONICAL_LABEL = 'EASYDO-HMAC-SHA256-V2';

/** How far a request's timestamp may be from the server's clock. */
export const MAX_CLOCK_SKEW_MS = 300_000;

/** Headers that authentication itself consists of: never part of the signed-header list. */
const AUTH_HEADERS: ReadonlySet<string> = new Set(Object.values(SIGNATURE_HEADERS));

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface SignInput {
  method: string;
  /** Path with query string, exactly as sent on the request line. */
  path: string;
  timestamp: string;
  nonce: string;
  terminalId: string;
  /** The signed headers, by (any-case) name; the list is part of what is signed. */
  headers: Readonly<Record<string, string>>;
  body: Uint8Array | string;
}

/** Lower-case, sorted, de-duplicated: the form of the `X-Signed-Headers` value (`a;b;c`). */
export function signedHeaderNames(headers: Readonly<Record<string, string>>): string[] {
  return [...new Set(Object.keys(headers).map((n) => n.toLowerCase()))].filter((n) => !AUTH_HEADERS.has(n)).sort();
}

function lowerKeys(headers: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

export function canonicalString(input: SignInput): string {
  const names = signedHeaderNames(input.headers);
  const values = lowerKeys(input.headers);
  return [
    CANONICAL_LABEL,
    input.method.toUpperCase(),
    input.path,
    input.timestamp,
    input.nonce,
    input.terminalId,
    names.join(';'),
    ...names.map((n) => `${n}:${(values.get(n) ?? '').trim()}`),
    sha256Hex(input.body),
  ].join('\n');
}

export function sign(secret: string, input: SignInput): string {
  return createHmac('sha256', secret).update(canonicalString(input)).digest('hex');
}

/**
 * The authentication headers of a request: version, the list of signed headers and the signature. The caller
 * adds terminal id, timestamp and nonce (which it chose) and every header it signed.
 */
export function signatureHeaders(secret: string, input: SignInput): Record<string, string> {
  return {
    [SIGNATURE_HEADERS.version]: SIGNATURE_VERSION,
    [SIGNATURE_HEADERS.signedHeaders]: signedHeaderNames(input.headers).join(';'),
    [SIGNATURE_HEADERS.signature]: sign(secret, input),
  };
}

/** Constant-time comparison of a presented signature with the expected one. */
export function verifySignature(secret: string, input: SignInput, presented: string): boolean {
  const expected = Buffer.from(sign(secret, input), 'hex');
  const got = Buffer.from(presented, 'hex');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

export type HeaderLookup = (lowerCaseName: string) => string | undefined;

export type SignedHeadersResult =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; reason: string };

/**
 * The verifier's side of the signed-header list: every header in `mustSign` that the request carries has to be
 * listed (an unsigned Idempotency-Key or clerk token is refused, not ignored), and every listed header has to be
 * present. Returns the listed headers with their received values, ready for `verifySignature`.
 */
export function collectSignedHeaders(listed: string | undefined, mustSign: Iterable<string>, get: HeaderLookup): SignedHeadersResult {
  const names = (listed ?? '').split(';').filter(Boolean);
  const canonical = [...new Set(names.map((n) => n.toLowerCase()))].sort();
  if (canonical.join(';') !== names.join(';')) return { ok: false, reason: 'signed header list is not lower-case, sorted and unique' };
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const n of names) {
    if (AUTH_HEADERS.has(n)) return { ok: false, reason: `${n} cannot be a signed header` };
    const v = get(n);
    if (v === undefined) return { ok: false, reason: `signed header ${n} is missing` };
    headers[n] = v;
  }
  for (const n of mustSign) {
    const lower = n.toLowerCase();
    if (get(lower) !== undefined && !Object.hasOwn(headers, lower)) return { ok: false, reason: `header ${lower} is present but not signed` };
  }
  return { ok: true, headers };
}
