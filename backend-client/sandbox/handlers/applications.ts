// Submission (deduplicated by terminal + Idempotency-Key), progress queries and the applicant's list.
import { createHash, randomInt } from 'node:crypto';
import type { ApplicantQuery, ApplicationQuery, ApplicationStatus, ApplicationSubmission, CatalogueItem, SubmissionReceipt } from '../../src/types';
import { dueDate, pickOutcome, stageHistory, type Outcome } from '../stages';
import { cardSessionIdNumber } from './catalogue-residents';
import { clerkFromToken } from './clerks';
import { ApiError, header, type Handler, type HandlerContext } from './context';
import { checkMaterials } from './materials';
import { progressTokenMatches } from '../../src/progress-link';

export interface AppRow {
  acceptance_number: string;
  terminal_id: string;
  request_hash: string;
  receipt_json: string;
  item_code: string;
  outcome: Outcome;
  submitted_at: number;
}

function findItem(ctx: HandlerContext, code: string): CatalogueItem {
  const item = ctx.catalogue().items.find((i) => i.code === code);
  if (!item) throw new ApiError(422, 'validation_failed', 'unknown item code', { itemCode: code });
  return item;
}

function checkForm(item: CatalogueItem, form: ApplicationSubmission['form']): void {
  const missing = item.fields.filter((f) => f.required && (form[f.key] === undefined || form[f.key] === '')).map((f) => f.key);
  if (missing.length > 0) throw new ApiError(422, 'validation_failed', 'required form fields missing', { missing });
}

/** The platform numbers by its civil date (Shenzhen), not UTC: a slip printed after midnight shows the same day twice. */
const PLATFORM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function newAcceptanceNumber(ctx: HandlerContext, itemCode: string): string {
  const day = PLATFORM_DAY.format(new Date(ctx.now())).replace(/-/g, '');
  return `440304${itemCode}${day}${String(randomInt(10_000_000)).padStart(7, '0')}`;
}

export const submitApplication: Handler = (ctx, req) => {
  const body = req.body as ApplicationSubmission;
  const key = header(req, 'idempotency-key') ?? '';
  const requestHash = createHash('sha256').update(req.rawBody).digest('hex');
  const clerkToken = header(req, 'x-clerk-token');
  const clerk = clerkToken ? clerkFromToken(ctx, clerkToken) : undefined;
  const tx = ctx.db.transaction((): { replay: boolean; receipt: SubmissionReceipt } => {
    const prior = ctx.db.prepare('SELECT * FROM applications WHERE terminal_id = ? AND idempotency_key = ?').get(req.terminalId, key) as AppRow | undefined;
    if (prior) {
      if (prior.request_hash !== requestHash) throw new ApiError(409, 'idempotency_conflict', 'Idempotency-Key reused with a different body');
      return { replay: true, receipt: JSON.parse(prior.receipt_json) as SubmissionReceipt };
    }
    const item = findItem(ctx, body.itemCode);
    checkForm(item, body.form);
    checkMaterials(ctx, item, body);
    const submittedAt = ctx.now();
    let number = newAcceptanceNumber(ctx, item.code);
    while (ctx.db.prepare('SELECT 1 FROM applications WHERE acceptance_number = ?').get(number)) number = newAcceptanceNumber(ctx, item.code);
    const receipt: SubmissionReceipt = {
      acceptanceNumber: number,
      queryPassword: String(randomInt(1_000_000)).padStart(6, '0'),
      stage: '预受理',
      itemCode: item.code,
      department: item.department,
      submittedAt: new Date(submittedAt).toISOString(),
      dueDate: dueDate(submittedAt, item.timeLimitWorkingDays),
    };
    const seq = body.form['syntheticSeq'];
    ctx.db
      .prepare(`INSERT INTO applications (acceptance_number, terminal_id, idempotency_key, request_hash, receipt_json, item_code, id_number,
        form_json, materials_json, channel, clerk_staff_id, outcome, synthetic_seq, submitted_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
      .run(number, req.terminalId, key, requestHash, JSON.stringify(receipt), item.code, body.applicant.idNumber, JSON.stringify(body.form),
        JSON.stringify(body.materials), body.channel, clerk?.staff_id ?? null, pickOutcome(body.form['sandboxOutcome'], number),
        typeof seq === 'number' || typeof seq === 'string' ? Number(seq) : null, submittedAt);
    return { replay: false, receipt };
  });
  const { replay, receipt } = tx();
  const headers: Record<string, string> = replay ? { 'idempotent-replayed': 'true' } : {};
  return { status: replay ? 200 : 201, body: receipt, headers };
};

export function statusOf(ctx: HandlerContext, row: AppRow): ApplicationStatus {
  const item = findItem(ctx, row.item_code);
  const receipt = JSON.parse(row.receipt_json) as SubmissionReceipt;
  const history = stageHistory(row.outcome, row.submitted_at, ctx.now(), ctx.clockSpeed);
  const evaluated = Boolean(ctx.db.prepare('SELECT 1 FROM evaluations WHERE acceptance_number = ?').get(row.acceptance_number));
  return {
    acceptanceNumber: row.acceptance_number,
    itemCode: item.code,
    itemName: item.name,
    department: item.department,
    submittedAt: receipt.submittedAt,
    dueDate: receipt.dueDate,
    stage: history[history.length - 1]?.stage ?? '预受理',
    history,
    evaluated,
  };
}

export function findApplication(ctx: HandlerContext, number: string): AppRow | undefined {
  return ctx.db.prepare('SELECT * FROM applications WHERE acceptance_number = ?').get(number) as AppRow | undefined;
}

/** The slip's progress token, checked under the secret of the terminal that submitted the application. */
export function progressTokenOpens(ctx: HandlerContext, row: AppRow, token: string): boolean {
  const secret = ctx.terminalSecret(row.terminal_id);
  return secret !== undefined && progressTokenMatches(secret, row.acceptance_number, token);
}

export const queryApplication: Handler = (ctx, req) => {
  const body = req.body as ApplicationQuery;
  const row = findApplication(ctx, body.acceptanceNumber);
  const receipt = row ? (JSON.parse(row.receipt_json) as SubmissionReceipt) : undefined;
  const proven = !row ? false : 'progressToken' in body ? progressTokenOpens(ctx, row, body.progressToken) : receipt?.queryPassword === body.queryPassword;
  // Same answer for "no such number" and a wrong password or token: numbers must not be enumerable.
  if (!row || !proven) throw new ApiError(404, 'not_found', 'no application with this number and password');
  return { status: 200, body: statusOf(ctx, row) };
};

export const listApplicationsByApplicant: Handler = (ctx, req) => {
  const body = req.body as ApplicantQuery;
  const idNumber = cardSessionIdNumber(ctx, body.cardToken);
  const rows = ctx.db.prepare('SELECT * FROM applications WHERE id_number = ? ORDER BY submitted_at DESC LIMIT 100').all(idNumber) as AppRow[];
  return { status: 200, body: { applications: rows.map((r) => statusOf(ctx, r)) } };
};
