// A small OCR worker pool over two engines: PP-OCR on onnxruntime (ppocr/, one worker_thread per slot,
// models loaded once per thread) and tesseract.js 7 (the fallback, and for languages PP-OCR's Chinese
// model lacks). Each engine instance lives on a Node worker_thread, so recognition never blocks the main
// event loop. We schedule ourselves instead of using
// tesseract.js' createScheduler because we need three things it lacks: cancelling one job (a running
// recognize cannot be aborted, so its worker is terminated and replaced), recycling a worker after N
// pages (Tesseract adapts to past pages and its WASM heap grows), and per-job progress routing.
import os from 'node:os';
import { createWorker, type Worker, type Page, type Block } from 'tesseract.js';
import { Listeners } from '@easydo/device-drivers/device/listeners';
import { ensureLangPath } from './tessdata';
import type { PpOcrOptions } from './ppocr/engine';
import { PpOcrThread } from './ppocr/thread';
import { codedError } from '@easydo/device-drivers/device/coded-error';

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One recognised text line with its box in source-image pixels (used for the PDF text layer). */
export interface OcrLine {
  text: string;
  bbox: OcrBox;
  confidence: number;
  /** Layout block (column, table row, paragraph) in reading order, where the engine's layout sets it. */
  block?: number;
  /** Red ink (a seal or stamp): kept for the clerk, left out of the page's text and the PDF text layer. */
  stamp?: boolean;
}

export interface OcrPageResult {
  text: string;
  lines: OcrLine[];
  /** Mean word confidence 0–100 as Tesseract reports it. */
  confidence: number;
  /** Wall time from the job starting on a worker to its result. */
  ms: number;
}

export interface OcrJobOptions {
  /** Aborting rejects the job with OcrCancelledError; a running job's worker is terminated. */
  signal?: AbortSignal;
  /** 0..1 within this page. */
  onProgress?: (progress: number) => void;
  /**
   * The same page in colour, at any scale (the pipeline's half-size colour copy), when `image` is grey: PP-OCR
   * judges red ink (seals, marked `stamp`) on it. Tesseract ignores it.
   */
  colour?: Uint8Array | null;
}

export type OcrEngineName = 'ppocr' | 'tesseract';

export interface OcrPoolOptions {
  /** Default 'ppocr' (config.ocr.engine's default); the terminal passes config.ocr.engine. */
  engine?: OcrEngineName;
  /** PP-OCR tuning (detector input size, batch, threads); ignored by tesseract. */
  ppocr?: PpOcrOptions;
  /** Number of worker threads; default: the available cores, at most 4 (each holds ~0.5 GB with PP-OCR, ~0.3 GB with tesseract). */
  size?: number;
  /** Tesseract language string; 'eng+chi_sim' avoids the bogus chi_sim_vert sub-language warning. */
  languages?: string;
  /** Folder with <lang>.traineddata.gz; default: ensureLangPath(). */
  langPath?: string;
  /** Replace a worker after this many pages (default 25 for tesseract, never for ppocr). */
  recycleAfterPages?: number;
  /** Tesseract page segmentation mode; '3' = fully automatic (forms, tables, columns in reading order). */
  pageSegMode?: '1' | '3' | '4' | '6' | '11' | '12';
}

export type OcrPoolEvent =
  | { type: 'workerStarted'; slot: number }
  | { type: 'workerRecycled'; slot: number; pages: number }
  | { type: 'workerTerminated'; slot: number; reason: 'cancel' | 'error' | 'shutdown' };

export class OcrCancelledError extends codedError<'ocrCancelled'>('OcrCancelledError') {
  constructor() {
    super('ocrCancelled', 'OCR job was cancelled');
  }
}

export class OcrFailedError extends codedError<'ocrFailed'>('OcrFailedError') {
  constructor(cause: unknown) {
    super('ocrFailed', 'OCR failed', { cause });
  }
}

