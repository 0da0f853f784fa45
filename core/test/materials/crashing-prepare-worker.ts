// A stand-in prepare worker for the crash test: exits hard when the first input byte is 0, otherwise
// answers at once with a tiny page whose width is the input length (so the test can tell jobs apart).
import { parentPort } from 'node:worker_threads';
import type { PrepareReply, PrepareRequest } from '../../src/services/materials/image/prepare-protocol';

parentPort!.on('message', (req: PrepareRequest) => {
  if (req.bytes[0] === 0) process.exit(7);
  const bytes = (): Uint8Array => new Uint8Array([1, 2, 3]);
  const reply: PrepareReply = {
    id: req.id,
    ok: true,
    page: { master: bytes(), upload: bytes(), thumbnail: bytes(), colour: null, width: req.bytes.length, height: 1, pageQuad: null, dpi: 300, skewDeg: 0 },
  };
  parentPort!.postMessage(reply);
});
