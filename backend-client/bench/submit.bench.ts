// Submission benchmark against a loopback sandbox, measured in one run:
//   reference  — a bare signed HTTP round trip (heartbeat) through the same client;
//   submit     — journal write (WAL, synchronous=FULL fsync) → outbox delivery → acceptance number,
//                without and with one 4–8 KB material (resumable upload);
//   drain      — a backlog of N journaled applications drained in one pass (applications/s);
//   stall      — the main loop's delay (perf_hooks.monitorEventLoopDelay) during that drain, with the journal's
//                SQLite on the main thread (before) and on its worker thread (after), as ratios in the same run.
// Prints p50/p95 in ms and ratios against the reference. Run: npx tsx backend-client/bench/submit.bench.ts [--n 200] [--backlog 300]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox/server';
import { createBackendClient } from '../src/client';
import { DEV_TERMINAL } from '../src/dev-terminal';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openJournal, openJournalOnThisThread, type Journal } from '../src/outbox/journal';
import { createKeyFileProvider } from '../src/outbox/key-file-provider';
import { createOutbox } from '../src/outbox/outbox';
import { syntheticApplication } from '../src/outbox/synthetic';

const { values } = parseArgs({ options: { n: { type: 'string', default: '200' }, backlog: { type: 'string', default: '300' } } });
const N = Number(values.n);
const BACKLOG = Number(values.backlog);
const base = fileURLToPath(new URL('../../test-artifacts/backend-client/', import.meta.url));
mkdirSync(base, { recursive: true });
const dir = mkdtempSync(join(base, 'bench-'));

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const fmt = (x: number) => x.toFixed(2);

const sandbox = await startSandbox({ dbFile: join(dir, 'sandbox.db') });
const client = createBackendClient({ baseUrl: sandbox.url, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret });
const journal = await openJournal({ file: join(dir, 'journal.db'), keyProvider: createKeyFileProvider(join(dir, 'journal.key')) });
const outbox = createOutbox({ journal, client });
const heartbeat = { at: new Date().toISOString(), mode: 'kiosk' as const, appVersion: 'bench', inService: true, devices: [], alerts: [] };

async function series(label: string, run: (i: number) => Promise<void>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await run(-1 - i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await run(i);
    times.push(performance.now() - t0);
  }
  process.stderr.write(`${label}: done\n`);
  return times;
}

let seq = 100_000;
const ref = await series('reference', async () => void (await client.sendHeartbeat(heartbeat)));
const submitBare = await series('submit', async () => {
  const { app } = syntheticApplication(++seq);
  const local = await journal.enqueue(app, []);
  await outbox.deliverNow(local.localId, 60_000);
  if (!(await journal.get(local.localId)).acceptanceNumber) throw new Error('not accepted');
});
const submitWithMaterial = await series('submit+material', async () => {
  const { app, materials } = syntheticApplication(++seq);
  const local = await journal.enqueue(app, materials);
  await outbox.deliverNow(local.localId, 60_000);
  if (!(await journal.get(local.localId)).acceptanceNumber) throw new Error('not accepted');
});

for (let i = 0; i < BACKLOG; i++) {
  const { app, materials } = syntheticApplication(++seq);
  await journal.enqueue(app, materials);
}
const t0 = performance.now();
const drained = await outbox.drainNow();
const drainS = (performance.now() - t0) / 1000;
const refPerS = 1000 / (ref.reduce((a, b) => a + b, 0) / ref.length);

const rows = [
  ['bare signed round trip (reference)', ref],
  ['submit → acceptance number (journal fsync)', submitBare],
  ['submit with 1 material → acceptance number', submitWithMaterial],
] as const;
const refP50 = pct(ref, 50);
const refP95 = pct(ref, 95);
console.log(`\nbackend-client submit benchmark (n=${N}, loopback sandbox)`);
console.log('case'.padEnd(46) + 'p50 ms'.padStart(9) + 'p95 ms'.padStart(9) + '  p50×ref  p95×ref');
for (const [label, xs] of rows) {
  console.log(label.padEnd(46) + fmt(pct(xs, 50)).padStart(9) + fmt(pct(xs, 95)).padStart(9) + `  ${fmt(pct(xs, 50) / refP50).padStart(7)}  ${fmt(pct(xs, 95) / refP95).padStart(7)}`);
}
console.log(`backlog drain: ${drained.delivered}/${BACKLOG} applications (with material) in ${fmt(drainS)} s = ${fmt(drained.delivered / drainS)} apps/s; ` +
  `reference round trips ${fmt(refPerS)}/s → drain costs ${fmt(refPerS / (drained.delivered / drainS))} round trips per application`);
console.log(JSON.stringify({ bench: 'backend-client/submit', n: N, refP50, refP95, submitP50: pct(submitBare, 50), submitP95: pct(submitBare, 95),
  submitMaterialP50: pct(submitWithMaterial, 50), submitMaterialP95: pct(submitWithMaterial, 95), drainAppsPerS: drained.delivered / drainS, refPerS }));

/** A backlog drained with the loop's delay sampled every 1 ms throughout (what a screen's IPC call would wait). */
async function stallDuringDrain(j: Journal): Promise<{ p99: number; max: number; mean: number; s: number }> {
  for (let i = 0; i < BACKLOG; i++) {
    const { app, materials } = syntheticApplication(++seq);
    await j.enqueue(app, materials);
  }
  const box = createOutbox({ journal: j, client });
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const t = performance.now();
  const r = await box.drainNow();
  const s = (performance.now() - t) / 1000;
  h.disable();
  if (r.delivered !== BACKLOG) throw new Error(`drained ${r.delivered}/${BACKLOG}`);
  return { p99: h.percentile(99) / 1e6, max: h.max / 1e6, mean: h.mean / 1e6, s };
}
const before = await stallDuringDrain(await openJournalOnThisThread({ file: join(dir, 'stall-main.db'), keyProvider: createKeyFileProvider(join(dir, 'journal.key')) }));
const after = await stallDuringDrain(await openJournal({ file: join(dir, 'stall-worker.db'), keyProvider: createKeyFileProvider(join(dir, 'journal.key')) }));
console.log(`\nmain-loop stall during a ${BACKLOG}-application drain (event-loop delay, ms)`);
console.log('journal'.padEnd(28) + 'mean'.padStart(8) + 'p99'.padStart(8) + 'max'.padStart(8) + 'drain s'.padStart(9));
for (const [label, x] of [['on the main thread (before)', before], ['on its worker (after)', after]] as const) {
  console.log(label.padEnd(28) + fmt(x.mean).padStart(8) + fmt(x.p99).padStart(8) + fmt(x.max).padStart(8) + fmt(x.s).padStart(9));
}
console.log(`after/before: mean ${fmt(after.mean / before.mean)}×, p99 ${fmt(after.p99 / before.p99)}×, max ${fmt(after.max / before.max)}×, drain time ${fmt(after.s / before.s)}×`);
console.log(JSON.stringify({ bench: 'backend-client/drain-stall', backlog: BACKLOG, before, after }));

await journal.close();
await sandbox.close();
rmSync(dir, { recursive: true, force: true });
