// The fleet console: MQTT ingest → store, the REST API of fleet/openapi.yaml (every request and answer checked
// against it), the live feed and the web app, on one fastify server. `startConsole` is what `npm run fleet`, the
// tests and the load test run.
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ApiError, HANDLERS, actionView, errorBody, type ApiAnswer, type ApiContext } from './api';
import { CommandDesk } from './commands';
import { Hub } from './hub';
import { Ingest, type BrokerOptions } from './ingest';
import { LiveFeed } from './live-feed';
import type { Operator } from './model';
import { ConsoleSpec } from './openapi-validator';
import { Operators, type OperatorInput } from './operators';
import { Pacer } from './pacer';
import { openSqliteStore } from './sqlite-store';
import { UI_CSP, uiFile } from './static-ui';
import type { FleetStore } from './store';

export const SESSION_COOKIE = 'easydo_fleet';

export interface ConsoleOptions {
  broker: BrokerOptions;
  /** SQLite file (created with its folder); ignored when `store` is given. */
  dbFile?: string;
  store?: FleetStore;
  port?: number;
  host?: string;
  /** The built web app; null serves the API only. */
  uiDir?: string | null;
  /** Operators created when missing (an existing account keeps its password). */
  operators?: OperatorInput[];
  /** Fleet actions: commands per second and burst (default 20/s, burst 20). */
  actionRatePerSecond?: number;
  actionBurst?: number;
  /** Secure cookies (production: the console sits behind TLS). */
  secureCookies?: boolean;
  now?: () => number;
}

export interface ConsoleHandle {
  url: string;
  port: number;
  store: FleetStore;
  ingest: Ingest;
  operators: Operators;
  /** Answers the console was about to send that its document does not describe (each became a 500). */
  specViolations(): readonly string[];
  close(): Promise<void>;
}

const operationOf = (req: FastifyRequest) => (req.routeOptions.config as { operationId?: string } | undefined)?.operationId;

