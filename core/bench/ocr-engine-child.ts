// One engine configuration in its own process, for ocr-engines.bench.ts: a pool of one worker, a warm-up
// page (worker start + model load, not timed), then every page timed from file bytes to text. Prints one
// JSON line per page and a last line with the process's peak RSS (main thread + the OCR worker thread).
import { readFile } from 'node:fs/promises';
import { preparePage } from '../src/services/materials/image/pipeline';
import { OcrPool, type OcrEngineName } from '../src/services/materials/ocr-pool';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const files = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const engine = (opt('engine') ?? 'ppocr') as OcrEngineName;
const prep = opt('prep') !== '0';
const pool = new OcrPool({
  engine,
  size: 1,
  ppocr: {
    detMaxSide: opt('det') ? Number(opt('det')) : undefined,
    recBatch: opt('batch') ? Number(opt('batch')) : undefined,
    useAngleClassifier: opt('cls') !== '0',
    threads: Number(opt('threads') ?? 1),
    graphOptimizationLevel: (opt('graph') ?? 'all') as 'all',
    memoryArena: opt('arena') !== '0',
  },
});
const toImage = async (file: string): Promise<Uint8Array> => {
  const bytes = new Uint8Array(await readFile(file));
  return prep ? (await preparePage(bytes, { source: 'file' })).master : bytes;
};
await pool.recognize(await toImage(files[0]!));
for (const file of files) {
  const t0 = performance.now();
  const page = await pool.recognize(await toImage(file));
  console.log(JSON.stringify({ file, s: (performance.now() - t0) / 1000, text: page.text }));
}
await pool.close();
console.log(JSON.stringify({ maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
