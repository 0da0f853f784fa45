// The receipt's QR link to the platform's public progress page: https://<progress host>/progress/<number>?t=<token>.
// The token is an HMAC-SHA256 under the issuing terminal's secret (the one it signs requests with, domain-separated
// by its own label), cut to 128 bits: the platform recomputes it from the application's terminal, so only whoever
// holds the slip can open the page; it says nothing about the query password or the person (the key is random, the
// message is the number printed beside the QR anyway). Shared by the terminal (makes it) and the sandbox (checks it).
import { createHmac, timingSafeEqual } from 'node:crypto';

const TOKEN_LABEL = 'EASYDO-PROGRESS-LINK-V1';
/** 16 bytes, base64url: 22 characters of [A-Za-z0-9_-] (openapi.yaml ProgressToken). */
export const PROGRESS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
/** A host name with an optional port, nothing else (no scheme, path, user or query). */
export const PROGRESS_HOST_PATTERN = /^(?=.{1,253}(:|$))([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?$/;

export function progressToken(terminalSecret: string, acceptanceNumber: string): string {
  return createHmac('sha256', terminalSecret).update(`${TOKEN_LABEL}\n${acceptanceNumber}`).digest().subarray(0, 16).toString('base64url');
}

/** Constant-time check of a token against the issuing terminal's secret. */
export function progressTokenMatches(terminalSecret: string, acceptanceNumber: string, token: string): boolean {
  if (!PROGRESS_TOKEN_PATTERN.test(token)) return false;
  const expected = Buffer.from(progressToken(terminalSecret, acceptanceNumber));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The path (with query) of the page: the same on the platform's host and on a sandbox. */
export function progressPagePath(acceptanceNumber: string, token: string): string {
  return `/progress/${encodeURIComponent(acceptanceNumber)}?t=${token}`;
}

export function progressPageUrl(progressHost: string, acceptanceNumber: string, token: string): string {
  if (!PROGRESS_HOST_PATTERN.test(progressHost)) throw new RangeError('progress host: a host name with an optional port');
  return `https://${progressHost}${progressPagePath(acceptanceNumber, token)}`;
}

export interface ProgressLink {
  host: string;
  acceptanceNumber: string;
  token: string;
}

/** Reads a progress-page link back (the kiosk scanning a slip); anything else is null. */
export function parseProgressPageUrl(text: string): ProgressLink | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.hash) return null;
  const m = /^\/progress\/([^/]+)$/.exec(url.pathname);
  const token = url.searchParams.get('t');
  if (!m || token === null || [...url.searchParams.keys()].length !== 1 || !PROGRESS_TOKEN_PATTERN.test(token)) return null;
  let acceptanceNumber: string;
  try {
    acceptanceNumber = decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
  if (acceptanceNumber.length < 1 || acceptanceNumber.length > 64) return null;
  return { host: url.host, acceptanceNumber, token };
}
