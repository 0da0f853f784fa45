// Catalogue (ETag / If-None-Match), resource-library lookup, card sessions and heartbeats.
import type { CardSessionRequest, Heartbeat, ResidentLookupRequest, ResidentRecord } from '../../src/types';
import { ApiError, header, newToken, tokenHash, type Handler, type HandlerResult } from './context';

const CARD_SESSION_MS = 10 * 60_000;

export const getCatalogue: Handler = (ctx, req): HandlerResult => {
  const catalogue = ctx.catalogue();
  const etag = `"${catalogue.version}"`;
  if (header(req, 'if-none-match') === etag) return { status: 304, headers: { etag } };
  return { status: 200, body: catalogue, headers: { etag, 'cache-control': 'no-cache' } };
};

export const lookupResident: Handler = (ctx, req) => {
  const body = req.body as ResidentLookupRequest;
  const row = ctx.db.prepare('SELECT library_json FROM residents WHERE id_number = ?').get(body.idNumber) as { library_json: string } | undefined;
  if (!row) return { status: 200, body: { found: false } satisfies ResidentRecord };
  const library = JSON.parse(row.library_json) as Record<string, unknown>;
  const out: Record<string, unknown> = { found: true };
  // Only what was asked for: the library never hands out more than the item needs.
  for (const field of body.fields) if (library[field] !== undefined) out[field] = library[field];
  return { status: 200, body: out };
};

export const createCardSession: Handler = (ctx, req) => {
  const body = req.body as CardSessionRequest;
  const readAt = Date.parse(body.readAt);
  if (Math.abs(ctx.now() - readAt) > 5 * 60_000) throw new ApiError(422, 'validation_failed', 'card read is not fresh');
  const token = newToken();
  const expiresAt = ctx.now() + CARD_SESSION_MS;
  ctx.db.prepare('INSERT INTO card_sessions (token_hash, id_number, expires_at) VALUES (?, ?, ?)').run(tokenHash(token), body.idNumber, expiresAt);
  return { status: 201, body: { cardToken: token, expiresAt: new Date(expiresAt).toISOString() } };
};

export function cardSessionIdNumber(ctx: Parameters<Handler>[0], token: string): string {
  const row = ctx.db.prepare('SELECT id_number, expires_at FROM card_sessions WHERE token_hash = ?').get(tokenHash(token)) as
    | { id_number: string; expires_at: number }
    | undefined;
  if (!row || row.expires_at < ctx.now()) throw new ApiError(401, 'unauthorized', 'card session unknown or expired');
  return row.id_number;
}

export const sendHeartbeat: Handler = (ctx, req) => {
  const body = req.body as Heartbeat;
  ctx.db.prepare('INSERT OR REPLACE INTO heartbeats (terminal_id, received_at, body_json) VALUES (?, ?, ?)').run(req.terminalId, ctx.now(), JSON.stringify(body));
  return { status: 200, body: { serverTime: new Date(ctx.now()).toISOString(), catalogueVersion: ctx.catalogue().version } };
};
