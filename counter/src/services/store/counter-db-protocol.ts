// The messages between main and the counter's database worker (counter-db-serve.ts). Both ends check them: the
// worker before anything touches the file, main before an answer reaches a desk.
import { z } from 'zod';
import { PoorRatingReason } from '@easydo/core/contract/schemas/evaluation-feedback';
import { HelpWorkload } from '@easydo/core/contract/schemas/remote-help';

const Id = z.string().min(1).max(200);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Ms = z.number().int().min(0);

export const TicketRecordSchema = z.strictObject({
  id: Id, day: Day, seq: z.number().int().min(1), category: z.string().min(1).max(64), number: z.string().min(1).max(16),
  priority: z.boolean(), status: z.enum(['waiting', 'called', 'done', 'skipped']), source: z.enum(['kiosk', 'counter']),
  issuedAt: Ms, calledAt: Ms.nullable(), window: z.string().max(32).nullable(), targetWindow: z.string().max(32).nullable(),
  transferred: z.boolean(), recalls: z.number().int().min(0), finishedAt: Ms.nullable(),
});

const HandledStart = z.strictObject({ localId: Id, staffId: Id, itemCode: z.string().min(1).max(64), startedAt: Ms, submittedAt: Ms });
const Feedback = z.strictObject({ reasons: z.array(PoorRatingReason).max(16), callback: z.boolean() });
const CallEnded = z.strictObject({ callId: Id, staffId: Id, endedAt: Ms, waitedMs: Ms, handledMs: Ms, reason: z.string().min(1).max(64) });

const DaySummarySchema = z.strictObject({
  handled: z.number().int().min(0),
  averageHandlingSeconds: z.number().min(0).nullable(),
  byHour: z.array(z.strictObject({ hour: z.number().int().min(0).max(23), count: z.number().int().min(0) })),
  ratings: z.array(z.strictObject({ level: z.string(), count: z.number().int().min(0) })),
  reasons: z.array(z.strictObject({ reason: PoorRatingReason, count: z.number().int().min(0) })),
  callbacks: z.number().int().min(0),
});

/** Every operation: its arguments and its answer. Each is idempotent, so one in flight when the worker dies is sent again. */
export const OPS = {
  'queue.day': { args: z.tuple([Day]), result: z.array(TicketRecordSchema) },
  'queue.write': { args: z.tuple([z.array(TicketRecordSchema).min(1).max(64)]), result: z.null() },
  'workload.record': { args: z.tuple([HandledStart]), result: z.null() },
  'workload.rate': { args: z.tuple([Id, z.string().min(1).max(16), Feedback.optional()]), result: z.null() },
  'workload.staffOf': { args: z.tuple([Id]), result: z.string().nullable() },
  'workload.summary': { args: z.tuple([Id, Day]), result: DaySummarySchema },
  'help.ended': { args: z.tuple([CallEnded]), result: z.null() },
  'help.rated': { args: z.tuple([Id, z.number().int().min(1).max(5)]), result: z.null() },
  'help.today': { args: z.tuple([Id, Ms]), result: HelpWorkload },
} as const;

export type CounterDbOp = keyof typeof OPS;
export const OP_NAMES = Object.keys(OPS) as CounterDbOp[];

export const CounterDbRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('open'), id: z.number().int().min(1), file: z.string().min(1).max(4096) }),
  z.strictObject({ type: z.literal('call'), id: z.number().int().min(1), op: z.enum(OP_NAMES as [CounterDbOp, ...CounterDbOp[]]), args: z.array(z.unknown()).max(4) }),
  z.strictObject({ type: z.literal('close'), id: z.number().int().min(1) }),
]);
export type CounterDbRequest = z.infer<typeof CounterDbRequest>;

export const CounterDbReply = z.union([
  z.strictObject({ id: z.number().int().min(1), ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ id: z.number().int().min(1), ok: z.literal(false), error: z.strictObject({ name: z.string().max(100), message: z.string().max(2000) }) }),
]);
export type CounterDbReply = z.infer<typeof CounterDbReply>;
