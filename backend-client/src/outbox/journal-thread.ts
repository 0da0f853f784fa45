// The Journal on its own worker thread, as Signal Desktop keeps its database (ts/sql/main.ts: one worker
// owns the connection, main sends numbered requests and matches the answers). Main only posts messages: an
// fsync or a long list() holds up the worker, never the loop that runs the IPC router and the devices.
// Requests go one at a time, in call order (the shared `WorkerLane`), so a crash can touch at most the one in flight:
//   - the worker is started again (same file, same key) and everything queued behind it is sent to the new one;
//   - a read in flight is asked again once; an enqueue/createDraft carries its own local id, so the new worker
//     is asked whether it was written (then that is the answer) before it is written again;
//   - any other write in flight fails with JournalError('worker_crashed'): its outcome is unknown, and the
//     outbox treats it as any failed journal write (the row is looked at again on the next pass).
// An answer is taken only from the worker that was asked, for the request in flight: none is taken twice.
import { randomUUID } from 'node:crypto';
import type { KeyProvider } from './crypto';
import { JOURNAL_METHODS, type Journal, type JournalMethod } from './journal-api';
import { JournalError } from './journal-error';
import { fromRemoteError, RESULTS, WorkerReply, type WorkerRequest } from './journal-protocol';
import { asBuffer, bundledOrSource, WorkerLane, type WorkerThreadEvent } from '../thread/worker-lane';

export interface JournalOptions {
  file: string;
  keyProvider: KeyProvider;
  /** The journal's clock (every call carries it to the worker). */
  now?: () => number;
  /** Worker entry; default: journal-worker.cjs beside this code (the Electron and soak bundles), else journal-worker.ts. */
  entry?: URL;
  onEvent?: (e: JournalThreadEvent) => void;
}

export type JournalThreadEvent = WorkerThreadEvent;

/** Calls that change nothing: asked again after a crash. */
const READS = new Set<JournalMethod>(['get', 'findByLabel', 'list', 'setAside', 'counts', 'materialData', 'certificateNumber', 'checkpoint']);
/** Writes that name their row (the local id is created here): after a crash, first asked whether they happened. */
const NAMED_WRITES = { createDraft: 1, enqueue: 2 } as const satisfies Partial<Record<JournalMethod, number>>;

interface Job {
  method: JournalMethod | 'open';
  args: unknown[];
  resolve(value: unknown): void;
  reject(err: Error): void;
  /** Sent once to a worker that died: a read is not sent a third time. */
  retried: boolean;
  /** After a crash during a named write: ask `get(localId)` first. */
  probe: string | null;
}

export function defaultJournalWorkerEntry(): URL {
  return bundledOrSource(new URL('./journal-worker.cjs', import.meta.url), new URL('./journal-worker.ts', import.meta.url));
}

export async function openJournalThread(options: JournalOptions): Promise<Journal> {
  const key = new Uint8Array(await options.keyProvider.getKey());
  const now = options.now ?? Date.now;
  let closing = false;
  let closed = false;

  const lane: WorkerLane<Job, WorkerReply> = new WorkerLane<Job, WorkerReply>({
    entry: options.entry ?? defaultJournalWorkerEntry(),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    // Every worker opens the file first; the calls queued behind wait for it.
    started: () => lane.queue.unshift({ method: 'open', args: [], resolve: () => undefined, reject: (e) => failQueue(e), retried: true, probe: null }),
    message: (job, id) => ({
      data: (job.method === 'open'
        ? { type: 'open', id, at: now(), file: options.file, key }
        : { type: 'call', id, at: now(), method: job.probe ? 'get' : job.method, args: job.probe ? [job.probe] : job.args }) satisfies WorkerRequest,
    }),
    reply: (raw) => {
      const parsed = WorkerReply.safeParse(raw);
      return parsed.success ? parsed.data : null;
    },
    answered(job, reply) {
      if (job.probe) {
        job.probe = null;
        if (reply.ok) settle(job, 'get', reply.result); // written before the crash: that is the answer
        else if (reply.error.code === 'not_found') lane.queue.unshift(job); // not written: write it now
        else job.reject(fromRemoteError(reply.error));
      } else if (reply.ok) settle(job, job.method, reply.result);
      else job.reject(fromRemoteError(reply.error));
    },
    unsendable: (job, e) => job.reject(new JournalError('bad_message', `journal request cannot be sent: ${e instanceof Error ? e.message : String(e)}`)),
    crashed(job, exitCode, workerError) {
      if (!job) return;
      const named = job.method in NAMED_WRITES ? (job.args[NAMED_WRITES[job.method as keyof typeof NAMED_WRITES]] as string) : null;
      const cause = workerError instanceof Error ? `: ${workerError.message}` : '';
      if (!job.retried && (job.method !== 'open' && READS.has(job.method))) lane.queue.unshift({ ...job, retried: true });
      else if (!job.retried && named) lane.queue.unshift({ ...job, retried: true, probe: named });
      else job.reject(new JournalError('worker_crashed', `the journal worker stopped (exit code ${exitCode}) during ${job.method}${cause}`));
    },
  });

  function failQueue(err: Error): void {
    // The file does not open in a new worker: nothing queued can run; the next call tries again.
    for (const job of lane.queue.splice(0)) job.reject(err);
    lane.discard();
  }

  function settle(job: Job, method: JournalMethod | 'open', result: unknown): void {
    if (method === 'open') return job.resolve(undefined);
    const checked = RESULTS[method].safeParse(result);
    if (!checked.success) return job.reject(new JournalError('bad_message', `journal answer to ${method} does not match the protocol`));
    job.resolve(checked.data instanceof Uint8Array ? asBuffer(checked.data) : checked.data);
  }

  function call(method: JournalMethod, args: unknown[]): Promise<unknown> {
    if (closed || (closing && method !== 'close')) return Promise.reject(new JournalError('closed', 'the journal is closed'));
    return new Promise((resolve, reject) => lane.push({ method, args, resolve, reject, retried: false, probe: null }));
  }

  // The first open is awaited: a file that does not open (newer schema, damaged) fails openJournal itself.
  await new Promise<void>((resolve, reject) => {
    lane.ensureWorker();
    const open = lane.queue[0]!;
    open.resolve = () => resolve();
    open.reject = (e) => {
      failQueue(e);
      reject(e);
    };
    lane.pump();
  }).catch((e: unknown) => {
    throw e instanceof JournalError ? e : new JournalError('worker_crashed', `the journal worker did not start: ${e instanceof Error ? e.message : String(e)}`);
  });

  const journal = Object.fromEntries(JOURNAL_METHODS.map((m) => [m, (...args: unknown[]) => call(m, args)])) as unknown as Journal;
  // Named writes get their local id here, so a crash can be asked about afterwards.
  journal.createDraft = (app, localId = randomUUID()) => call('createDraft', [app, localId]) as ReturnType<Journal['createDraft']>;
  journal.enqueue = (app, materials = [], localId = randomUUID()) => call('enqueue', [app, materials, localId]) as ReturnType<Journal['enqueue']>;
  journal.close = async () => {
    if (closed || closing) return;
    closing = true;
    try {
      await call('close', []);
    } finally {
      closed = true;
      await lane.terminate();
    }
  };
  return journal;
}