export class OcrPoolClosedError extends codedError<'ocrPoolClosed'>('OcrPoolClosedError') {
  constructor() {
    super('ocrPoolClosed', 'OCR pool is closed');
  }
}

interface Job {
  image: Buffer;
  options: OcrJobOptions;
  resolve: (r: OcrPageResult) => void;
  reject: (e: Error) => void;
  settled: boolean;
}

/** One engine instance on its own thread, as the pool drives it. */
interface EngineWorker {
  recognize(image: Buffer, onProgress: (p: number) => void, colour: Uint8Array | null): Promise<OcrPageResult>;
  terminate(): Promise<void>;
}

interface Slot {
  index: number;
  worker: Promise<EngineWorker> | null;
  pages: number;
  job: Job | null;
}

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** Flattens tesseract.js' block tree into lines in reading order (blocks, then paragraphs, then lines). */
function linesOf(blocks: Block[] | null): OcrLine[] {
  const out: OcrLine[] = [];
  for (const block of blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const text = line.text.replace(/\s+$/u, '');
        if (text.trim() === '') continue;
        out.push({ text, bbox: { ...line.bbox }, confidence: line.confidence });
      }
    }
  }
  return out;
}

export function pageResult(page: Page, ms: number): OcrPageResult {
  const lines = linesOf(page.blocks);
  return { text: lines.map((l) => l.text).join('\n'), lines, confidence: page.confidence, ms };
}

/** tesseract.js reports progress through its logger (routed to the slot's job in startTesseract). */
function tesseractEngine(worker: Worker): EngineWorker {
  return {
    recognize: async (image) => pageResult((await worker.recognize(image, {}, { text: true, blocks: true })).data, 0),
    terminate: async () => {
      await worker.terminate();
    },
  };
}

export class OcrPool {
  readonly size: number;
  readonly engine: OcrEngineName;
  private readonly ppocr: PpOcrOptions;
  private readonly languages: string;
  private readonly recycleAfterPages: number;
  private readonly pageSegMode: string;
  private langPath: Promise<string> | null;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private closed = false;
  private readonly events = new Listeners<OcrPoolEvent>();

