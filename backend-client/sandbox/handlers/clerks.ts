// Counter clerks: login with lockout, evaluations (好差评, once per application) and workload.
import { randomBytes } from 'node:crypto';
import type { ClerkLoginRequest, ClerkWorkload, Evaluation, EvaluationReason } from '../../src/types';
import { evaluationStars } from '../../src/types';
import { checkPassword } from '../passwords';
import { findApplication, statusOf } from './applications';
import { ApiError, header, newToken, tokenHash, type Handler, type HandlerContext } from './context';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
const SESSION_MS = 8 * 3600_000;

interface ClerkRow {
  staff_id: string;
  name: string;
  window_no: string;
  dept_code: string;
  dept_name: string;
  pw_hash: string;
  failed_count: number;
  locked_until: number;
}

export function clerkFromToken(ctx: HandlerContext, token: string): ClerkRow {
  const row = ctx.db
    .prepare('SELECT c.* FROM clerk_sessions s JOIN clerks c ON c.staff_id = s.staff_id WHERE s.token_hash = ? AND s.expires_at > ?')
    .get(tokenHash(token), ctx.now()) as ClerkRow | undefined;
  if (!row) throw new ApiError(401, 'unauthorized', 'clerk session unknown or expired');
  return row;
}

export const clerkLogin: Handler = (ctx, req) => {
  const body = req.body as ClerkLoginRequest;
  const row = ctx.db.prepare('SELECT * FROM clerks WHERE staff_id = ?').get(body.staffId) as ClerkRow | undefined;
  if (row && row.locked_until > ctx.now()) {
    throw new ApiError(423, 'locked', 'too many failed attempts; try later', { retryAfterSeconds: Math.ceil((row.locked_until - ctx.now()) / 1000) });
  }
  if (!row || !checkPassword(body.password, row.pw_hash)) {
    if (row) {
      const failed = row.failed_count + 1;
      const lockedUntil = failed >= MAX_FAILED_LOGINS ? ctx.now() + LOCKOUT_MS : 0;
      ctx.db.prepare('UPDATE clerks SET failed_count = ?, locked_until = ? WHERE staff_id = ?').run(lockedUntil ? 0 : failed, lockedUntil, row.staff_id);
    }
    throw new ApiError(401, 'invalid_credentials', 'staff id or password wrong');
  }
  ctx.db.prepare('UPDATE clerks SET failed_count = 0, locked_until = 0 WHERE staff_id = ?').run(row.staff_id);
  const token = newToken();
  const expiresAt = ctx.now() + SESSION_MS;
  ctx.db.prepare('INSERT INTO clerk_sessions (token_hash, staff_id, expires_at) VALUES (?, ?, ?)').run(tokenHash(token), row.staff_id, expiresAt);
  return {
    status: 200,
    body: {
      token,
      expiresAt: new Date(expiresAt).toISOString(),
      clerk: { staffId: row.staff_id, name: row.name, windowNo: row.window_no, department: { code: row.dept_code, name: row.dept_name } },
    },
  };
};

export const submitEvaluation: Handler = (ctx, req) => {
  const body = req.body as Evaluation;
  const app = findApplication(ctx, body.acceptanceNumber);
  if (!app) throw new ApiError(404, 'not_found', 'no such application');
  const status = statusOf(ctx, app);
  if (status.itemCode !== body.itemCode || status.department.code !== body.departmentCode) {
    throw new ApiError(422, 'validation_failed', 'item code or department does not match the application');
  }
  const evaluationId = `ev_${randomBytes(9).toString('base64url')}`;
  const recordedAt = ctx.now();
  try {
    ctx.db
      .prepare(`INSERT INTO evaluations (evaluation_id, acceptance_number, level, indicators_json, comment, channel, clerk_staff_id, recorded_at,
        reasons_json, reason_text, callback_phone) VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
      .run(evaluationId, body.acceptanceNumber, body.level, JSON.stringify(body.indicators), body.comment ?? null, body.channel, body.clerkStaffId ?? null, recordedAt,
        body.reasons?.length ? JSON.stringify(body.reasons) : null, body.reasonText ?? null, body.callbackPhone ?? null);
  } catch (e) {
    if (String(e).includes('UNIQUE')) throw new ApiError(409, 'already_evaluated', 'this application has already been evaluated');
    throw e;
  }
  return { status: 201, body: { evaluationId, recordedAt: new Date(recordedAt).toISOString() } };
};

export const getClerkWorkload: Handler = (ctx, req) => {
  const clerk = clerkFromToken(ctx, header(req, 'x-clerk-token') ?? '');
  const apps = ctx.db.prepare('SELECT * FROM applications WHERE clerk_staff_id = ?').all(clerk.staff_id) as Parameters<typeof statusOf>[1][];
  const byStage: Record<string, number> = {};
  for (const a of apps) {
    const s = statusOf(ctx, a).stage;
    byStage[s] = (byStage[s] ?? 0) + 1;
  }
  const rows = ctx.db
    .prepare(`SELECT e.level, e.reasons_json, e.callback_phone FROM evaluations e LEFT JOIN applications a ON a.acceptance_number = e.acceptance_number
      WHERE e.clerk_staff_id = ? OR a.clerk_staff_id = ?`)
    .all(clerk.staff_id, clerk.staff_id) as { level: Parameters<typeof evaluationStars>[0]; reasons_json: string | null; callback_phone: string | null }[];
  const byLevel: Record<string, number> = {};
  const reasons = new Map<EvaluationReason, number>();
  for (const r of rows) {
    byLevel[r.level] = (byLevel[r.level] ?? 0) + 1;
    for (const reason of r.reasons_json ? (JSON.parse(r.reasons_json) as EvaluationReason[]) : []) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const average = rows.length ? rows.reduce((s, r) => s + evaluationStars(r.level), 0) / rows.length : null;
  const byReason = [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const callbacks = rows.filter((r) => r.callback_phone !== null).length;
  const body: ClerkWorkload = {
    staffId: clerk.staff_id,
    applicationsTaken: apps.length,
    byStage,
    ratings: { count: rows.length, byLevel, averageStars: average, byReason, callbacks },
  };
  return { status: 200, body };
};
