// The Journal on its own worker thread, as Signal Desktop keeps its database (ts/sql/main.ts: one worker
// owns the connection, main sends numbered requests and matches the answers). Main only posts messages: an
// fsync or a long list() holds up the worker, never the loop that runs the IPC router and the devices.
// Requests go one at a time, in call order, so a crash can touch at most the one in flight:
//   - the worker is started again (same file, same key) and everything queued behind it is sent to the new one;
//   - a read in flight is asked again once; an enqueue/createDraft carries its own local id, so the new worker
//     is asked whether it was written (then that is the answer) before it is written again;
//   - any other write in flight fails with JournalError('worker_crashed'): its outcome is unknown, and the
//     outbox treats it as any failed journal write (the row is looked at again on the next pass).
// An answer is taken only from the worker that was asked, for the request in flight: none is taken twice.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KeyProvider } from './crypto';
import { JOURNAL_METHODS, type Journal, type JournalMethod } from './journal-api';
import { JournalError } from './journal-error';
import { fromRemoteError, RESULTS, WorkerReply, type WorkerRequest } from './journal-protocol';

export interface JournalOptions {
  file: string;
  keyProvider: KeyProvider;
  /** The journal's clock (every call carries it to the worker). */
  now?: () => number;
  /** Worker entry; default: journal-worker.cjs beside this code (the Electron and soak bundles), else journal-worker.ts. */
  entry?: URL;
  onEvent?: (e: JournalThreadEvent) => void;
}

export type JournalThreadEvent =
  | { type: 'workerStarted'; threadId: number }
  | { type: 'workerExited'; threadId: number; reason: 'crash' | 'shutdown'; exitCode: number };

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
  const bundled = new URL('./journal-worker.cjs', import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('./journal-worker.ts', import.meta.url);
}

/** A .ts entry (from source, under vitest or tsx) loads through tsx's require API (as prepare-off-thread.ts does). */
function startWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const api = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const code = `require(${JSON.stringify(api)}).require(${JSON.stringify(fileURLToPath(entry))}, ${JSON.stringify(entry.href)});`;
  return new Worker(code, { eval: true });
}

const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export async function openJournalThread(options: JournalOptions): Promise<Journal> {
  const key = new Uint8Array(await options.keyProvider.getKey());
  const now = options.now ?? Date.now;
  const entry = options.entry ?? defaultJournalWorkerEntry();
  let worker: Worker | null = null;
  let workerError: unknown = null;
  let inFlight: { job: Job; id: number } | null = null;
  const queue: Job[] = [];
  let nextId = 1;
  let closing = false;
  let closed = false;

  function start(): Worker {
    const w = startWorker(entry);
    const { threadId } = w;
    worker = w;
    workerError = null;
    w.on('message', (raw: unknown) => answered(w, raw));
    w.on('error', (err) => {
      if (w === worker) workerError = err;
    });
    w.on('exit', (exitCode) => exited(w, threadId, exitCode));
    options.onEvent?.({ type: 'workerStarted', threadId });
    // Every worker opens the file first; the calls queued behind wait for it.
    queue.unshift({ method: 'open', args: [], resolve: () => undefined, reject: (e) => failQueue(e), retried: true, probe: null });
    return w;
  }

  function failQueue(err: Error): void {
    // The file does not open in a new worker: nothing queued can run; the next call tries again.
    for (const job of queue.splice(0)) job.reject(err);
    const w = worker;
    worker = null;
    void w?.terminate();
  }

  function send(w: Worker, job: Job): void {
    const id = nextId++;
    inFlight = { job, id };
    w.ref();
    const message: WorkerRequest = job.method === 'open'
      ? { type: 'open', id, at: now(), file: options.file, key }
      : { type: 'call', id, at: now(), method: job.probe ? 'get' : job.method, args: job.probe ? [job.probe] : job.args };
    try {
      w.postMessage(message);
    } catch (e) {
      // Not cloneable (a function, a class instance): the caller's mistake, told to the caller.
      inFlight = null;
      job.reject(new JournalError('bad_message', `journal request cannot be sent: ${e instanceof Error ? e.message : String(e)}`));
      pump();
    }
  }

  function pump(): void {
    if (inFlight) return;
    if (queue.length === 0) {
      worker?.unref(); // an idle journal must not keep a CLI or test process alive
      return;
    }
    const w = worker ?? start();
    send(w, queue.shift()!);
  }

  function answered(w: Worker, raw: unknown): void {
    const current = inFlight;
    const parsed = WorkerReply.safeParse(raw);
    if (w !== worker || !current || !parsed.success || parsed.data.id !== current.id) return; // not the answer we wait for
    inFlight = null;
    const reply = parsed.data;
    const { job } = current;
    if (job.probe) {
      job.probe = null;
      if (reply.ok) settle(job, 'get', reply.result); // written before the crash: that is the answer
      else if (reply.error.code === 'not_found') queue.unshift(job); // not written: write it now
      else job.reject(fromRemoteError(reply.error));
    } else if (reply.ok) settle(job, job.method, reply.result);
    else job.reject(fromRemoteError(reply.error));
    pump();
  }

  function settle(job: Job, method: JournalMethod | 'open', result: unknown): void {
    if (method === 'open') return job.resolve(undefined);
    const checked = RESULTS[method].safeParse(result);
    if (!checked.success) return job.reject(new JournalError('bad_message', `journal answer to ${method} does not match the protocol`));
    job.resolve(checked.data instanceof Uint8Array ? asBuffer(checked.data) : checked.data);
  }

  function exited(w: Worker, threadId: number, exitCode: number): void {
    if (w !== worker) return; // a worker we ended ourselves
    worker = null;
    options.onEvent?.({ type: 'workerExited', threadId, reason: 'crash', exitCode });
    const current = inFlight;
    inFlight = null;
    if (current) {
      const { job } = current;
      const named = job.method in NAMED_WRITES ? (job.args[NAMED_WRITES[job.method as keyof typeof NAMED_WRITES]] as string) : null;
      const cause = workerError instanceof Error ? `: ${workerError.message}` : '';
      if (!job.retried && (job.method !== 'open' && READS.has(job.method))) queue.unshift({ ...job, retried: true });
      else if (!job.retried && named) queue.unshift({ ...job, retried: true, probe: named });
      else job.reject(new JournalError('worker_crashed', `the journal worker stopped (exit code ${exitCode}) during ${job.method}${cause}`));
    }
    pump();
  }

  function call(method: JournalMethod, args: unknown[]): Promise<unknown> {
    if (closed || (closing && method !== 'close')) return Promise.reject(new JournalError('closed', 'the journal is closed'));
    return new Promise((resolve, reject) => {
      queue.push({ method, args, resolve, reject, retried: false, probe: null });
      pump();
    });
  }

  // The first open is awaited: a file that does not open (newer schema, damaged) fails openJournal itself.
  await new Promise<void>((resolve, reject) => {
    start();
    const open = queue[0]!;
    open.resolve = () => resolve();
    open.reject = (e) => {
      failQueue(e);
      reject(e);
    };
    pump();
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
      const w = worker;
      worker = null;
      if (w) {
        const { threadId } = w;
        const exitCode = await w.terminate();
        options.onEvent?.({ type: 'workerExited', threadId, reason: 'shutdown', exitCode });
      }
    }
  };
  return journal;
}
