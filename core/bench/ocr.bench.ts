// OCR benchmark: our pipeline (image prep + tesseract.js pool) vs native Tesseract with its default
// settings (`tesseract IMG - -l chi_sim+eng`, OMP_THREAD_LIMIT=1) on the same fixture pages in the
// same run. Prints seconds/page and CER for both and their ratios, plus main event-loop lag while
// our OCR runs. Run: npx tsx core/bench/ocr.bench.ts [--pages N]
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { characterErrorRate } from '../src/services/materials/cer';
import { preparePage } from '../src/services/materials/image/pipeline';
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

// Ours, one worker (same single thread as native), pages one after another, timed end to end (prep + OCR).
const lag = monitorEventLoopDelay({ resolution: 10 });
const pool = new OcrPool({ size: 1 });
await pool.recognize((await preparePage(await readFile(path.join(FIXTURES, files[0]!)), { source: 'file' })).master); // warm-up: worker start + data load
lag.enable();
for (const file of files) {
  const bytes = new Uint8Array(await readFile(path.join(FIXTURES, file)));
  const t0 = performance.now();
  const prepared = await preparePage(bytes, { source: 'file' });
  const ocr = await pool.recognize(prepared.master);
  rows.push({ file, oursS: (performance.now() - t0) / 1000, oursCer: characterErrorRate(await truth(file), ocr.text), nativeS: 0, nativeCer: 0 });
}
lag.disable();
await pool.close();

// Throughput with the default pool (all cores) on the same pages.
const fullPool = new OcrPool();

const tPool = performance.now();
await Promise.all(
  files.map(async (file) => fullPool.recognize((await preparePage(new Uint8Array(await readFile(path.join(FIXTURES, file))), { source: 'file' })).master)),
);
const poolSecondsPerPage = (performance.now() - tPool) / 1000 / files.length;
await fullPool.close();

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
console.log(`main event-loop lag during OCR: mean ${(lag.mean / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`);
