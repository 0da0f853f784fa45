// The counter database's worker for the crash test: serves as the real one does, but the first time a queue.write
// has been committed it exits before answering (once per marker file in COUNTER_DB_CRASH_MARKER), so main cannot
// know whether the write happened and must send it again.
import { existsSync, writeFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import { parentPort } from 'node:worker_threads';
import { serveCounterDb } from '../../src/services/store/counter-db-serve';

const marker = process.env.COUNTER_DB_CRASH_MARKER!;
const writes = new Set<number>();
const port = new EventEmitter() as EventEmitter & { postMessage(m: unknown): void };
port.postMessage = (reply: unknown) => {
  const id = (reply as { id: number }).id;
  if (writes.has(id) && !existsSync(marker)) {
    writeFileSync(marker, 'crashed once');
    process.exit(9);
  }
  parentPort!.postMessage(reply);
};
parentPort!.on('message', (m: { id: number; type: string; op?: string }) => {
  if (m.type === 'call' && m.op === 'queue.write') writes.add(m.id);
  port.emit('message', m);
});
serveCounterDb(port as unknown as MessagePort);
