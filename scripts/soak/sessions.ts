// Soak part "sessions": simulated residents through the whole terminal (composition root, simulated reader and
// printer, embedded sandbox), each session as the renderer drives it: card read, form, materials (the ID card
// as an electronic certificate), submit, receipt printed, session ended (wiped), card taken off. After a
// warm-up the heap (after GC), the open file descriptors, os.tmpdir() and the data folder are measured; at the
// end they must be where they were: heap growth < 2 MB, no descriptor, temp file or data file left behind
// (the journal and the sandbox's own database grow, by design; everything else must not).
// Run with node --expose-gc (the soak runner does).
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { check, finish, partArgs, sized, sleep, SOAK_ARTIFACTS } from './report';

const args = partArgs();
const SESSIONS = sized(args, 100_000, 500);
const WARMUP = Math.min(200, Math.max(20, Math.floor(SESSIONS / 10)));
/** 社会保险参保缴费证明: card and library prefill, the ID card as an electronic certificate. */
const ITEM = 'QR00204001';
const CARDS = ['res01', 'res03', 'res04'];

// Our own temp folder, so the count is this process's files and no one else's.
mkdirSync(SOAK_ARTIFACTS, { recursive: true });
const TMP = mkdtempSync(path.join(SOAK_ARTIFACTS, 'sessions-tmp-'));
process.env.TMPDIR = TMP;
const DATA = mkdtempSync(path.join(SOAK_ARTIFACTS, 'sessions-data-'));

/** Files under a folder, recursively, with their sizes. */
function files(dir: string, out = new Map<string, number>()): Map<string, number> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else out.set(path.relative(DATA, p), e.isFile() ? statSync(p).size : 0);
  }
  return out;
}
const fds = () => new Map(readdirSync('/proc/self/fd').map((fd) => [fd, (() => { try { return readlinkSync(`/proc/self/fd/${fd}`); } catch { return '?'; } })()]));
/**
 * Kept by design: the databases grow (one row per application; WAL/SHM come and go with checkpoints), logs
 * rotate, and the admin dashboard's one bounded history file is first written after a minute.
 */
const grows = (f: string) => /\.(sqlite|db)(-wal|-shm|-journal)?$/.test(f) || /^logs?\//.test(f) || /\.log$/.test(f) || f === path.join('admin', 'history.json');

async function heapAfterGc(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 4; i++) {
    gc();
    await sleep(50);
  }
  return process.memoryUsage().heapUsed;
}

async function main() {
  const { startSoakTerminal } = await import('./terminal');
  const t = await startSoakTerminal({ backend: { kind: 'embedded-sandbox', clockSpeed: 600 } }, DATA);
  let done = 0;
  let failures = 0;
  let firstFailure = '';
  let offlineReceipts = 0;
  const stepMs = new Map<string, number>();
  let mark = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    stepMs.set(name, (stepMs.get(name) ?? 0) + now - mark);
    mark = now;
  };
  const session = async (n: number) => {
    mark = performance.now();
    await t.placeCard(CARDS[n % CARDS.length]!);
    step('card');
    await t.call('form:prepare', { itemCode: ITEM });
    step('form');
    const begun = await t.call('materials:begin', { itemCode: ITEM });
    const idCard = begun.certificates.find((c) => c.type === '居民身份证');
    if (!idCard) throw new Error('no ID card certificate offered');
    await t.call('materials:useCertificate', { materialCode: 'ID_CARD', certificateId: idCard.id });
    step('materials');
    const submitted = await t.call('application:submit', { itemCode: ITEM, form: {} });
    step('submit');
    const receipt = await t.call('receipt:print', { localId: submitted.localId });
    if (receipt.kind !== 'accepted') offlineReceipts++;
    step('print');
    await t.call('session:end', { reason: 'finished' });
    await t.removeCard();
    step('wipe');
  };
  const run = async (count: number) => {
    for (let i = 0; i < count; i++, done++) {
      try {
        await session(done);
      } catch (e) {
        failures++;
        firstFailure ||= (e as Error).message;
        await t.call('session:end', { reason: 'cancelled' }).catch(() => undefined);
        await t.removeCard().catch(() => undefined);
        if (failures > 20) throw new Error(`too many failed sessions: ${firstFailure}`);
      }
    }
  };

  const tmpBefore = new Set(readdirSync(TMP));
  await run(WARMUP);
  await sleep(500); // let keep-alive sockets and the outbox settle before the baseline
  const heap0 = await heapAfterGc();
  const fd0 = fds();
  const data0 = files(DATA);
  const t0 = Date.now();
  // Files are counted again half-way: state files written once (say an admin history) have appeared by then;
  // anything that still adds files from there on grows with the number of residents.
  const half = Math.floor((SESSIONS - WARMUP) / 2);
  await run(half);
  const dataMid = files(DATA);
  await run(SESSIONS - WARMUP - half);
  const elapsed = (Date.now() - t0) / 1000;
  await sleep(500);
  const heap1 = await heapAfterGc();
  const fd1 = fds();
  const data1 = files(DATA);
  const tmpAfter = readdirSync(TMP).filter((f) => !tmpBefore.has(f));
  const newFds = [...fd1].filter(([fd, target]) => fd0.get(fd) !== target).map(([, target]) => target);
  // Files may be replaced (a printer keeping its last N jobs), but there may not be more of them.
  const kept0 = [...dataMid.keys()].filter((f) => !grows(f));
  const kept1 = [...data1.keys()].filter((f) => !grows(f));
  const newData = kept1.filter((f) => !dataMid.has(f) && !data0.has(f));
  const dataLeft = Math.max(0, kept1.length - kept0.length);
  const growth = (heap1 - heap0) / 1024 / 1024;
  const jobs = t.app.terminal.receiptPrinter.virtual?.jobs.length ?? 0;
  await t.close();
  rmSync(TMP, { recursive: true, force: true });
  rmSync(DATA, { recursive: true, force: true });
  return {
    figures: {
      sessions: done, measured: SESSIONS - WARMUP, warmup: WARMUP, failures, offlineReceipts, sessionsPerS: (SESSIONS - WARMUP) / elapsed,
      heapGrowthMB: growth, heapMB: heap1 / 1024 / 1024, fdsBefore: fd0.size, fdsAfter: fd1.size, newFds: newFds.length,
      msPerStep: [...stepMs].map(([k, v]) => `${k}:${Math.round(v / done)}`).join('|'),
      tempFilesLeft: tmpAfter.length, dataFilesAtStart: [...data0.keys()].filter((f) => !grows(f)).length, dataFilesHalfWay: kept0.length, dataFilesAfter: kept1.length, dataFilesLeft: dataLeft, printedJobsHeld: jobs, elapsedS: elapsed,
    },
    checks: [
      check(failures === 0, `${failures} session(s) failed, first: ${firstFailure}`),
      check(growth < 2, `heap grew ${growth.toFixed(2)} MB after GC over ${SESSIONS - WARMUP} sessions`),
      check(fd1.size <= fd0.size, `file descriptors ${fd0.size} → ${fd1.size}: ${newFds.slice(0, 8).join(', ')}`),
      check(tmpAfter.length === 0, `${tmpAfter.length} temp file(s) left: ${tmpAfter.slice(0, 8).join(', ')}`),
      check(dataLeft === 0, `${dataLeft} more file(s) in the data folder from half-way to the end (${kept0.length} → ${kept1.length}), new ones: ${newData.slice(0, 8).join(', ')}`),
    ],
  };
}

const { figures, checks } = await main();
finish('sessions', figures, checks);
