// A journal worker that dies where a test says: before a markFailed of local id 'crash-before', or right after
// an enqueue labelled 'crash-after' was written (committed, not yet answered). Otherwise the real worker.
import { parentPort } from 'node:worker_threads';
import { serveJournal } from '../../src/outbox/journal-serve';

if (!parentPort) throw new Error('runs only as a worker thread');
serveJournal(parentPort, {
  beforeCall(method, args) {
    if (method === 'markFailed' && args[0] === 'crash-before') process.exit(3);
  },
  afterCall(method, args) {
    if (method === 'enqueue' && (args[0] as { label?: string }).label === 'crash-after') process.exit(4);
  },
});
