// OCR engines side by side on the fixture pages with ground truth, in one run: ours on PP-OCR (one or
// more configurations: the speed levers), ours on tesseract.js, and native Tesseract 5 with its defaults
// (`tesseract IMG - -l chi_sim+eng`, OMP_THREAD_LIMIT=1). Each of ours runs in its own process
// (ocr-engine-child.ts) so its peak RSS is its own; native's peak RSS is /usr/bin/time's, per page.
// Prints CER per page kind (clean / scan / camera), seconds per page, peak RSS and ratios to native.
// Run: npx tsx core/bench/ocr-engines.bench.ts [--pages N] [--variants a,b,...]  (load average printed:
// on a shared 2-core machine times are only comparable within one run).
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { characterErrorRate } from '../src/services/materials/cer';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '../../fixtures/materials');
const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const limit = Number(arg('--pages') ?? Infinity);

/** Engine configurations; the first ppocr one is the engine's default, the others one lever each. */
const VARIANTS: Record<string, string[]> = {
  'ppocr': ['--engine', 'ppocr'],
  'ppocr raw': ['--engine', 'ppocr', '--prep', '0'],
  'ppocr det1280': ['--engine', 'ppocr', '--det', '1280'],
  'ppocr det1600': ['--engine', 'ppocr', '--det', '1600'],
  'ppocr batch8': ['--engine', 'ppocr', '--batch', '8'],
  'ppocr nocls': ['--engine', 'ppocr', '--cls', '0'],
  'ppocr graph-basic': ['--engine', 'ppocr', '--graph', 'basic'],
  'ppocr no-arena': ['--engine', 'ppocr', '--arena', '0'],
  'tesseract.js': ['--engine', 'tesseract'],
};
const chosen = arg('--variants')?.split(',') ?? ['ppocr', 'tesseract.js'];

const files = (await readdir(FIXTURES)).filter((f) => /\.(clean\.png|scan\.jpg|camera\.jpg)$/.test(f)).sort().slice(0, limit);
const kindOf = (f: string): string => f.split('.')[1]!;
const truth = new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(FIXTURES, `${f.split('.')[0]}.gt.txt`), 'utf8')] as const)));
const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

interface Result {
  name: string;
  pages: { file: string; s: number; cer: number }[];
  maxRssMB: number;
}

async function ours(name: string): Promise<Result> {
  const child = path.join(here, 'ocr-engine-child.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, ...VARIANTS[name]!, ...files.map((f) => path.join(FIXTURES, f))], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { file?: string; s?: number; text?: string; maxRssMB?: number });
  const pages = lines.filter((l) => l.file).map((l) => ({ file: path.basename(l.file!), s: l.s!, cer: characterErrorRate(truth.get(path.basename(l.file!))!, l.text!) }));
  return { name, pages, maxRssMB: lines.at(-1)!.maxRssMB! };
}

async function native(): Promise<Result | null> {
  const pages: Result['pages'] = [];
  let maxRssMB = 0;
  for (const file of files) {
    try {
      const t0 = performance.now();
      const { stdout, stderr } = await run('/usr/bin/time', ['-f', '%M', 'tesseract', path.join(FIXTURES, file), '-', '-l', 'chi_sim+eng'], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        maxBuffer: 16 * 1024 * 1024,
      });
      const s = (performance.now() - t0) / 1000;
      maxRssMB = Math.max(maxRssMB, Math.round(Number(stderr.trim().split('\n').at(-1)) / 1024));
      pages.push({ file, s, cer: characterErrorRate(truth.get(file)!, stdout) });
    } catch {
      return null;
    }
  }
  return { name: 'native tesseract', pages, maxRssMB };
}

const results: Result[] = [];
const load0 = os.loadavg()[0]!;
for (const name of chosen) {
  if (!VARIANTS[name]) throw new Error(`unknown variant ${name}; known: ${Object.keys(VARIANTS).join(', ')}`);
  results.push(await ours(name));
}
const nat = await native();
if (nat) results.push(nat);
else console.log('native tesseract not available (apt tesseract-ocr tesseract-ocr-chi-sim): no ratios');

const kinds = [...new Set(files.map(kindOf))];
const summary = results.map((r) => {
  const row: Record<string, string | number> = { engine: r.name };
  for (const k of kinds) row[`CER ${k}`] = mean(r.pages.filter((p) => kindOf(p.file) === k).map((p) => p.cer)).toFixed(4);
  row['CER all'] = mean(r.pages.map((p) => p.cer)).toFixed(4);
  row['s/page'] = mean(r.pages.map((p) => p.s)).toFixed(2);
  row['peak RSS MB'] = r.maxRssMB;
  if (nat && r !== nat) {
    row['CER scan ×native'] = (mean(r.pages.filter((p) => kindOf(p.file) === 'scan').map((p) => p.cer)) / mean(nat.pages.filter((p) => kindOf(p.file) === 'scan').map((p) => p.cer))).toFixed(2);
    row['CER ×native'] = (mean(r.pages.map((p) => p.cer)) / mean(nat.pages.map((p) => p.cer))).toFixed(2);
    row['time ×native'] = (mean(r.pages.map((p) => p.s)) / mean(nat.pages.map((p) => p.s))).toFixed(2);
  }
  return row;
});
console.table(results.flatMap((r) => r.pages.map((p) => ({ engine: r.name, file: p.file, s: p.s.toFixed(2), CER: p.cer.toFixed(4) }))));
console.table(summary);
console.log(`${files.length} pages; load average ${load0.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`);
