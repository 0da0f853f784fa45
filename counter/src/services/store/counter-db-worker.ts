// Worker-thread entry of the counter's database (counter-db.ts starts it; the Electron build bundles it beside main
// as counter-db-worker.cjs). Everything it does is in counter-db-serve.ts.
import { parentPort } from 'node:worker_threads';
import { serveCounterDb } from './counter-db-serve';

if (!parentPort) throw new Error('counter-db-worker runs only as a worker thread');
serveCounterDb(parentPort);
