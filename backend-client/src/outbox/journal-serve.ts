// The worker side of the journal: owns the one better-sqlite3 connection and answers requests one at a time,
// in arrival order (SQLite is synchronous here, which is the point: this thread may block, main may not).
// Every request is checked against journal-protocol.ts before it touches the file.
import type { MessagePort } from 'node:worker_threads';
import { JournalError } from './journal-error';
import { ARGS, toRemoteError, WorkerRequest, type WorkerReply } from './journal-protocol';
import { openJournalStore, type JournalStore } from './journal-store';

export interface ServeHooks {
  /** Called before and after each call runs (the crash tests end the thread from here). */
  beforeCall?(method: string, args: unknown[]): void;
  afterCall?(method: string, args: unknown[]): void;
}

/** Material bytes leave as a plain Uint8Array that owns its buffer, so they are transferred, not copied. */
function transferable(result: unknown): { result: unknown; transfer: ArrayBuffer[] } {
  if (!(result instanceof Uint8Array)) return { result, transfer: [] };
  const own = new Uint8Array(result);
  return { result: own, transfer: [own.buffer] };
}

export function serveJournal(port: MessagePort, hooks: ServeHooks = {}): void {
  let store: JournalStore | null = null;
  let at = Date.now();
  const reply = (r: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(r, transfer);

  port.on('message', (raw: unknown) => {
    const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'number' ? (raw as { id: number }).id : 0;
    try {
      const req = WorkerRequest.parse(raw);
      if (req.type === 'open') {
        store?.close();
        at = req.at;
        store = openJournalStore({ file: req.file, key: req.key, now: () => at });
        reply({ id: req.id, ok: true, result: undefined });
        return;
      }
      if (!store) throw new JournalError('closed', 'the journal is not open');
      const args = ARGS[req.method].parse(req.args) as unknown[];
      hooks.beforeCall?.(req.method, args);
      at = req.at;
      const fn = store[req.method] as (...a: unknown[]) => unknown;
      const { result, transfer } = transferable(fn(...args));
      hooks.afterCall?.(req.method, args);
      if (req.method === 'close') store = null;
      reply({ id: req.id, ok: true, result }, transfer);
    } catch (e) {
      // id 0: the message had no id at all; the client drops such an answer (it asked nothing of the kind).
      if (id > 0) reply({ id, ok: false, error: toRemoteError(e) });
    }
  });
}
