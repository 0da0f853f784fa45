// Messages between the OCR pool and a PP-OCR worker thread. One job at a time per worker.
import type { OcrPageResult } from '../ocr-pool';
import type { PpOcrOptions } from './engine';

export interface PpOcrWorkerData {
  options: PpOcrOptions;
}

export type PpOcrRequest = { id: number; image: Uint8Array };

export type PpOcrReply =
  | { type: 'ready' }
  | { type: 'loadFailed'; message: string }
  | { type: 'progress'; id: number; progress: number }
  | { type: 'done'; id: number; result: OcrPageResult }
  | { type: 'failed'; id: number; message: string };
