// What crosses between the main thread's Journal (journal-thread.ts) and the worker that owns the SQLite
// connection (journal-worker.ts). Both sides validate what they receive with these schemas: a request the
// worker cannot read, or an answer main cannot read, is a typed JournalError('bad_message'), never a guess.
// Every message carries the request id; errors cross as { code, message } and are rebuilt as JournalError.
import { z } from 'zod';
import type { JournalMethod } from './journal-api';
import { JournalError, type JournalErrorCode } from './journal-error';

const ERROR_CODES = [
  'not_found', 'wrong_state', 'wrong_key', 'duplicate_label', 'duplicate_id', 'unreadable', 'purged', 'newer_schema',
  'worker_crashed', 'closed', 'storage', 'bad_message',
] as const satisfies readonly JournalErrorCode[];

/** A time or a bound: any number but NaN (dueForDelivery takes Infinity for "everything pending"). */
const Instant = z.custom<number>((v) => typeof v === 'number' && !Number.isNaN(v), 'a number');
const Bytes = z.instanceof(Uint8Array);
const Id = z.string().min(1).max(200);
const TrustLevel = z.enum(['A', 'B', 'C', 'D']);
const ContentType = z.enum(['image/jpeg', 'image/png', 'application/pdf', 'image/tiff']);
const LocalStateSchema = z.enum(['draft', 'submitted-locally', 'accepted', 'receipt-printed', 'evaluated', 'failed', 'needs-clerk', 'quarantined']);
const ProblemSchema = z.enum(['refused', 'clerk-token-expired', 'unreadable', 'wrong-key']);
/** The platform's own shapes (applicant, receipt, evaluation) are checked where they enter (the client); here they must be objects. */
const ApiObject = z.looseObject({});

/** UploadedMaterial.fieldChecks as openapi.yaml has it: no values, only what was compared, where, and how it came out. */
const FieldCheckSchema = z.object({
  against: z.string().regex(/^(card\.(name|idNumber|address|birthDate)|form\.[A-Za-z][A-Za-z0-9_]{0,63})$/u),
  status: z.enum(['match', 'mismatch', 'unreadable']),
  page: z.number().int().min(1).max(500),
}).strict();
const NewApplicationSchema = z.object({
  itemCode: z.string().min(1),
  applicant: ApiObject,
  channel: z.enum(['kiosk', 'counter']),
  form: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  clerkToken: z.string().optional(),
  materialChecks: z.record(z.string(), z.array(FieldCheckSchema).max(32)).optional(),
  label: z.string().optional(),
});
const NewMaterialSchema = z.union([
  z.object({ code: z.string(), pageCount: z.number().int().nonnegative(), trustLevel: TrustLevel, contentType: ContentType, data: Bytes }),
  z.object({ code: z.string(), trustLevel: z.literal('A'), electronicCertificateNumber: z.string() }),
]);
const FilterSchema = z.object({
  states: z.array(LocalStateSchema).optional(),
  trackingCode: z.string().max(40).optional(),
  withData: z.boolean().optional(),
  newestFirst: z.boolean().optional(),
  limit: z.number().int().positive().optional(),
}).strict();
const Limit = z.number().int().positive().optional();
const QuarantineProblem = z.enum(['unreadable', 'wrong-key']).optional();

/** Each method's arguments, as a tuple (optional ones may be left off or undefined). */
export const ARGS = {
  createDraft: z.tuple([NewApplicationSchema, Id.optional()]),
  addMaterial: z.tuple([Id, NewMaterialSchema]),
  submitLocally: z.tuple([Id]),
  enqueue: z.tuple([NewApplicationSchema, z.array(NewMaterialSchema).optional(), Id.optional()]),
  get: z.tuple([Id]),
  findByLabel: z.tuple([z.string()]),
  list: z.tuple([FilterSchema.optional()]),
  setAside: z.tuple([Limit]),
  dueForDelivery: z.tuple([Instant, z.number().int().nonnegative().optional(), Limit]),
  dueEvaluations: z.tuple([Instant, Limit]),
  materialData: z.tuple([Id, z.number().int().nonnegative()]),
  certificateNumber: z.tuple([Id, z.number().int().nonnegative()]),
  markMaterialUploaded: z.tuple([Id, z.number().int().nonnegative(), z.string()]),
  markAccepted: z.tuple([Id, ApiObject]),
  scheduleRetry: z.tuple([Id, z.string(), Instant]),
  markFailed: z.tuple([Id, z.string()]),
  markNeedsClerk: z.tuple([Id, z.string()]),
  reauthorise: z.tuple([Id, z.string().min(1)]),
  quarantine: z.tuple([Id, QuarantineProblem]),
  markReceiptPrinted: z.tuple([Id]),
  recordEvaluation: z.tuple([Id, ApiObject]),
  markEvaluationDelivered: z.tuple([Id]),
  counts: z.tuple([]),
  purge: z.tuple([z.number().nonnegative()]),
  checkpoint: z.tuple([]),
  close: z.tuple([]),
} satisfies Record<JournalMethod, z.ZodType>;

