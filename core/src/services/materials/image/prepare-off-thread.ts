// preparePage on a worker thread, so decoding, page detection, warp and deskew never stall the main
// event loop (device I/O, IPC and the screen share it). One lazily started worker takes one job at a
// time from a queue (the shared `WorkerLane`); a crash fails only the job it was running and the next job
// starts a fresh worker.
import { Listeners } from '@easydo/device-drivers/device/listeners';
import type { PreparedPage, PreparePageOptions } from './pipeline';
import { fromRemoteError, ownBytes, type PrepareReply, type PrepareRequest } from './prepare-protocol';
import { codedError } from '@easydo/device-drivers/device/coded-error';
import { asBuffer, bundledOrSource, WorkerLane, type WorkerThreadEvent } from '@easydo/backend-client/thread/worker-lane';

export { PagePrepareError } from './prepare-protocol';

/** preparePage's signature: MaterialsSession takes any of these (tests inject the in-thread one). */
export type PagePreparer = (bytes: Uint8Array, options: PreparePageOptions) => Promise<PreparedPage>;

export type PreparerEvent = WorkerThreadEvent;

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
  bytes: Uint8Array;
  options: PreparePageOptions;
  resolve: (page: PreparedPage) => void;
  reject: (err: Error) => void;
}

/**
 * In the Electron bundle this module is inlined into kiosk/out/main.cjs (import.meta.url is the
 * bundle's) and the worker is bundled beside it as prepare-worker.cjs; from source we start the .ts.
 */
export function defaultWorkerEntry(): URL {
  return bundledOrSource(new URL('./prepare-worker.cjs', import.meta.url), new URL('./prepare-worker.ts', import.meta.url));
}

export class OffThreadPreparer {
  private readonly events = new Listeners<PreparerEvent>();
  private readonly lane: WorkerLane<Job, PrepareReply>;
  private closed = false;

  constructor(options: OffThreadPreparerOptions = {}) {
    this.lane = new WorkerLane<Job, PrepareReply>({
      entry: options.entry ?? defaultWorkerEntry(),
      onEvent: (e) => this.events.emit(e),
      message: (job, id) => {
        const bytes = ownBytes(job.bytes);
        return { data: { id, bytes, options: job.options } satisfies PrepareRequest, transfer: [bytes.buffer] };
      },
      reply: (raw) => raw as PrepareReply, // our own worker's message, matched by its id
      answered(job, reply) {
        if (!reply.ok) return job.reject(fromRemoteError(reply.error));
        const { page } = reply;
        const colour = page.colour ? asBuffer(page.colour) : null;
        job.resolve({ ...page, master: asBuffer(page.master), upload: asBuffer(page.upload), thumbnail: asBuffer(page.thumbnail), colour });
      },
      unsendable: (job, err) => job.reject(err instanceof Error ? err : new Error(String(err))),
      // Only the job it was running fails; the lane starts a fresh worker for the queue.
      crashed: (job, exitCode, cause) => job?.reject(new PrepareWorkerCrashedError(exitCode, cause)),
    });
  }

  onEvent(listener: (e: PreparerEvent) => void): () => void {
    return this.events.add(listener);
  }

  /** Same contract as preparePage; the input is copied, so the caller keeps its buffer. */
  readonly prepare: PagePreparer = (bytes, options) => {
    if (this.closed) return Promise.reject(new PreparerClosedError());
    return new Promise<PreparedPage>((resolve, reject) => this.lane.push({ bytes: new Uint8Array(bytes), options, resolve, reject }));
  };

  /** Fails queued and running jobs with PreparerClosedError and ends the worker thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const job of this.lane.takeAll()) job.reject(new PreparerClosedError());
    await this.lane.terminate();
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
