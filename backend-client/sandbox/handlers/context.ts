// What every sandbox handler receives, and the typed error it throws.
import type { SandboxDb } from '../db';
import type { Catalogue, ServerErrorCode } from '../../src/types';
import { createHash, randomBytes } from 'node:crypto';

export interface HandlerContext {
  db: SandboxDb;
  catalogue: () => Catalogue;
  clockSpeed: number;
  now: () => number;
  /** A registered terminal's secret (progress links are checked against the issuing terminal's). */
  terminalSecret: (terminalId: string) => string | undefined;
}

export interface HandlerRequest {
  body: unknown;
  params: Record<string, string>;
  /** Query parameters (public pages only take any). */
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  terminalId: string;
  rawBody: Buffer;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Media type of `body` when it is not JSON (a page's HTML, as a string). */
  contentType?: 'text/html';
}

export type Handler = (ctx: HandlerContext, req: HandlerRequest) => HandlerResult;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function header(req: HandlerRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(24).toString('base64url');
