// Messages between the OCR pool and a PP-OCR worker thread. One job at a time per worker.
import type { OcrPageResult } from '../ocr-pool';
import type { PpOcrOptions } from './engine';

export interface PpOcrWorkerData {
  options: PpOcrOptions;
}

/** `colour`: the same page in colour at any scale, for red-ink judgement when `image` is grey. */
export type PpOcrRequest = { id: number; image: Uint8Array; colour: Uint8Array | null };

export type PpOcrReply =
  | { type: 'ready' }
  | { type: 'loadFailed'; message: string }
  | { type: 'progress'; id: number; progress: number }
  | { type: 'done'; id: number; result: OcrPageResult }
  | { type: 'failed'; id: number; message: string };
