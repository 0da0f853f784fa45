// The sandbox of the unified acceptance platform: fastify routes generated from openapi.yaml, each
// request authenticated, validated against the spec, handled on SQLite, and its response validated
// against the spec before it leaves. Faults can be injected for drills.
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEV_TERMINAL as DEV_TERMINAL_CREDENTIAL } from '../src/dev-terminal';
import { specValidator, type OperationInfo } from '../src/spec-validator';
import type { ServerErrorCode } from '../src/types';
import { createAuthenticator, type TerminalCredential } from './auth';
import { loadCatalogue, openSandboxDb, sandboxStats, type SandboxDb, type SandboxStats } from './db';
import { drawFault, latencyFor, parseFaults, type FaultAction, type FaultSpec } from './faults';
import { ApiError, type Handler, type HandlerContext, type HandlerResult } from './handlers/context';
import { HANDLERS } from './handlers/index';
import { wantsJson } from './handlers/progress-page';
import { progressErrorHtml } from './progress-page-html';
import { sandboxRemoteHelp } from './remote-help/attach';
import type { RemoteHelpHub } from './remote-help/hub';
import { attachDevIdentityCodes } from './dev-identity-codes';

export const DEV_TERMINAL: TerminalCredential = { ...DEV_TERMINAL_CREDENTIAL };

export interface SandboxOptions {
  /** 0 (default) lets the OS choose. */
  port?: number;
  host?: string;
  dbFile: string;
  terminals?: TerminalCredential[];
  /** Simulated seconds per real second for stage progression (default 1). */
  clockSpeed?: number;
  faults?: string | Partial<FaultSpec>;
  /** Uniform [0, 1) source for fault draws and latency jitter (default Math.random); a seeded one replays a test. */
  random?: () => number;
  residentsFile?: string;
  /** Print one line per request to stderr (no bodies). */
  log?: boolean;
}

export interface Sandbox {
  url: string;
  port: number;
  db: SandboxDb;
  setFaults(spec: string | Partial<FaultSpec> | undefined): void;
  /** How many requests each injected fault has taken so far (a test waits on it: "the hung request has arrived"). */
  faultsDrawn(): Readonly<Record<Exclude<FaultAction, 'none'>, number>>;
  stats(): SandboxStats;
  /** Answers the sandbox was about to send that the spec does not describe (each was replaced by a 500). */
  specViolations(): readonly string[];
  /** The remote-help signalling hub (WebSocket on the same server; remote-help.asyncapi.yaml). */
  remoteHelp: RemoteHelpHub;
  close(): Promise<void>;
}

const raw = new WeakMap<FastifyRequest, Buffer>();
/** The spec operation a request was routed to (undefined for unknown routes). */
const operationOf = (req: FastifyRequest) => (req.routeOptions.config as { operationId?: string } | undefined)?.operationId;
/** Query parameters as single strings (a repeated one counts by its first value). */
const queryOf = (req: FastifyRequest): Record<string, string> =>
  Object.fromEntries(Object.entries((req.query ?? {}) as Record<string, unknown>).flatMap(([k, v]) => {
    const first = Array.isArray(v) ? v[0] : v;
    return typeof first === 'string' ? [[k, first]] : [];
  }));
