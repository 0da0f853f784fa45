// The pool's handle on one PP-OCR worker thread: start (models load once), recognise a page, terminate.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OcrPageResult } from '../ocr-pool';
import type { PpOcrOptions } from './engine';
import type { PpOcrReply, PpOcrRequest, PpOcrWorkerData } from './protocol';
import { codedError } from '@easydo/device-drivers/device/coded-error';

export class PpOcrWorkerError extends codedError<'ppocrWorkerFailed'>('PpOcrWorkerError') {
  constructor(message: string) {
    super('ppocrWorkerFailed', message);
  }
}

/** The bundled ppocr-worker.cjs beside the Electron bundle when present, else this folder's worker.ts. */
export function defaultPpOcrWorkerEntry(): URL {
  const bundled = new URL('./ppocr-worker.cjs', import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('./worker.ts', import.meta.url);
}

/** A .ts entry is loaded through tsx's require API (Node 20 applies no --import loader to a worker entry). */
function spawn(entry: URL, data: PpOcrWorkerData): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: data });
  const api = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const code = `require(${JSON.stringify(api)}).require(${JSON.stringify(fileURLToPath(entry))}, ${JSON.stringify(entry.href)});`;
  return new Worker(code, { eval: true, workerData: data });
}

interface Pending {
  id: number;
  resolve: (r: OcrPageResult) => void;
  reject: (e: Error) => void;
  onProgress?: (p: number) => void;
}

export class PpOcrThread {
  private readonly worker: Worker;
  private pending: Pending | null = null;
  private nextId = 1;
  private dead: Error | null = null;

  private constructor(worker: Worker) {
    this.worker = worker;
    worker.on('message', (m: PpOcrReply) => {
      const p = this.pending;
      if (!p || !('id' in m) || m.id !== p.id) return;
      if (m.type === 'progress') p.onProgress?.(m.progress);
      else {
        this.pending = null;
        if (m.type === 'done') p.resolve(m.result);
        else p.reject(new PpOcrWorkerError(m.message));
      }
    });
    const fail = (err: Error): void => {
      this.dead ??= err;
      const p = this.pending;
      this.pending = null;
      p?.reject(err);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new PpOcrWorkerError(`PP-OCR worker exited (code ${code})`)));
  }

  /** Resolves once the models are loaded. */
  static start(options: PpOcrOptions = {}, entry: URL = defaultPpOcrWorkerEntry()): Promise<PpOcrThread> {
    const worker = spawn(entry, { options });
    return new Promise((resolve, reject) => {
      const onMessage = (m: PpOcrReply): void => {
        if (m.type === 'ready') {
          cleanup();
          resolve(new PpOcrThread(worker));
        } else if (m.type === 'loadFailed') {
          cleanup();
          void worker.terminate();
          reject(new PpOcrWorkerError(`PP-OCR models failed to load: ${m.message}`));
        }
      };
      const onError = (err: Error): void => {
        cleanup();
        reject(err);
      };
      const onExit = (code: number): void => {
        cleanup();
        reject(new PpOcrWorkerError(`PP-OCR worker exited while loading (code ${code})`));
      };
      const cleanup = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }

  recognize(image: Uint8Array, onProgress?: (p: number) => void, colour: Uint8Array | null = null): Promise<OcrPageResult> {
    if (this.dead) return Promise.reject(this.dead);
    if (this.pending) return Promise.reject(new PpOcrWorkerError('PP-OCR worker is busy'));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending = { id, resolve, reject, onProgress };
      // Copy into a buffer of our own so it can be transferred without detaching the caller's bytes.
      const own = new Uint8Array(image);
      const ownColour = colour ? new Uint8Array(colour) : null;
      const req: PpOcrRequest = { id, image: own, colour: ownColour };
      this.worker.postMessage(req, ownColour ? [own.buffer, ownColour.buffer] : [own.buffer]);
    });
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
