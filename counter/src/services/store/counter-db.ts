// The counter's database (counter.sqlite: today's queue, the clerks' workload, remote-help calls) on its own worker
// thread, as the journal is (backend-client/src/outbox/journal-thread.ts): main posts one request at a time on the
// shared WorkerLane, so an fsync never holds up the loop that runs the IPC router, the devices and the screens.
// Every operation is idempotent (whole-row upserts, INSERT OR IGNORE, an UPDATE to the same value), so the one in
// flight when the worker dies is sent again, once, to a fresh worker that opens the file first.
import type { DaySummary, RatingFeedback, HandledRow } from '../workload/workload-store';
import type { TicketRecord } from '../queue/queue-rules';
import type { HelpWorkload } from '@easydo/core/contract/schemas/remote-help';
import { codedError } from '@easydo/core/services/errors/coded-error';
import { WorkerLane, bundledOrSource, type WorkerThreadEvent } from '@easydo/core/services/threads/worker-lane';
import { CounterDbReply, OPS, type CounterDbOp, type CounterDbRequest } from './counter-db-protocol';

export class CounterDbError extends codedError<'crashed' | 'closed' | 'failed' | 'badMessage'>('CounterDbError') {}

/** Today's tickets as the queue desk keeps them: read a day, write changed tickets (one transaction). */
export interface QueueStorePort {
  day(day: string): Promise<TicketRecord[]>;
  write(tickets: TicketRecord[]): Promise<void>;
}

export interface WorkloadPort {
  record(row: Omit<HandledRow, 'level'>): Promise<void>;
  rate(localId: string, level: string, feedback?: RatingFeedback): Promise<void>;
  staffOf(localId: string): Promise<string | null>;
  summary(staffId: string, day: string): Promise<DaySummary>;
}

export interface HelpLedgerPort {
  ended(row: { callId: string; staffId: string; endedAt: number; waitedMs: number; handledMs: number; reason: string }): Promise<void>;
  rated(callId: string, level: number): Promise<void>;
  today(staffId: string, now: number): Promise<HelpWorkload>;
}

export interface CounterDb {
  queue: QueueStorePort;
  workload: WorkloadPort;
  help: HelpLedgerPort;
  close(): Promise<void>;
}

export interface CounterDbOptions {
  file: string;
  /** Worker entry; default: counter-db-worker.cjs beside this code (the Electron bundle), else counter-db-worker.ts. */
  entry?: URL;
  onEvent?: (e: WorkerThreadEvent) => void;
}

interface Job {
  request: { type: 'open' } | { type: 'close' } | { type: 'call'; op: CounterDbOp; args: unknown[] };
  resolve(value: unknown): void;
  reject(err: Error): void;
  retried: boolean;
}

export function defaultCounterDbEntry(): URL {
  return bundledOrSource(new URL('./counter-db-worker.cjs', import.meta.url), new URL('./counter-db-worker.ts', import.meta.url));
}

export async function openCounterDb(options: CounterDbOptions): Promise<CounterDb> {
  let closed = false;
  const lane: WorkerLane<Job, CounterDbReply> = new WorkerLane<Job, CounterDbReply>({
    entry: options.entry ?? defaultCounterDbEntry(),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    // Every worker opens the file before the calls queued behind.
    started: () => lane.queue.unshift({ request: { type: 'open' }, resolve: () => undefined, reject: (e) => failAll(e), retried: true }),
    message: (job, id) => ({
      data: (job.request.type === 'open' ? { type: 'open', id, file: options.file } : { ...job.request, id }) satisfies CounterDbRequest,
    }),
    reply: (raw) => {
      const parsed = CounterDbReply.safeParse(raw);
      return parsed.success ? parsed.data : null;
    },
    answered(job, reply) {
      if (!reply.ok) return job.reject(new CounterDbError('failed', `counter database: ${reply.error.message}`));
      if (job.request.type !== 'call') return job.resolve(undefined);
      const checked = OPS[job.request.op].result.safeParse(reply.result);
      if (!checked.success) return job.reject(new CounterDbError('badMessage', `the counter database's answer to ${job.request.op} does not match the protocol`));
      job.resolve(checked.data);
    },
    unsendable: (job, e) => job.reject(new CounterDbError('badMessage', `counter database request cannot be sent: ${e instanceof Error ? e.message : String(e)}`)),
    crashed(job, exitCode) {
      if (!job) return;
      if (!job.retried && job.request.type === 'call') lane.queue.unshift({ ...job, retried: true });
      else job.reject(new CounterDbError('crashed', `the counter database worker stopped (exit code ${exitCode})`));
    },
  });

  function failAll(err: Error): void {
    // The file does not open: nothing queued can run; the next call starts a worker that tries again.
    for (const job of lane.queue.splice(0)) job.reject(err);
    lane.discard();
  }

  function send(request: Job['request']): Promise<unknown> {
    if (closed) return Promise.reject(new CounterDbError('closed', 'the counter database is closed'));
    return new Promise((resolve, reject) => lane.push({ request, resolve, reject, retried: false }));
  }
  const call = <T>(op: CounterDbOp, ...args: unknown[]) => send({ type: 'call', op, args }) as Promise<T>;

  // The first open is awaited, so a file that does not open fails openCounterDb itself.
  await new Promise<void>((resolve, reject) => {
    lane.ensureWorker();
    const first = lane.queue[0]!;
    first.resolve = () => resolve();
    first.reject = (e) => {
      failAll(e);
      reject(e);
    };
    lane.pump();
  });

  return {
    queue: {
      day: (day) => call('queue.day', day),
      write: (tickets) => call('queue.write', tickets),
    },
    workload: {
      record: (row) => call('workload.record', row),
      rate: (localId, level, feedback) => call('workload.rate', ...(feedback ? [localId, level, { reasons: [...feedback.reasons], callback: feedback.callback }] : [localId, level])),
      staffOf: (localId) => call('workload.staffOf', localId),
      summary: (staffId, day) => call('workload.summary', staffId, day),
    },
    help: {
      ended: (row) => call('help.ended', row),
      rated: (callId, level) => call('help.rated', callId, level),
      today: (staffId, now) => call('help.today', staffId, now),
    },
    async close() {
      if (closed) return;
      try {
        await send({ type: 'close' });
      } finally {
        closed = true;
        await lane.terminate();
      }
    },
  };
}
