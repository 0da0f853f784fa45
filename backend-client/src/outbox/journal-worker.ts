// Worker-thread entry of the journal (journal-thread.ts starts it; the Electron build bundles it beside main
// as journal-worker.cjs). Everything it does is in journal-serve.ts.
import { parentPort } from 'node:worker_threads';
import { serveJournal } from './journal-serve';

if (!parentPort) throw new Error('journal-worker runs only as a worker thread');
serveJournal(parentPort);
