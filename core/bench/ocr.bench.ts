// OCR benchmark: our pipeline (image prep + tesseract.js pool) vs native Tesseract with its default
// settings (`tesseract IMG - -l chi_sim+eng`, OMP_THREAD_LIMIT=1) on the same fixture pages in the
// same run. Prints seconds/page and CER for both and their ratios, main event-loop lag while our
// pipeline runs (page preparation on its worker thread, as sessions do it), and the lag of preparing
// the pages in-thread vs off-thread. Run: npx tsx core/bench/ocr.bench.ts [--pages N]
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { characterErrorRate } from '../src/services/materials/cer';
import { preparePage } from '../src/services/materials/image/pipeline';
import { OffThreadPreparer, type PagePreparer } from '../src/services/materials/image/prepare-off-thread';
import { OcrPool, defaultPoolSize } from '../src/services/materials/ocr-pool';

const run = promisify(execFile);
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/materials');
const limitArg = process.argv.indexOf('--pages');
const limit = limitArg > 0 ? Number(process.argv[limitArg + 1]) : Infinity;

const files = (await readdir(FIXTURES)).filter((f) => /\.(clean\.png|scan\.jpg|camera\.jpg)$/.test(f)).sort().slice(0, limit);
const truth = async (f: string): Promise<string> => readFile(path.join(FIXTURES, `${f.split('.')[0]}.gt.txt`), 'utf8');
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

interface Row {
  file: string;
  oursS: number;
  oursCer: number;
  nativeS: number;
  nativeCer: number;
}
const rows: Row[] = [];

interface Lag {
  mean: number;
  p99: number;
  max: number;
}
const lagOf = (h: ReturnType<typeof monitorEventLoopDelay>): Lag => ({ mean: h.mean / 1e6, p99: h.percentile(99) / 1e6, max: h.max / 1e6 });
const fmtLag = (l: Lag): string => `mean ${l.mean.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, max ${l.max.toFixed(1)} ms`;
const pageBytes = async (file: string): Promise<Uint8Array> => new Uint8Array(await readFile(path.join(FIXTURES, file)));

// Main-loop lag of page preparation alone: in-thread (preparePage) vs its worker thread, same pages.
const offThread = new OffThreadPreparer();
async function prepLag(prepare: PagePreparer): Promise<Lag> {
  await prepare(await pageBytes(files[0]!), { source: 'file' }); // warm-up (worker start, sharp init)
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  for (const file of files) await prepare(await pageBytes(file), { source: 'file' });
  h.disable();
  return lagOf(h);
}
const prepLagIn = await prepLag(preparePage);
const prepLagOff = await prepLag(offThread.prepare);

// Ours, one OCR worker (same single thread as native), pages one after another, timed end to end (prep + OCR).
const lag = monitorEventLoopDelay({ resolution: 10 });
const pool = new OcrPool({ engine: 'tesseract', size: 1 });
await pool.recognize((await offThread.prepare(await pageBytes(files[0]!), { source: 'file' })).master); // warm-up: worker start + data load
lag.enable();
for (const file of files) {
  const bytes = await pageBytes(file);
  const t0 = performance.now();
  const prepared = await offThread.prepare(bytes, { source: 'file' });
  const ocr = await pool.recognize(prepared.master);
  rows.push({ file, oursS: (performance.now() - t0) / 1000, oursCer: characterErrorRate(await truth(file), ocr.text), nativeS: 0, nativeCer: 0 });
}
lag.disable();
await pool.close();

// Throughput with the default pool (all cores) on the same pages.
const fullPool = new OcrPool({ engine: 'tesseract' });

const tPool = performance.now();
await Promise.all(files.map(async (file) => fullPool.recognize((await offThread.prepare(await pageBytes(file), { source: 'file' })).master)));
const poolSecondsPerPage = (performance.now() - tPool) / 1000 / files.length;
await fullPool.close();
await offThread.close();

let nativeOk = true;
for (const row of rows) {
  try {
    const t0 = performance.now();
    const { stdout } = await run('tesseract', [path.join(FIXTURES, row.file), '-', '-l', 'chi_sim+eng'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
    row.nativeS = (performance.now() - t0) / 1000;
    row.nativeCer = characterErrorRate(await truth(row.file), stdout);
  } catch {
    nativeOk = false;
    break;
  }
}

console.table(rows.map((r) => ({ file: r.file, 'ours s': r.oursS.toFixed(2), 'ours CER': r.oursCer.toFixed(3), 'native s': r.nativeS.toFixed(2), 'native CER': r.nativeCer.toFixed(3) })));
const ours = { s: mean(rows.map((r) => r.oursS)), cer: mean(rows.map((r) => r.oursCer)) };
console.log(`ours (1 worker, prep+OCR): ${ours.s.toFixed(2)} s/page, mean CER ${ours.cer.toFixed(3)}`);
console.log(`ours (pool of ${defaultPoolSize()}, cold start included): ${poolSecondsPerPage.toFixed(2)} s/page throughput`);
if (nativeOk) {
  const native = { s: mean(rows.map((r) => r.nativeS)), cer: mean(rows.map((r) => r.nativeCer)) };
  console.log(`native tesseract (OMP_THREAD_LIMIT=1): ${native.s.toFixed(2)} s/page, mean CER ${native.cer.toFixed(3)}`);
  console.log(`ratio time ours/native: ${(ours.s / native.s).toFixed(2)}  (pool: ${(poolSecondsPerPage / native.s).toFixed(2)})`);
  console.log(`ratio CER ours/native: ${(ours.cer / native.cer).toFixed(2)}`);
} else {
  console.log('native tesseract not available (apt tesseract-ocr tesseract-ocr-chi-sim): no ratio');
}
console.log(`main event-loop lag during prep+OCR: ${fmtLag(lagOf(lag))}`);
console.log(`main event-loop lag preparing pages in-thread: ${fmtLag(prepLagIn)}; off-thread: ${fmtLag(prepLagOff)}`);
console.log(`ratio max lag off-thread/in-thread: ${(prepLagOff.max / prepLagIn.max).toFixed(2)}`);
