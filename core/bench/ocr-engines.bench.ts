// OCR engines side by side, in one run, on the fixture pages with ground truth: the tuned set (fixtures/materials,
// which the engine's defaults were chosen on) and the held-out set (fixtures/materials/held-out: two-column text,
// a ruled table under a red seal, an ID card copy; never used for tuning). Engines: ours on PP-OCR (the default
// and one lever per variant), ours on tesseract.js, and native Tesseract 5 (`tesseract IMG - -l chi_sim+eng`,
// OMP_THREAD_LIMIT=1, on the original file). Ours read our image pipeline's master (made here first, timed apart
// as "prep"), except "ppocr raw" which reads the original file as native does.
// Pages are interleaved: native, then each of ours, on the same page, so a shared machine's changing load hits
// all alike; CPU seconds (user+system of the process) are printed beside wall seconds because they depend far
// less on that load. Each of ours runs in its own process (ocr-engine-child.ts): its peak RSS is one OCR worker
// plus a bare main thread. Nothing here asserts; it prints CER per set and page kind, s/page, peak RSS and the
// ratios to native. Run: npx tsx core/bench/ocr-engines.bench.ts [--variants a,b] [--sets tuned,held-out]
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { characterErrorRate } from '../src/services/materials/cer';
import { preparePage } from '../src/services/materials/image/pipeline';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const SETS: Record<string, string> = { tuned: path.resolve(here, '../../fixtures/materials'), 'held-out': path.resolve(here, '../../fixtures/materials/held-out') };
const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);

/** Engine configurations: child arguments, and whether the child reads the original file instead of our master. */
const VARIANTS: Record<string, { args: string[]; original?: boolean }> = {
  ppocr: { args: ['--engine', 'ppocr'] },
  'ppocr raw': { args: ['--engine', 'ppocr'], original: true },
  'ppocr det960': { args: ['--engine', 'ppocr', '--det', '960'] },
  'ppocr cls-all': { args: ['--engine', 'ppocr', '--vote', '0'] },
  'ppocr arena': { args: ['--engine', 'ppocr', '--arena', '1'] },
  'ppocr squeeze0.75': { args: ['--engine', 'ppocr', '--squeeze', '0.75'] },
  'ppocr det1280': { args: ['--engine', 'ppocr', '--det', '1280'] },
  'ppocr recmin160': { args: ['--engine', 'ppocr', '--recmin', '160'] },
  'ppocr recmin96': { args: ['--engine', 'ppocr', '--recmin', '96'] },
  'ppocr recmin320': { args: ['--engine', 'ppocr', '--recmin', '320'] },
  'tesseract.js': { args: ['--engine', 'tesseract'] },
};
const chosen = arg('--variants')?.split(',') ?? ['ppocr', 'ppocr raw', 'tesseract.js'];
for (const name of chosen) if (!VARIANTS[name]) throw new Error(`unknown variant ${name}; known: ${Object.keys(VARIANTS).join(', ')}`);
const sets = arg('--sets')?.split(',') ?? Object.keys(SETS);

interface PageRef {
  set: string;
  file: string;
  kind: string;
  original: string;
  master: string;
  truth: string;
  prepS: number;
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'ocr-bench-'));
const pages: PageRef[] = [];
for (const set of sets) {
  const dir = SETS[set]!;
  for (const file of (await readdir(dir)).filter((f) => /\.(clean\.png|scan\.jpg|camera\.jpg)$/.test(f)).sort()) {
    const original = path.join(dir, file);
    const t0 = performance.now();
    const master = (await preparePage(new Uint8Array(await readFile(original)), { source: 'file' })).master;
    const prepS = (performance.now() - t0) / 1000;
    const masterPath = path.join(tmp, `${set}-${file}.png`);
    await writeFile(masterPath, master);
    pages.push({ set, file, kind: file.split('.')[1]!, original, master: masterPath, truth: await readFile(path.join(dir, `${file.split('.')[0]}.gt.txt`), 'utf8'), prepS });
  }
}

/** A child engine answering one page per stdin line. */
class Child {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly replies: string[] = [];
  private waiting: ((line: string) => void) | null = null;
  constructor(args: string[]) {
    this.proc = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'ocr-engine-child.ts'), ...args], { stdio: 'pipe' });
    this.proc.stderr.on('data', (d: Buffer) => process.stderr.write(d));
    createInterface({ input: this.proc.stdout }).on('line', (line) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(line);
      } else this.replies.push(line);
    });
  }
  private next(): Promise<string> {
    const ready = this.replies.shift();
    return ready !== undefined ? Promise.resolve(ready) : new Promise((resolve) => (this.waiting = resolve));
  }
  async read(file: string): Promise<{ s: number; cpuS: number; text: string }> {
    this.proc.stdin.write(`${file}\n`);
    return JSON.parse(await this.next()) as { s: number; cpuS: number; text: string };
  }
  async close(): Promise<number> {
    this.proc.stdin.end();
    return (JSON.parse(await this.next()) as { maxRssMB: number }).maxRssMB;
  }
}

