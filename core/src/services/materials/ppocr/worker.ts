// Worker-thread entry: one PP-OCR engine per thread, models loaded once at start, pages one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { PpOcrEngine } from './engine';
import type { PpOcrReply, PpOcrRequest, PpOcrWorkerData } from './protocol';

const port = parentPort;
if (!port) throw new Error('ppocr worker runs only as a worker thread');
const send = (m: PpOcrReply): void => port.postMessage(m);

// No top-level await: from source this file is loaded through tsx's CommonJS require.
PpOcrEngine.load((workerData as PpOcrWorkerData).options).then(
  (engine) => {
    port.on('message', (req: PpOcrRequest) => {
      engine.recognize(req.image, (progress) => send({ type: 'progress', id: req.id, progress }), req.colour).then(
        (result) => send({ type: 'done', id: req.id, result }),
        (err: unknown) => send({ type: 'failed', id: req.id, message: (err as Error).message ?? String(err) }),
      );
    });
    send({ type: 'ready' });
  },
  (err: unknown) => send({ type: 'loadFailed', message: (err as Error).message ?? String(err) }),
);
