// The worker side of the counter's database: owns the one better-sqlite3 connection to counter.sqlite (WAL, fsync
// on every commit) and answers requests one at a time. SQLite is synchronous here, which is the point: this thread
// may wait on the disk, main (the IPC router, the devices, the screens' events) may not.
import type { MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { QueueStore } from '../queue/queue-store';
import { WorkloadStore } from '../workload/workload-store';
import { HelpLedger } from '../remote-help/help-ledger';
import { CounterDbRequest, OPS, type CounterDbOp, type CounterDbReply } from './counter-db-protocol';

interface Open {
  db: Database.Database;
  run: Record<CounterDbOp, (...args: never[]) => unknown>;
}

function open(file: string): Open {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const queue = new QueueStore(db);
  const workload = new WorkloadStore(db);
  const help = new HelpLedger(db);
  const done = (fn: () => void) => (fn(), null);
  const run: Open['run'] = {
    'queue.day': (day: string) => queue.day(day),
    'queue.write': (tickets: Parameters<QueueStore['write']>[0]) => done(() => queue.write(tickets)),
    'workload.record': (row: Parameters<WorkloadStore['record']>[0]) => done(() => workload.record(row)),
    'workload.rate': (...a: Parameters<WorkloadStore['rate']>) => done(() => workload.rate(...a)),
    'workload.staffOf': (localId: string) => workload.staffOf(localId),
    'workload.summary': (staffId: string, day: string) => workload.summary(staffId, day),
    'help.ended': (row: Parameters<HelpLedger['ended']>[0]) => done(() => help.ended(row)),
    'help.rated': (callId: string, level: number) => done(() => help.rated(callId, level)),
    'help.today': (staffId: string, now: number) => help.today(staffId, now),
  };
  return { db, run };
}

export function serveCounterDb(port: MessagePort): void {
  let current: Open | null = null;
  const reply = (r: CounterDbReply) => port.postMessage(r);
  port.on('message', (raw: unknown) => {
    const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'number' ? (raw as { id: number }).id : 0;
    try {
      const req = CounterDbRequest.parse(raw);
      if (req.type === 'open') {
        current?.db.close();
        current = open(req.file);
        reply({ id: req.id, ok: true, result: null });
      } else if (req.type === 'close') {
        current?.db.close();
        current = null;
        reply({ id: req.id, ok: true, result: null });
      } else {
        if (!current) throw new Error('the counter database is not open');
        const args = OPS[req.op].args.parse(req.args) as unknown as never[];
        reply({ id: req.id, ok: true, result: current.run[req.op](...args) });
      }
    } catch (e) {
      // id 0: the message had no id; main asked nothing of the kind and would drop the answer.
      const error = e instanceof Error ? { name: e.name, message: e.message.slice(0, 2000) } : { name: 'Error', message: String(e).slice(0, 2000) };
      if (id > 0) reply({ id, ok: false, error });
    }
  });
}