const LocalMaterialSchema = z.object({
  idx: z.number().int(), code: z.string(), kind: z.enum(['file', 'certificate']), sha256: z.string(), size: z.number().int(),
  pageCount: z.number().int(), trustLevel: TrustLevel, contentType: ContentType.nullable(), uploadId: z.string().nullable(),
});
const LocalApplicationSchema = z.object({
  seq: z.number().int(), localId: z.string(), idempotencyKey: z.string(), label: z.string().nullable(), state: LocalStateSchema, itemCode: z.string(),
  submission: NewApplicationSchema.omit({ label: true }).nullable(),
  receipt: ApiObject.nullable(), acceptanceNumber: z.string().nullable(), evaluation: ApiObject.nullable(), evaluationDelivered: z.boolean(),
  materials: z.array(LocalMaterialSchema), attempts: z.number().int(), nextAttemptAt: z.number(), lastError: z.string().nullable(),
  problem: ProblemSchema.nullable(), heldFrom: LocalStateSchema.nullable(), createdAt: z.number(), submittedAt: z.number().nullable(),
  acceptedAt: z.number().nullable(), settledAt: z.number().nullable(), purgedAt: z.number().nullable(),
});
const CountsSchema = z.object({
  depth: z.number().int(), oldestPendingAt: z.number().nullable(), byState: z.partialRecord(LocalStateSchema, z.number().int()),
  pending: z.number().int(), delivered: z.number().int(), failed: z.number().int(), quarantined: z.number().int(),
  needsClerk: z.number().int(), evaluationsPending: z.number().int(),
});
const App = LocalApplicationSchema;
const Nothing = z.undefined();

/** Each method's answer. */
export const RESULTS = {
  createDraft: App, addMaterial: LocalMaterialSchema, submitLocally: App, enqueue: App, get: App, findByLabel: App.optional(),
  list: z.array(App), setAside: z.array(App), dueForDelivery: z.array(App), dueEvaluations: z.array(App), materialData: Bytes,
  certificateNumber: z.string(), markMaterialUploaded: Nothing, markAccepted: App, scheduleRetry: Nothing, markFailed: Nothing,
  markNeedsClerk: Nothing, reauthorise: App, quarantine: Nothing, markReceiptPrinted: App, recordEvaluation: App,
  markEvaluationDelivered: Nothing, counts: CountsSchema, purge: z.number().int().nonnegative(), checkpoint: Nothing, close: Nothing,
} satisfies Record<JournalMethod, z.ZodType>;

const METHOD = z.enum(Object.keys(ARGS) as [JournalMethod, ...JournalMethod[]]);
const RequestId = z.number().int().positive();

export const WorkerRequest = z.discriminatedUnion('type', [
  /** First message to a (re)started worker: which file, under which key. */
  z.object({ type: z.literal('open'), id: RequestId, at: Instant, file: z.string().min(1), key: Bytes }),
  /** One journal call; `at` is the caller's clock, the journal's "now" for this call (so a test's fake clock holds). */
  z.object({ type: z.literal('call'), id: RequestId, at: Instant, method: METHOD, args: z.array(z.unknown()) }),
]);
export type WorkerRequest = z.infer<typeof WorkerRequest>;

export const RemoteError = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type RemoteError = z.infer<typeof RemoteError>;

export const WorkerReply = z.discriminatedUnion('ok', [
  z.object({ id: RequestId, ok: z.literal(true), result: z.unknown() }),
  z.object({ id: RequestId, ok: z.literal(false), error: RemoteError }),
]);
export type WorkerReply = z.infer<typeof WorkerReply>;

/** An error thrown in the worker as plain data: a JournalError keeps its code; SQLite's own failures become `storage`. */
export function toRemoteError(err: unknown): RemoteError {
  if (err instanceof JournalError) return { code: err.code, message: err.message };
  if (err instanceof z.ZodError) return { code: 'bad_message', message: `journal request does not match the protocol: ${z.prettifyError(err)}` };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'storage', message };
}

export const fromRemoteError = (e: RemoteError): JournalError => new JournalError(e.code, e.message);
