// One engine configuration in its own process, for ocr-engines.bench.ts, driven page by page so the bench can
// time native Tesseract on the same page right beside it (a shared machine's load changes within a run).
// A pool of one worker; the first page read is a warm-up (worker start + model load), reported as such.
// stdin: one image path a line. stdout: one JSON line per page {s, cpuS, text}; on stdin's end a last line
// with the process's peak RSS (main thread + the OCR worker thread). --prep 1 runs our image pipeline in this
// process first (timed apart as prepS); the bench normally feeds pipeline output made by another process, so
// the peak RSS here is the OCR worker's (plus a bare Node main thread).
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { preparePage } from '../src/services/materials/image/pipeline';
import { OcrPool, type OcrEngineName } from '../src/services/materials/ocr-pool';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const num = (name: string): number | undefined => (opt(name) === undefined ? undefined : Number(opt(name)));
const engine = (opt('engine') ?? 'ppocr') as OcrEngineName;
const prep = opt('prep') === '1';
const pool = new OcrPool({
  engine,
  size: 1,
  ppocr: {
    detMaxSide: num('det'),
    recBatch: num('batch'),
    useAngleClassifier: opt('cls') !== '0',
    clsVoteLines: num('vote'),
    recWidthScale: num('squeeze'),
    recMinWidth: num('recmin'),
    threads: num('threads') ?? 1,
    graphOptimizationLevel: (opt('graph') ?? 'all') as 'all',
    memoryArena: opt('arena') === undefined ? undefined : opt('arena') !== '0',
  },
});
const cpuS = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

for await (const file of createInterface({ input: process.stdin })) {
  if (!file.trim()) continue;
  const bytes = new Uint8Array(await readFile(file));
  const p0 = performance.now();
  const image = prep ? (await preparePage(bytes, { source: 'file' })).master : bytes;
  const prepS = (performance.now() - p0) / 1000;
  const t0 = performance.now();
  const c0 = cpuS();
  const page = await pool.recognize(image);
  console.log(JSON.stringify({ s: (performance.now() - t0) / 1000, cpuS: cpuS() - c0, prepS, text: page.text }));
}
await pool.close();
console.log(JSON.stringify({ maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