interface Measured {
  page: PageRef;
  s: number;
  cpuS: number;
  cer: number;
}
const results = new Map<string, Measured[]>([['native tesseract', []], ...chosen.map((n) => [n, []] as [string, Measured[]])]);
const rss = new Map<string, number>();

async function native(page: PageRef): Promise<Measured | null> {
  try {
    const t0 = performance.now();
    const { stdout, stderr } = await run('/usr/bin/time', ['-f', '%U %S %M', 'tesseract', page.original, '-', '-l', 'chi_sim+eng'], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
    const s = (performance.now() - t0) / 1000;
    const [u, sys, kb] = stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
    rss.set('native tesseract', Math.max(rss.get('native tesseract') ?? 0, Math.round(kb / 1024)));
    return { page, s, cpuS: u + sys, cer: characterErrorRate(page.truth, stdout) };
  } catch {
    return null;
  }
}

const load0 = os.loadavg()[0]!;
const children = new Map(chosen.map((n) => [n, new Child(VARIANTS[n]!.args)]));
// Warm-up: worker start and model load, not counted.
await Promise.all([...children.values()].map((c) => c.read(pages[0]!.master)));
let nativeOk = true;
for (const page of pages) {
  const nat = nativeOk ? await native(page) : null;
  if (nat) results.get('native tesseract')!.push(nat);
  else nativeOk = false;
  for (const [name, child] of children) {
    const r = await child.read(VARIANTS[name]!.original ? page.original : page.master);
    results.get(name)!.push({ page, s: r.s, cpuS: r.cpuS, cer: characterErrorRate(page.truth, r.text) });
  }
}
for (const [name, child] of children) rss.set(name, await child.close());
await rm(tmp, { recursive: true, force: true });
if (!nativeOk) {
  console.log('native tesseract not available (apt tesseract-ocr tesseract-ocr-chi-sim): no ratios');
  results.delete('native tesseract');
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const of = (name: string, f: (m: Measured) => boolean = () => true): Measured[] => results.get(name)!.filter(f);
const groups = [...new Set(pages.map((p) => `${p.set} ${p.kind}`))];
const nat = results.get('native tesseract');
const ratio = (a: number, b: number): string => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '-');

console.table([...results.values()].flatMap((ms) => ms.map((m) => ({ engine: [...results.entries()].find(([, v]) => v === ms)![0], page: `${m.page.set}/${m.page.file}`, s: m.s.toFixed(2), cpuS: m.cpuS.toFixed(2), CER: m.cer.toFixed(4) }))));
console.table(
  [...results.keys()].map((name) => {
    const row: Record<string, string | number> = { engine: name };
    for (const g of groups) row[`CER ${g}`] = mean(of(name, (m) => `${m.page.set} ${m.page.kind}` === g).map((m) => m.cer)).toFixed(4);
    row['s/page'] = mean(of(name).map((m) => m.s)).toFixed(2);
    row['cpu s/page'] = mean(of(name).map((m) => m.cpuS)).toFixed(2);
    row['peak RSS MB'] = rss.get(name) ?? '-';
    return row;
  }),
);
if (nat) {
  const prep = mean(pages.map((p) => p.prepS));
  console.table(
    chosen.map((name) => {
      const scans = (set: string) => (m: Measured) => m.page.set === set && m.page.kind === 'scan';
      const usesPrep = !VARIANTS[name]!.original;
      return {
        engine: name,
        'CER held-out scan ×native': ratio(mean(of(name, scans('held-out')).map((m) => m.cer)), mean(nat.filter(scans('held-out')).map((m) => m.cer))),
        'CER tuned scan ×native': ratio(mean(of(name, scans('tuned')).map((m) => m.cer)), mean(nat.filter(scans('tuned')).map((m) => m.cer))),
        'CER all ×native': ratio(mean(of(name).map((m) => m.cer)), mean(nat.map((m) => m.cer))),
        'time ×native': ratio(mean(of(name).map((m) => m.s)), mean(nat.map((m) => m.s))),
        'cpu ×native': ratio(mean(of(name).map((m) => m.cpuS)), mean(nat.map((m) => m.cpuS))),
        'time+prep ×native': usesPrep ? ratio(mean(of(name).map((m) => m.s)) + prep, mean(nat.map((m) => m.s))) : '-',
      };
    }),
  );
  console.log(`our image pipeline (prep, main thread of the bench): ${prep.toFixed(2)} s/page`);
}
console.log(`${pages.length} pages (${sets.join(', ')}); load average ${load0.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`);
