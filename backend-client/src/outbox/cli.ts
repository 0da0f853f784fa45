// npm run outbox -- status|drain|purge --db FILE [--backend URL --terminal ID --secret S] [--key-file K] [--retention-hours H]
// npm run outbox -- submit-synthetic --db FILE --backend URL --count N
// The key file defaults to FILE.key (created 0600 on first use).
// `status` prints one JSON object: pending, delivered, failed, quarantined, needsClerk, evaluationsPending,
// depth, oldestPendingAt, byState. Rows that cannot be read are counted as quarantined, never crash it.
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBackendClient } from '../client';
import { DEV_TERMINAL } from '../dev-terminal';
import { openJournalOnThisThread } from './journal';
import { createKeyFileProvider } from './key-file-provider';
import { createOutbox } from './outbox';
import { syntheticApplication } from './synthetic';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string' },
    backend: { type: 'string' },
    terminal: { type: 'string', default: DEV_TERMINAL.id },
    secret: { type: 'string', default: process.env['EASYDO_TERMINAL_SECRET'] ?? DEV_TERMINAL.secret },
    'key-file': { type: 'string' },
    count: { type: 'string' },
    'retention-hours': { type: 'string', default: '168' },
    'timeout-ms': { type: 'string', default: '5000' },
  },
});

function fail(message: string): never {
  process.stderr.write(`outbox: ${message}\n`);
  process.exit(2);
}

const command = positionals[0] ?? fail('command required: status|drain|purge|submit-synthetic');
const dbFile = values.db ?? fail('--db FILE is required');
// A one-shot operator tool has no loop to keep free: SQLite runs on its own thread, no worker to start.
const journal = await openJournalOnThisThread({ file: dbFile, keyProvider: createKeyFileProvider(values['key-file'] ?? `${dbFile}.key`) });
const retentionMs = Number(values['retention-hours']) * 3600_000;
const print = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');

function outbox() {
  const baseUrl = values.backend ?? fail('--backend URL is required');
  const client = createBackendClient({ baseUrl, terminalId: values.terminal, secret: values.secret, timeoutMs: Number(values['timeout-ms']) });
  return createOutbox({ journal, client, retentionMs, backoff: { baseMs: 200, maxMs: 5000 } });
}

/** Drains until nothing is pending, waiting out outages with a capped back-off. */
async function drainAll(box: ReturnType<typeof outbox>) {
  let wait = 200;
  for (;;) {
    const r = await box.drainNow().catch((e: unknown) => fail(`delivery pass failed: ${e instanceof Error ? e.message : String(e)}`));
    const s = await box.status();
    if (s.depth === 0 || (r.retryLater === 0 && r.delivered === 0 && r.evaluationsDelivered === 0)) return s;
    if (r.retryLater > 0) {
      await sleep(wait);
      wait = Math.min(wait * 2, 5000);
    } else wait = 200;
  }
}

switch (command) {
  case 'status': {
    const c = await journal.counts();
    print({
      pending: c.pending, delivered: c.delivered, failed: c.failed, quarantined: c.quarantined, needsClerk: c.needsClerk,
      evaluationsPending: c.evaluationsPending, depth: c.depth, oldestPendingAt: c.oldestPendingAt && new Date(c.oldestPendingAt).toISOString(), byState: c.byState,
    });
    break;
  }
  case 'drain': {
    const s = await drainAll(outbox());
    print({ depth: s.depth, pending: s.pending, delivered: s.delivered, failed: s.failed, quarantined: s.quarantined, needsClerk: s.needsClerk, byState: s.byState, lastError: s.lastError });
    break;
  }
  case 'purge':
    print({ purged: await journal.purge(retentionMs) });
    break;
  case 'submit-synthetic': {
    const count = Number(values.count ?? fail('--count N is required'));
    if (!Number.isInteger(count) || count < 1) fail('--count must be a positive integer');
    const box = outbox();
    let created = 0;
    for (let seq = 1; seq <= count; seq++) {
      if (await journal.findByLabel(`synthetic:${seq}`)) continue; // written by an earlier (maybe killed) run
      const { app, materials } = syntheticApplication(seq);
      await journal.enqueue(app, materials);
      created++;
    }
    const s = await drainAll(box);
    print({ count, created, depth: s.depth, byState: s.byState, lastError: s.lastError });
    break;
  }
  default:
    fail(`unknown command ${command}`);
}
await journal.close();
