// Terminal authentication: every request carries a version-2 HMAC signature over method, path with query,
// timestamp, nonce, terminal, the headers that change its meaning and the body; a fresh timestamp; and a
// never-seen nonce. Nonces are kept in SQLite for twice the allowed skew, so a restarted sandbox still refuses
// a replay inside the window.
import type { IncomingHttpHeaders } from 'node:http';
import { collectSignedHeaders, MAX_CLOCK_SKEW_MS, SIGNATURE_HEADERS as H, SIGNATURE_VERSION, verifySignature } from '../src/signing';
import type { SandboxDb } from './db';
import { ApiError } from './handlers/context';

export interface TerminalCredential {
  id: string;
  secret: string;
}

export interface AuthenticatorOptions {
  /** Headers that must be signed whenever a request carries them (the spec's header parameters, Content-Type). */
  mustSign: readonly string[];
}

export function createAuthenticator(db: SandboxDb, terminals: TerminalCredential[], now: () => number, options: AuthenticatorOptions) {
  const secrets = new Map(terminals.map((t) => [t.id, t.secret]));
  const insertNonce = db.prepare('INSERT OR IGNORE INTO nonces (terminal_id, nonce, seen_at) VALUES (?, ?, ?)');
  const prune = db.prepare('DELETE FROM nonces WHERE seen_at < ?');
  let lastPrune = 0;

  return function authenticate(method: string, url: string, headers: IncomingHttpHeaders, body: Buffer): string {
    const get = (n: string) => {
      const v = headers[n];
      return Array.isArray(v) ? v.join(', ') : v;
    };
    const terminalId = get(H.terminalId);
    const timestamp = get(H.timestamp);
    const nonce = get(H.nonce);
    const signature = get(H.signature);
    if (!terminalId || !timestamp || !nonce || !signature) throw new ApiError(401, 'signature_missing', 'signature headers missing');
    if (get(H.version) !== SIGNATURE_VERSION) throw new ApiError(401, 'signature_invalid', `signature version must be ${SIGNATURE_VERSION}`);
    const secret = secrets.get(terminalId);
    if (!secret) throw new ApiError(401, 'unknown_terminal', 'terminal not registered');
    const ts = Number(timestamp);
    const t = now();
    if (!Number.isFinite(ts) || Math.abs(t - ts) > MAX_CLOCK_SKEW_MS) {
      throw new ApiError(401, 'timestamp_stale', 'timestamp outside the allowed window', { serverTime: new Date(t).toISOString() });
    }
    if (!/^[A-Za-z0-9_-]{16,128}$/.test(nonce)) throw new ApiError(401, 'signature_invalid', 'malformed nonce');
    const signed = collectSignedHeaders(get(H.signedHeaders), options.mustSign, get);
    if (!signed.ok) throw new ApiError(401, 'signature_invalid', signed.reason);
    if (!verifySignature(secret, { method, path: url, timestamp, nonce, terminalId, headers: signed.headers, body }, signature)) {
      throw new ApiError(401, 'signature_invalid', 'signature does not match');
    }
    if (insertNonce.run(terminalId, nonce, t).changes === 0) throw new ApiError(401, 'nonce_replayed', 'nonce already used');
    if (t - lastPrune > 60_000) {
      lastPrune = t;
      prune.run(t - 2 * MAX_CLOCK_SKEW_MS);
    }
    return terminalId;
  };
}