const errorBody = (code: ServerErrorCode, message: string, details?: Record<string, unknown>) => ({ error: { code, message, ...(details ? { details } : {}) } });

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const db = openSandboxDb({ file: options.dbFile, ...(options.residentsFile ? { residentsFile: options.residentsFile } : {}) });
  const clockSpeed = options.clockSpeed ?? 1;
  const now = () => Date.now();
  const catalogueCache = loadCatalogue(db);
  const terminals = options.terminals ?? [DEV_TERMINAL];
  const secrets = new Map(terminals.map((t) => [t.id, t.secret]));
  const ctx: HandlerContext = { db, catalogue: () => catalogueCache, clockSpeed, now, terminalSecret: (id) => secrets.get(id) };
  const validator = specValidator();
  // Every header parameter of the spec changes what an operation does, and so does the body's media type.
  const mustSign = ['content-type', ...new Set([...validator.operations.values()].flatMap((o) => o.parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase())))];
  const authenticate = createAuthenticator(db, terminals, now, { mustSign });
  const violations: string[] = [];
  let faults = parseFaults(options.faults);
  const chosen = new WeakMap<FastifyRequest, FaultAction>();

  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 8 * 1024 * 1024 });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'application/octet-stream'], { parseAs: 'buffer' }, (req, body, done) => {
    const buf = body as Buffer;
    raw.set(req, buf);
    if (req.headers['content-type']?.startsWith('application/octet-stream')) return done(null, buf);
    try {
      done(null, buf.length ? JSON.parse(buf.toString('utf8')) : undefined);
    } catch {
      done(new ApiError(400, 'bad_request', 'body is not valid JSON'));
    }
  });

  async function send(req: FastifyRequest, reply: FastifyReply, operationId: string | undefined, status: number, body: unknown, headers: Record<string, string> = {}, contentType?: HandlerResult['contentType']) {
    if (operationId) {
      const check = validator.validateResponse(operationId, status, body, contentType ?? 'application/json');
      if (!check.ok) {
        violations.push(`${operationId} ${status}: ${JSON.stringify(check.issues)}`);
        process.stderr.write(`sandbox: response of ${operationId} violates the spec: ${JSON.stringify(check.issues)}\n`);
        status = 500;
        body = errorBody('internal', 'response failed spec validation');
        contentType = undefined;
      }
    }
    reply.code(status).headers(headers);
    if (status === 304 || body === undefined) return reply.send();
    if (contentType === 'text/html') return reply.type('text/html; charset=utf-8').send(String(body));
    const text = JSON.stringify(body);
    reply.type('application/json');
    if (chosen.get(req) === 'slowBody') {
      const chunks = text.match(/[\s\S]{1,64}/g) ?? [];
      return reply.send(Readable.from((async function* () {
        for (const c of chunks) {
          await sleep(30);
          yield c;
        }
      })()));
    }
    return reply.send(text);
  }

  const drawn: Record<Exclude<FaultAction, 'none'>, number> = { hang: 0, reset: 0, error5xx: 0, resetAfter: 0, slowBody: 0 };
  app.addHook('onRequest', async (req, reply) => {
    const delay = latencyFor(faults, options.random);
    if (delay > 0) await sleep(delay);
    const action = drawFault(faults, options.random);
    chosen.set(req, action);
    if (action !== 'none') drawn[action] += 1;
    if (action === 'hang') await new Promise(() => undefined); // released when close() destroys the socket
    if (action === 'reset') {
      req.raw.socket.destroy();
      return reply;
    }
    if (action === 'error5xx') return send(req, reply, operationOf(req), 503, errorBody('unavailable', 'injected fault'));
  });

  /** One route for each operation, at the spec's path, named by its operationId. */
  function routeEach(ops: Iterable<OperationInfo>, handle: (op: OperationInfo, handler: Handler, req: FastifyRequest, reply: FastifyReply) => Promise<unknown>): void {
    for (const op of ops) {
      const handler = HANDLERS[op.operationId];
      if (!handler) throw new Error(`no sandbox handler for ${op.operationId}`);
      app.route({
        method: op.method as 'GET',
        url: op.path.replace(/\{(\w+)\}/g, ':$1'),
        config: { operationId: op.operationId },
        handler: (req, reply) => handle(op, handler, req, reply),
      });
    }
  }

  /** Path and query parameters of a request, checked against the operation's parameters in the spec. */
  function checkedParameters(op: OperationInfo, req: FastifyRequest): { params: Record<string, string>; query: Record<string, string> } {
    const params = (req.params ?? {}) as Record<string, string>;
    const query = queryOf(req);
    const p = validator.validateParameters(op.operationId, req.headers, params, query);
    if (!p.ok) throw new ApiError(400, 'validation_failed', 'parameters do not match the spec', { issues: p.issues });
    return { params, query };
  }

  routeEach(validator.operations.values(), async (op, handler, req, reply) => {
    const rawBody = raw.get(req) ?? Buffer.alloc(0);
    try {
      const terminalId = authenticate(req.method, req.url, req.headers, rawBody);
      const mediaType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
      if (mediaType && op.requestMediaTypes.length > 0 && !op.requestMediaTypes.includes(mediaType)) {
        throw new ApiError(415, 'unsupported_media_type', `this operation takes ${op.requestMediaTypes.join(' or ')}`);
      }
      const { params, query } = checkedParameters(op, req);
      const b = validator.validateRequest(op.operationId, req.body);
      if (!b.ok) throw new ApiError(400, 'validation_failed', 'body does not match the spec', { issues: b.issues });
      const result = handler(ctx, { body: req.body, params, query, headers: req.headers, terminalId, rawBody });
      if (chosen.get(req) === 'resetAfter') {
        req.raw.socket.destroy();
        return reply;
      }
      return send(req, reply, op.operationId, result.status, result.body, result.headers);
    } catch (e) {
      if (e instanceof ApiError) return send(req, reply, op.operationId, e.status, errorBody(e.code, e.message, e.details));
      process.stderr.write(`sandbox: ${op.operationId} failed: ${(e as Error).message}\n`);
      return send(req, reply, op.operationId, 500, errorBody('internal', 'internal error'));
    }
  });
  // Public pages (security: []): phones open them from the slip, so no terminal signature; parameters are still
  // checked against the spec, and every answer, HTML or JSON, is validated before it leaves.
  routeEach(validator.publicOperations.values(), async (op, handler, req, reply) => {
    const json = wantsJson(req.headers['accept']);
    try {
      const { params, query } = checkedParameters(op, req);
      const result = handler(ctx, { body: undefined, params, query, headers: req.headers, terminalId: '', rawBody: Buffer.alloc(0) });
      return send(req, reply, op.operationId, result.status, result.body, result.headers, result.contentType);
    } catch (e) {
      if (!(e instanceof ApiError)) process.stderr.write(`sandbox: ${op.operationId} failed: ${(e as Error).message}\n`);
      const err = e instanceof ApiError ? e : new ApiError(500, 'internal', 'internal error');
      if (json || (err.status !== 400 && err.status !== 404)) return send(req, reply, op.operationId, err.status, errorBody(err.code, err.message, err.details));
      return send(req, reply, op.operationId, err.status, progressErrorHtml(err.status), { 'cache-control': 'no-store' }, 'text/html');
    }
  });
  attachDevIdentityCodes(app, db, now);
  app.setNotFoundHandler((req, reply) => send(req, reply, undefined, 404, errorBody('not_found', 'no such route')));
  // Errors fastify raises before a handler runs (body too large, media type, unreadable request): typed like the rest.
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof ApiError) return send(req, reply, operationOf(req), err.status, errorBody(err.code, err.message));
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    const code: ServerErrorCode = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status < 500 ? 'bad_request' : 'internal';
    return send(req, reply, operationOf(req), status < 500 ? status : 500, errorBody(code, status < 500 ? (err as Error).message : 'internal error'));
  });
  if (options.log) app.addHook('onResponse', async (req, reply) => void process.stderr.write(`${req.method} ${req.routeOptions.url ?? req.url} ${reply.statusCode}\n`));

  const remoteHelp = sandboxRemoteHelp(app.server, ctx, (method, url, headers, body) => authenticate(method, url, headers, body));
  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const port = Number(new URL(address).port);
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    db,
    setFaults: (spec) => void (faults = parseFaults(spec)),
    faultsDrawn: () => ({ ...drawn }),
    stats: () => sandboxStats(db),
    specViolations: () => violations,
    remoteHelp,
    close: async () => {
      await remoteHelp.close();
      await app.close();
      db.close();
    },
  };
}