function cookie(req: FastifyRequest, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export async function startConsole(options: ConsoleOptions): Promise<ConsoleHandle> {
  const now = options.now ?? Date.now;
  if (!options.store && !options.dbFile) throw new Error('startConsole needs dbFile or store');
  if (options.dbFile) mkdirSync(path.dirname(options.dbFile), { recursive: true });
  const store = options.store ?? openSqliteStore(options.dbFile!);
  const hub = new Hub();
  const operators = new Operators(store, now);
  for (const op of options.operators ?? []) if (!(await store.getOperator(op.username))) await operators.upsert(op);
  const rate = options.actionRatePerSecond ?? 20;
  const pacer = new Pacer(rate, options.actionBurst ?? Math.max(1, Math.round(rate)));
  const ingest = new Ingest(store, hub, options.broker, now);
  const desk = new CommandDesk(store, ingest, hub, pacer, now);
  const ctx: ApiContext = { store, operators, desk, ingest, now, ratePerSecond: rate };
  const live = new LiveFeed(store, hub, (op, id) => actionView(ctx, op, id));
  const spec = new ConsoleSpec();
  const violations: string[] = [];
  const operatorOf = new WeakMap<FastifyRequest, Operator>();

  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 1024 * 1024 });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string));
    } catch {
      done(new ApiError(400, 'bad_request', 'body is not valid JSON'));
    }
  });

  function send(reply: FastifyReply, operationId: string | undefined, status: number, body: unknown) {
    if (operationId) {
      const check = spec.checkResponse(operationId, status, body);
      if (!check.ok) {
        violations.push(`${operationId} ${status}: ${JSON.stringify(check.issues)}`);
        process.stderr.write(`fleet console: answer of ${operationId} violates fleet/openapi.yaml: ${JSON.stringify(check.issues)}\n`);
        return reply.code(500).type('application/json').send(JSON.stringify(errorBody('internal', 'answer failed spec validation')));
      }
    }
    reply.code(status).header('cache-control', 'no-store');
    return body === undefined ? reply.send() : reply.type('application/json').send(JSON.stringify(body));
  }

  function sessionCookie(value: string, maxAgeSeconds: number) {
    return `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}${options.secureCookies ? '; Secure' : ''}`;
  }

  for (const op of spec.operations.values()) {
    if (op.operationId === 'liveEvents') continue;
    const handler = HANDLERS[op.operationId];
    if (!handler) throw new Error(`no console handler for ${op.operationId}`);
    app.route({
      method: op.method as 'GET',
      url: op.route,
      config: { operationId: op.operationId },
      handler: async (req, reply) => {
        try {
          const token = cookie(req, SESSION_COOKIE);
          const operator = op.public ? null : await operators.authenticate(token);
          if (!op.public && !operator) throw new ApiError(401, 'unauthenticated', 'sign in first');
          if (operator) operatorOf.set(req, operator);
          if (op.method !== 'GET') {
            // Changes only from the console's own pages: SameSite cookies, JSON bodies, and a same-origin Origin.
            const origin = req.headers.origin;
            if (origin && origin !== `${req.protocol}://${req.headers.host}`) throw new ApiError(403, 'forbidden', 'cross-origin request');
          }
          const params = (req.params ?? {}) as Record<string, string>;
          const query = (req.query ?? {}) as Record<string, unknown>;
          const p = spec.checkParameters(op.operationId, params, query);
          if (!p.ok) throw new ApiError(400, 'validation_failed', 'parameters do not match the API document', { issues: p.issues });
          const b = spec.checkBody(op.operationId, req.body);
          if (!b.ok) throw new ApiError(400, 'validation_failed', 'body does not match the API document', { issues: b.issues });
          const answer: ApiAnswer = await handler(ctx, { operator, params, query, body: req.body, sessionToken: token });
          if (answer.setSession === 'clear') reply.header('set-cookie', sessionCookie('', 0));
          else if (answer.setSession) reply.header('set-cookie', sessionCookie(answer.setSession.token, Math.floor((Date.parse(answer.setSession.expiresAt) - now()) / 1000)));
          if (answer.raw) {
            const check = spec.checkResponse(op.operationId, answer.status, undefined, answer.raw.contentType);
            if (!check.ok) violations.push(`${op.operationId} ${answer.status}: ${JSON.stringify(check.issues)}`);
            return reply
              .code(answer.status)
              .header('content-type', answer.raw.contentType)
              .header('content-disposition', `attachment; filename="${answer.raw.fileName}"`)
              .header('x-content-type-options', 'nosniff')
              .send(answer.raw.bytes);
          }
          return send(reply, op.operationId, answer.status, answer.body);
        } catch (e) {
          if (e instanceof ApiError) return send(reply, op.operationId, e.status, errorBody(e.code, e.message, e.extra));
          process.stderr.write(`fleet console: ${op.operationId} failed: ${(e as Error).message}\n`);
          return reply.code(500).type('application/json').send(JSON.stringify(errorBody('internal', 'internal error')));
        }
      },
    });
  }

  app.get('/api/events', { config: { operationId: 'liveEvents' } }, async (req, reply) => {
    const operator = await operators.authenticate(cookie(req, SESSION_COOKIE));
    if (!operator) return send(reply, 'liveEvents', 401, errorBody('unauthenticated', 'sign in first'));
    reply.hijack();
    live.open(operator, reply.raw);
  });

  app.setNotFoundHandler(async (req, reply) => {
    const url = new URL(req.url, 'http://console.invalid');
    if (url.pathname.startsWith('/api/') || !options.uiDir || req.method !== 'GET') {
      return reply.code(404).type('application/json').send(JSON.stringify(errorBody('not_found', 'no such route')));
    }
    const f = await uiFile(options.uiDir, url.pathname);
    return reply
      .code(f.status)
      .header('content-type', f.type)
      .header('content-security-policy', UI_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .send(f.body);
  });
  // Errors fastify raises before a handler runs (body too large, media type, unreadable JSON): typed like the rest.
  app.setErrorHandler((err, req, reply) => {
    const id = operationOf(req);
    if (err instanceof ApiError) return send(reply, id, err.status, errorBody(err.code, err.message));
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status < 500) return send(reply, id, 400, errorBody('bad_request', (err as Error).message));
    return reply.code(500).type('application/json').send(JSON.stringify(errorBody('internal', 'internal error')));
  });

  await ingest.start();
  const sweep = setInterval(() => void desk.sweep().catch(() => undefined), 5000);
  const prune = setInterval(() => void store.prune(new Date(now() - 24 * 3600_000).toISOString(), new Date(now()).toISOString()).catch(() => undefined), 3600_000);
  const host = options.host ?? '127.0.0.1';
  const address = await app.listen({ port: options.port ?? 0, host });
  const port = Number(new URL(address).port);
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    ingest,
    operators,
    specViolations: () => violations,
    async close() {
      clearInterval(sweep);
      clearInterval(prune);
      pacer.close();
      live.closeAll();
      await app.close();
      await ingest.close();
      if (!options.store) await store.close();
    },
  };
}