  constructor(options: OcrPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? defaultPoolSize());
    this.engine = options.engine ?? 'ppocr';
    this.ppocr = options.ppocr ?? {};
    this.languages = options.languages ?? 'eng+chi_sim';
    // Tesseract adapts to past pages and its WASM heap grows; PP-OCR keeps no state between pages.
    this.recycleAfterPages = Math.max(1, options.recycleAfterPages ?? (this.engine === 'ppocr' ? Infinity : 25));
    this.pageSegMode = options.pageSegMode ?? '3';
    this.langPath = options.langPath ? Promise.resolve(options.langPath) : null;
    this.slots = Array.from({ length: this.size }, (_, index) => ({ index, worker: null, pages: 0, job: null }));
  }

  onEvent(listener: (e: OcrPoolEvent) => void): () => void {
    return this.events.add(listener);
  }

  /** Jobs waiting for a worker (not counting running ones). */
  get queued(): number {
    return this.queue.length;
  }

  get running(): number {
    return this.slots.filter((s) => s.job).length;
  }

  /** Recognises one page image (PNG/JPEG/… bytes). Resolves in completion order, not submit order. */
  recognize(image: Uint8Array, options: OcrJobOptions = {}): Promise<OcrPageResult> {
    if (this.closed) return Promise.reject(new OcrPoolClosedError());
    if (options.signal?.aborted) return Promise.reject(new OcrCancelledError());
    return new Promise<OcrPageResult>((resolve, reject) => {
      const job: Job = {
        image: Buffer.from(image.buffer, image.byteOffset, image.byteLength),
        options,
        resolve,
        reject,
        settled: false,
      };
      options.signal?.addEventListener('abort', () => this.cancel(job), { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  /** Terminates every worker and rejects all queued and running jobs. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job, new OcrPoolClosedError());
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.job) this.settle(slot.job, new OcrPoolClosedError());
        slot.job = null;
        await this.killWorker(slot, 'shutdown');
      }),
    );
  }

  private settle(job: Job, outcome: OcrPageResult | Error): void {
    if (job.settled) return;
    job.settled = true;
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
  }

  private cancel(job: Job): void {
    const queuedAt = this.queue.indexOf(job);
    if (queuedAt >= 0) this.queue.splice(queuedAt, 1);
    const slot = this.slots.find((s) => s.job === job);
    this.settle(job, new OcrCancelledError());
    if (slot) {
      // A running recognize cannot be interrupted: terminate the thread and let pump() start a fresh one.
      slot.job = null;
      void this.killWorker(slot, 'cancel').then(() => this.pump());
    }
  }

  private async killWorker(slot: Slot, reason: 'cancel' | 'error' | 'shutdown'): Promise<void> {
    const worker = slot.worker;
    slot.worker = null;
    slot.pages = 0;
    if (!worker) return;
    try {
      await (await worker).terminate();
    } catch {
      // A worker that failed to start has nothing to terminate.
    }
    this.events.emit({ type: 'workerTerminated', slot: slot.index, reason });
  }

  private getLangPath(): Promise<string> {
    this.langPath ??= ensureLangPath();
    return this.langPath;
  }

  private startWorker(slot: Slot): Promise<EngineWorker> {
    const started = this.engine === 'ppocr' ? this.startPpOcr(slot) : this.startTesseract(slot);
    slot.worker = started;
    return started;
  }

  private async startPpOcr(slot: Slot): Promise<EngineWorker> {
    // One intra-op thread per worker unless told otherwise: a pool of N workers uses N cores.
    const thread = await PpOcrThread.start({ threads: 1, ...this.ppocr });
    this.events.emit({ type: 'workerStarted', slot: slot.index });
    return { recognize: (image, onProgress, colour) => thread.recognize(image, onProgress, colour), terminate: () => thread.terminate() };
  }

  private startTesseract(slot: Slot): Promise<EngineWorker> {
    const started = (async (): Promise<EngineWorker> => {
      const langPath = await this.getLangPath();
      const worker = await createWorker(this.languages.split('+'), 1 /* OEM.LSTM_ONLY */, {
        langPath,
        cacheMethod: 'none',
        logger: (m) => {
          if (m.status === 'recognizing text') slot.job?.options.onProgress?.(m.progress);
        },
        errorHandler: () => {
          // Reported through the rejected job promise; this only stops tesseract.js from throwing globally.
        },
      });
      await worker.setParameters({
        preserve_interword_spaces: '1',
        tessedit_pageseg_mode: this.pageSegMode as never,
      });
      this.events.emit({ type: 'workerStarted', slot: slot.index });
      return tesseractEngine(worker);
    })();
    return started;
  }

  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      void this.run(slot, job);
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    try {
      if (slot.worker && slot.pages >= this.recycleAfterPages) {
        const pages = slot.pages;
        await this.killWorker(slot, 'shutdown');
        this.events.emit({ type: 'workerRecycled', slot: slot.index, pages });
      }
      const worker = await (slot.worker ?? this.startWorker(slot));
      if (job.settled) return; // cancelled while the worker was starting
      const t0 = performance.now();
      const result = await worker.recognize(job.image, (p) => job.options.onProgress?.(p), job.options.colour ?? null);
      slot.pages += 1;
      job.options.onProgress?.(1);
      this.settle(job, { ...result, ms: Math.round(performance.now() - t0) });
    } catch (err) {
      if (!job.settled) {
        this.settle(job, new OcrFailedError(err));
        await this.killWorker(slot, 'error');
      }
    } finally {
      if (slot.job === job) slot.job = null;
      this.pump();
    }
  }
}
