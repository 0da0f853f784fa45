// The REST operations of fleet/openapi.yaml, one handler per operationId. Requests arrive already checked against
// the document and with the operator signed in (except signIn); answers are checked again on the way out.
import type { CommandName } from '@easydo/core/services/fleet/messages';
import { CommandError, type CommandDesk, type Selection } from './commands';
import type { Ingest } from './ingest';
import { inScope, scopeOf, type Operator } from './model';
import type { Operators } from './operators';
import type { FleetStore } from './store';
import { alertItem, commandItem, terminalList, terminalSummary } from './views';

export interface ApiContext {
  store: FleetStore;
  operators: Operators;
  desk: CommandDesk;
  ingest: Ingest;
  now: () => number;
  ratePerSecond: number;
}

export interface ApiRequest {
  operator: Operator | null;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  sessionToken: string | undefined;
}

export interface ApiAnswer {
  status: number;
  body?: unknown;
  /** A non-JSON body (uploads). */
  raw?: { contentType: string; bytes: Buffer; fileName: string };
  setSession?: { token: string; expiresAt: string } | 'clear';
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const errorBody = (code: string, message: string, extra: Record<string, unknown> = {}) => ({ error: { code, message, ...extra } });

const HISTORY_MS = 24 * 60 * 60_000;

function me(req: ApiRequest): Operator {
  if (!req.operator) throw new ApiError(401, 'unauthenticated', 'sign in first');
  return req.operator;
}

async function visible(ctx: ApiContext, op: Operator, terminalId: string) {
  const t = await ctx.store.getTerminal(terminalId);
  if (!t || !inScope(scopeOf(op), t)) throw new ApiError(404, 'not_found', `no terminal ${terminalId}`);
  return t;
}

async function audit(ctx: ApiContext, op: Operator, action: string, target: string | null, detail: Record<string, unknown> = {}) {
  await ctx.store.audit({ at: new Date(ctx.now()).toISOString(), operator: op.username, action, target, detail });
}

function fromCommandError(e: unknown): never {
  if (e instanceof CommandError) {
    const status = e.code === 'not_found' ? 404 : e.code === 'forbidden' ? 403 : e.code === 'empty_selection' ? 422 : 400;
    throw new ApiError(status, e.code, e.message, e.issues.length ? { issues: e.issues } : {});
  }
  throw e;
}

async function actionStatus(ctx: ApiContext, actionId: string) {
  const a = await ctx.store.getAction(actionId);
  if (!a) return null;
  return { actionId: a.actionId, name: a.name, issuedBy: a.issuedBy, issuedAt: a.issuedAt, total: a.total, ratePerSecond: ctx.ratePerSecond, counts: await ctx.store.actionCounts(actionId), selection: a.selection };
}

export async function actionView(ctx: ApiContext, op: Operator, actionId: string) {
  const s = await actionStatus(ctx, actionId);
  // A street operator sees only actions they started (their selection never leaves their street anyway).
  if (!s || (op.role !== 'city' && s.issuedBy !== op.username)) return null;
  const { selection: _selection, ...view } = s;
  return view;
}

type Handler = (ctx: ApiContext, req: ApiRequest) => Promise<ApiAnswer>;

export const HANDLERS: Record<string, Handler> = {
  async signIn(ctx, req) {
    const { username, password } = req.body as { username: string; password: string };
    const r = await ctx.operators.signIn(username, password);
    if (!r.ok) {
      await ctx.store.audit({ at: new Date(ctx.now()).toISOString(), operator: username, action: r.reason === 'locked' ? 'signIn.locked' : 'signIn.failed', target: null, detail: {} });
      if (r.reason === 'locked') throw new ApiError(423, 'locked', 'too many wrong passwords; try again later', { lockedUntil: r.lockedUntil });
      throw new ApiError(401, 'invalid_credentials', 'wrong user name or password');
    }
    await audit(ctx, r.operator, 'signIn', null);
    return { status: 200, body: { operator: r.operator, expiresAt: r.expiresAt }, setSession: { token: r.token, expiresAt: r.expiresAt } };
  },
  async currentSession(_ctx, req) {
    return { status: 200, body: { operator: me(req) } };
  },
  async signOut(ctx, req) {
    const op = me(req);
    await ctx.operators.signOut(req.sessionToken);
    await audit(ctx, op, 'signOut', null);
    return { status: 204, setSession: 'clear' };
  },
  async getStatus(ctx, req) {
    const op = me(req);
    const terminals = await ctx.store.listTerminals(scopeOf(op));
    return { status: 200, body: { at: new Date(ctx.now()).toISOString(), terminals: terminals.length, broker: ctx.ingest.stats() } };
  },
  async listTerminals(ctx, req) {
    const scope = scopeOf(me(req));
    const [terminals, open] = await Promise.all([ctx.store.listTerminals(scope), ctx.store.openAlertsByTerminal(scope)]);
    return { status: 200, body: terminalList(terminals, open, ctx.now()) };
  },
  async getTerminal(ctx, req) {
    const t = await visible(ctx, me(req), req.params['terminalId']!);
    const alerts = (await ctx.store.listAlerts({ district: t.district, street: t.street }, { activeOnly: true, limit: 500 })).filter((a) => a.terminalId === t.terminalId);
    const open = alerts.filter((a) => a.clearedAt === null);
    const commands = await ctx.store.listCommands(t.terminalId, 20);
    return {
      status: 200,
      body: { terminal: terminalSummary(t, open, ctx.now()), stateAt: t.stateAt, heartbeatIntervalSeconds: t.heartbeatIntervalSeconds, devices: t.devices, alerts: alerts.map(alertItem), commands: commands.map(commandItem) },
    };
  },
  async getHistory(ctx, req) {
    const t = await visible(ctx, me(req), req.params['terminalId']!);
    const since = new Date(ctx.now() - HISTORY_MS).toISOString();
    return { status: 200, body: { terminalId: t.terminalId, since, points: await ctx.store.history(t.terminalId, since) } };
  },
  async listCommands(ctx, req) {
    const t = await visible(ctx, me(req), req.params['terminalId']!);
    return { status: 200, body: { commands: (await ctx.store.listCommands(t.terminalId, 50)).map(commandItem) } };
  },
  async issueCommand(ctx, req) {
    const op = me(req);
    const { name, args, ttlSeconds } = req.body as { name: CommandName; args?: unknown; ttlSeconds?: number };
    const c = await ctx.desk.issue(op, req.params['terminalId']!, name, args ?? {}, ttlSeconds).catch(fromCommandError);
    await audit(ctx, op, 'command', c.terminalId, { name, commandId: c.commandId, args: c.args });
    return { status: 202, body: commandItem(c) };
  },
  async getUpload(ctx, req) {
    const op = me(req);
    const u = await ctx.store.getUpload(req.params['commandId']!);
    if (!u) throw new ApiError(404, 'not_found', 'no upload for this command');
    await visible(ctx, op, u.terminalId);
    await audit(ctx, op, 'upload.download', u.terminalId, { commandId: u.commandId });
    return { status: 200, raw: { contentType: u.contentType, bytes: u.bytes, fileName: u.fileName } };
  },
  async listAlerts(ctx, req) {
    const activeOnly = (req.query['state'] ?? 'active') === 'active';
    return { status: 200, body: { alerts: (await ctx.store.listAlerts(scopeOf(me(req)), { activeOnly, limit: 500 })).map(alertItem) } };
  },
  async ackAlert(ctx, req) {
    const op = me(req);
    const t = await visible(ctx, op, req.params['terminalId']!);
    const a = await ctx.store.ackAlert(t.terminalId, req.params['alertId']!, op.username, new Date(ctx.now()).toISOString());
    if (!a) throw new ApiError(404, 'not_found', 'no such alert');
    await audit(ctx, op, 'alert.ack', t.terminalId, { alertId: a.alertId, code: a.code });
    return { status: 200, body: alertItem(a) };
  },
  async startAction(ctx, req) {
    const op = me(req);
    const { selection, name, args, ttlSeconds } = req.body as { selection: Selection; name: CommandName; args?: unknown; ttlSeconds?: number };
    const a = await ctx.desk.fleetAction(op, selection, name, args ?? {}, ttlSeconds).catch(fromCommandError);
    await audit(ctx, op, 'action', null, { actionId: a.actionId, name, selection, total: a.total });
    return { status: 202, body: await actionView(ctx, op, a.actionId) };
  },
  async getAction(ctx, req) {
    const view = await actionView(ctx, me(req), req.params['actionId']!);
    if (!view) throw new ApiError(404, 'not_found', 'no such action');
    return { status: 200, body: view };
  },
  async listAudit(ctx, req) {
    const op = me(req);
    return { status: 200, body: { entries: await ctx.store.listAudit(200, op.role === 'city' ? undefined : op.username) } };
  },
};
