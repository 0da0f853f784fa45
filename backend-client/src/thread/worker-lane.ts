// One worker thread taking numbered requests one at a time, the part the journal's thread and the page
// preparer share (as Signal Desktop's ts/sql/main.ts does for its database): the worker is started lazily,
// an answer is taken only from the worker that was asked and only for the request in flight, an idle worker
// does not keep the process alive, and an exit nobody asked for is told to the owner, who decides what the
// job in flight and the queue become (the journal retries reads and probes named writes; the preparer fails
// the job). Here in backend-client because it is the lowest package both the journal and core reach.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type Transferable } from 'node:worker_threads';

export type WorkerThreadEvent =
  | { type: 'workerStarted'; threadId: number }
  | { type: 'workerExited'; threadId: number; reason: 'crash' | 'shutdown'; exitCode: number };

/** The bundled worker (`.cjs` beside the Electron or soak bundle) when it exists, else the `.ts` source. */
export function bundledOrSource(bundled: URL, source: URL): URL {
  return existsSync(fileURLToPath(bundled)) ? bundled : source;
}

/**
 * A .ts entry needs tsx inside the worker. Node 20 applies no `--import` loader to a worker's own entry
 * module (ERR_UNKNOWN_FILE_EXTENSION) and Vitest registers none, so a two-line eval bootstrap loads it
 * through tsx's public require API instead.
 */
export function startWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const api = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const code = `require(${JSON.stringify(api)}).require(${JSON.stringify(fileURLToPath(entry))}, ${JSON.stringify(entry.href)});`;
  return new Worker(code, { eval: true });
}

/** Workers send plain Uint8Arrays; callers get zero-copy Buffer views. */
export const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export interface LaneOwner<J, R> {
  entry: URL;
  /** The message that asks for `job` under request number `id`, and what it transfers. */
  message(job: J, id: number): { data: unknown; transfer?: readonly Transferable[] };
  /** The reply inside a message from the worker, null when it is not one (then it is ignored). */
  reply(raw: unknown): (R & { id: number }) | null;
  /** The reply to the job in flight; the lane sends the next job afterwards. */
  answered(job: J, reply: R): void;
  /** `job` could not be posted (not cloneable): the caller's mistake, told to the caller. */
  unsendable(job: J, err: unknown): void;
  /** The worker exited unasked; `job` was in flight (null when idle). Re-queue it or fail it. */
  crashed(job: J | null, exitCode: number, cause: unknown): void;
  /** A new worker is running (before its first job is sent), e.g. to put an `open` in front of the queue. */
  started?(): void;
  onEvent?(e: WorkerThreadEvent): void;
}

export class WorkerLane<J, R> {
  /** Jobs waiting, in order; the owner may put one back in front (`unshift`) or take them all. */
  readonly queue: J[] = [];
  private worker: Worker | null = null;
  private workerError: unknown = null;
  private inFlight: { job: J; id: number } | null = null;
  private nextId = 1;

  constructor(private readonly owner: LaneOwner<J, R>) {}

  push(job: J): void {
    this.queue.push(job);
    this.pump();
  }

  /** Sends the next job when none is in flight; starts a worker when there is none. */
  pump(): void {
    if (this.inFlight) return;
    if (this.queue.length === 0) {
      this.worker?.unref(); // an idle worker must not keep a CLI or test process alive
      return;
    }
    const w = this.ensureWorker(); // before taking the job: `started` may put one in front of it
    const job = this.queue.shift()!;
    const id = this.nextId++;
    this.inFlight = { job, id };
    w.ref();
    try {
      const { data, transfer } = this.owner.message(job, id);
      w.postMessage(data, transfer);
    } catch (e) {
      this.inFlight = null;
      this.owner.unsendable(job, e);
      this.pump();
    }
  }

  /** The job in flight and every queued one, taken out of the lane (e.g. to fail them on close). */
  takeAll(): J[] {
    const jobs = [...(this.inFlight ? [this.inFlight.job] : []), ...this.queue.splice(0)];
    this.inFlight = null;
    return jobs;
  }

  /** Ends the worker without a word (its exit is not a crash, nor a shutdown to tell); the next job starts a new one. */
  discard(): void {
    const w = this.worker;
    this.worker = null;
    void w?.terminate();
  }

  /** Ends the worker (its exit is not a crash); the next job starts a new one. */
  async terminate(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    const { threadId } = w;
    const exitCode = await w.terminate();
    this.owner.onEvent?.({ type: 'workerExited', threadId, reason: 'shutdown', exitCode });
  }

  /** The running worker, started (and `started` told) when there is none. */
  ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = startWorker(this.owner.entry);
    const { threadId } = w; // reads -1 once the thread has gone
    this.worker = w;
    this.workerError = null;
    w.on('message', (raw: unknown) => this.answer(w, raw));
    w.on('error', (err) => {
      if (w === this.worker) this.workerError = err;
    });
    w.on('exit', (exitCode) => this.exited(w, threadId, exitCode));
    this.owner.onEvent?.({ type: 'workerStarted', threadId });
    this.owner.started?.();
    return w;
  }

  private answer(w: Worker, raw: unknown): void {
    const current = this.inFlight;
    if (w !== this.worker || !current) return;
    const reply = this.owner.reply(raw);
    if (!reply || reply.id !== current.id) return; // not the answer we wait for
    this.inFlight = null;
    this.owner.answered(current.job, reply);
    this.pump();
  }

  private exited(w: Worker, threadId: number, exitCode: number): void {
    if (w !== this.worker) return; // a worker we ended ourselves
    this.worker = null;
    this.owner.onEvent?.({ type: 'workerExited', threadId, reason: 'crash', exitCode });
    const current = this.inFlight;
    this.inFlight = null;
    this.owner.crashed(current?.job ?? null, exitCode, this.workerError);
    this.pump();
  }
}
