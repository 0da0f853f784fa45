// preparePage on a worker thread, so decoding, page detection, warp and deskew never stall the main
// event loop (device I/O, IPC and the screen share it). One lazily started worker takes one job at a
// time from a queue; a crash fails only the job it was running and the next job starts a fresh worker.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Listeners } from '@easydo/device-drivers/device/listeners';
import type { PreparedPage, PreparePageOptions } from './pipeline';
import { fromRemoteError, ownBytes, type PrepareReply, type PrepareRequest } from './prepare-protocol';
import { codedError } from '@easydo/device-drivers/device/coded-error';

export { PagePrepareError } from './prepare-protocol';

/** preparePage's signature: MaterialsSession takes any of these (tests inject the in-thread one). */
export type PagePreparer = (bytes: Uint8Array, options: PreparePageOptions) => Promise<PreparedPage>;

export type PreparerEvent =
  | { type: 'workerStarted'; threadId: number }
  | { type: 'workerExited'; threadId: number; reason: 'crash' | 'shutdown'; exitCode: number };

export class PrepareWorkerCrashedError extends codedError<'prepareWorkerCrashed'>('PrepareWorkerCrashedError') {
  constructor(exitCode: number, cause: unknown) {
    super('prepareWorkerCrashed', `The page preparation worker stopped (exit code ${exitCode})`, { cause });
  }
}

export class PreparerClosedError extends codedError<'preparerClosed'>('PreparerClosedError') {
  constructor() {
    super('preparerClosed', 'The page preparer is closed');
  }
}

export interface OffThreadPreparerOptions {
  /** Worker entry; default: the bundled prepare-worker.cjs next to this code, else prepare-worker.ts. */
  entry?: URL;
}

interface Job {
  request: PrepareRequest;
  resolve: (page: PreparedPage) => void;
  reject: (err: Error) => void;
}

/**
 * In the Electron bundle this module is inlined into kiosk/out/main.cjs (import.meta.url is the
 * bundle's) and the worker is bundled beside it as prepare-worker.cjs; from source we start the .ts.
 */
export function defaultWorkerEntry(): URL {
  const bundled = new URL('./prepare-worker.cjs', import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('./prepare-worker.ts', import.meta.url);
}

/**
 * A .ts entry needs tsx inside the worker. Node 20 applies no `--import` loader to a worker's own entry
 * module (tried: ERR_UNKNOWN_FILE_EXTENSION) and Vitest registers none, so a two-line eval bootstrap
 * loads it through tsx's public require API instead.
 */
function startWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const api = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const code = `require(${JSON.stringify(api)}).require(${JSON.stringify(fileURLToPath(entry))}, ${JSON.stringify(entry.href)});`;
  return new Worker(code, { eval: true });
}

/** The worker sends plain Uint8Arrays; callers get zero-copy Buffer views as preparePage gave them. */
const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export class OffThreadPreparer {
  private worker: Worker | null = null;
  private workerError: unknown = null;
  private running: Job | null = null;
  private readonly queue: Job[] = [];
  private readonly events = new Listeners<PreparerEvent>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: OffThreadPreparerOptions = {}) {}

  onEvent(listener: (e: PreparerEvent) => void): () => void {
    return this.events.add(listener);
  }

  /** Same contract as preparePage; the input is copied, so the caller keeps its buffer. */
  readonly prepare: PagePreparer = (bytes, options) => {
    if (this.closed) return Promise.reject(new PreparerClosedError());
    return new Promise<PreparedPage>((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, bytes: new Uint8Array(bytes), options }, resolve, reject });
      this.pump();
    });
  };

  /** Fails queued and running jobs with PreparerClosedError and ends the worker thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const jobs = [...(this.running ? [this.running] : []), ...this.queue.splice(0)];
    this.running = null;
    for (const job of jobs) job.reject(new PreparerClosedError());
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const { threadId } = worker;
    const exitCode = await worker.terminate();
    this.events.emit({ type: 'workerExited', threadId, reason: 'shutdown', exitCode });
  }

  private pump(): void {
    if (this.closed || this.running) return;
    const job = this.queue.shift();
    if (!job) {
      // Idle: an unused worker must not keep a CLI or test process alive.
      this.worker?.unref();
      return;
    }
    this.running = job;
    const worker = this.start();
    worker.ref();
    const bytes = ownBytes(job.request.bytes);
    worker.postMessage({ ...job.request, bytes } satisfies PrepareRequest, [bytes.buffer]);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.options.entry ?? defaultWorkerEntry());
    const { threadId } = worker; // reads -1 once the thread has gone
    this.worker = worker;
    this.workerError = null;
    worker.on('message', (reply: PrepareReply) => this.settle(worker, reply));
    worker.on('error', (err) => {
      if (worker === this.worker) this.workerError = err;
    });
    worker.on('exit', (exitCode) => this.exited(worker, threadId, exitCode));
    this.events.emit({ type: 'workerStarted', threadId });
    return worker;
  }

  private settle(worker: Worker, reply: PrepareReply): void {
    const job = this.running;
    if (worker !== this.worker || !job || job.request.id !== reply.id) return;
    this.running = null;
    if (reply.ok) {
      const { page } = reply;
      job.resolve({ ...page, master: asBuffer(page.master), upload: asBuffer(page.upload), thumbnail: asBuffer(page.thumbnail) });
    } else {
      job.reject(fromRemoteError(reply.error));
    }
    this.pump();
  }

  /** An exit we did not ask for (close() detaches the worker first): fail its job, go on with the queue. */
  private exited(worker: Worker, threadId: number, exitCode: number): void {
    if (worker !== this.worker) return;
    this.worker = null;
    const job = this.running;
    this.running = null;
    job?.reject(new PrepareWorkerCrashedError(exitCode, this.workerError));
    this.events.emit({ type: 'workerExited', threadId, reason: 'crash', exitCode });
    this.pump();
  }
}

let shared: OffThreadPreparer | null = null;

/** The process-wide preparer (one worker for every materials session); started on first use. */
export function sharedPreparer(): OffThreadPreparer {
  shared ??= new OffThreadPreparer();
  return shared;
}

/** Ends the shared worker (terminal close); a later use starts a new one. */
export async function closeSharedPreparer(): Promise<void> {
  const p = shared;
  shared = null;
  await p?.close();
}
