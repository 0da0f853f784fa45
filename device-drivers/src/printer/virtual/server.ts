// The virtual ESC/POS printer: a loopback TCP "port 9100" that parses what it receives, answers status
// requests from its (runtime-changeable) state, and writes each job as .bin, .txt and .png. It is the
// default receipt printer of `npm start` and the counterpart of the printer tests.
//
// Receipts carry query passwords, so the job files are treated as personal data: each run writes into its own
// folder (`<outDir>/run-<seq>-<time>/`, 0700, files 0600; a new run never overwrites an earlier run's job 1),
// only the last `keepJobs` jobs of a run stay on disk, and only the last `keepRuns` runs are kept. Files of the
// old flat layout (`<outDir>/job-0001.*`) are deleted at start.
import { mkdir, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { PRINTER_STATES, paperSensorByte, realtimeStatusByte, type PrinterState } from '../status';
import { loadImageQrDecoder } from './decode-image-qr';
import { GlyphRasterizer, SYSTEM_CJK_FONTS, type FontSource } from './glyphs';
import { jobToText, type ParsedJob } from './job-model';
import { EscPosParser } from './parser';
import { renderJobPng } from './render-png';

export const virtualPrinterOptionsSchema = z.object({
  port: z.number().int().min(0).max(65535).default(0),
  host: z.string().default('127.0.0.1'),
  outDir: z.string().min(1),
  state: z.enum(PRINTER_STATES).default('ok'),
  /** Paper: 576 dots (80 mm) or 384 (58 mm). */
  dots: z.number().int().min(128).max(1024).default(576),
  charset: z.enum(['gb18030', 'gbk']).default('gb18030'),
  chineseModeAtReset: z.boolean().default(false),
  /** Font for the PNG (OTF/TTF, or TTC with postscriptName); system CJK fonts are tried after it. */
  font: z.object({ path: z.string(), postscriptName: z.string().optional() }).optional(),
  /** Run folders kept in outDir, this one included. */
  keepRuns: z.number().int().min(1).default(3),
  /** Jobs of this run kept, on disk and in `jobs` (older entries become one shared placeholder, PRUNED_JOB). */
  keepJobs: z.number().int().min(1).default(20),
});
export type VirtualPrinterOptions = z.input<typeof virtualPrinterOptionsSchema>;

export interface VirtualPrinterJob extends ParsedJob {
  id: number;
  lines: string[];
  files: { bin: string; txt: string; png: string };
  /** Printer state when the job arrived (a real printer would hold it while out of paper). */
  stateAtPrint: PrinterState;
}

export interface VirtualPrinter {
  readonly port: number;
  /** This run's folder under outDir. */
  readonly runDir: string;
  readonly jobs: readonly VirtualPrinterJob[];
  state(): PrinterState;
  setState(state: PrinterState): void;
  /** Resolves when at least `count` jobs have been written. */
  waitForJobs(count: number): Promise<VirtualPrinterJob[]>;
  close(): Promise<void>;
}

/**
 * What `jobs` holds in place of a job older than `keepJobs`: one shared object, so a printer that prints for
 * months costs one array slot per old job, while indexes (jobs.length, jobs[before]) keep meaning what they did.
 */
export const PRUNED_JOB: VirtualPrinterJob = Object.freeze({
  id: 0, lines: [], files: { bin: '', txt: '', png: '' }, stateAtPrint: 'ok', blocks: [], unknown: [], misprints: 0, statusRequests: 0,
}) as VirtualPrinterJob;

const RUN_DIR = /^run-(\d{6})-/;
const LEGACY_JOB_FILE = /^job-\d{4,}\.(bin|txt|png)$/;

/** Makes the next run folder (sequence numbers keep the order even within one millisecond) and prunes old runs. */
export async function openRunDir(outDir: string, keepRuns: number): Promise<string> {
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  const names = await readdir(outDir);
  for (const name of names.filter((n) => LEGACY_JOB_FILE.test(n))) await unlink(path.join(outDir, name)).catch(() => undefined);
  let seq = Math.max(0, ...names.map((n) => Number(RUN_DIR.exec(n)?.[1] ?? 0)));
  let runDir: string;
  for (;;) {
    seq++;
    runDir = path.join(outDir, `run-${String(seq).padStart(6, '0')}-${new Date().toISOString().replace(/[:.]/g, '')}`);
    try {
      await mkdir(runDir, { mode: 0o700 });
      break;
    } catch (err) {
      // Another printer sharing outDir took this number first.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const runs = (await readdir(outDir)).filter((n) => RUN_DIR.test(n)).sort();
  for (const old of runs.slice(0, Math.max(0, runs.length - keepRuns))) await rm(path.join(outDir, old), { recursive: true, force: true });
  return runDir;
}

export async function startVirtualPrinter(options: VirtualPrinterOptions): Promise<VirtualPrinter> {
  const opts = virtualPrinterOptionsSchema.parse(options);
  const runDir = await openRunDir(opts.outDir, opts.keepRuns);
  const fonts: FontSource[] = opts.font ? [opts.font, ...SYSTEM_CJK_FONTS] : SYSTEM_CJK_FONTS;
  const glyphs = new GlyphRasterizer(fonts);
  const decodeImage = await loadImageQrDecoder();
  const columns = Math.floor(opts.dots / 12);
  let state: PrinterState = opts.state;
  const jobs: VirtualPrinterJob[] = [];
  const waiters: { count: number; resolve: (j: VirtualPrinterJob[]) => void }[] = [];
  let nextId = 1;
  const sockets = new Set<net.Socket>();

  const saveJob = async (raw: Uint8Array, parsed: ParsedJob, stateAtPrint: PrinterState) => {
    const id = nextId++;
    const base = path.join(runDir, `job-${String(id).padStart(4, '0')}`);
    const lines = jobToText(parsed, columns, decodeImage);
    const files = { bin: `${base}.bin`, txt: `${base}.txt`, png: `${base}.png` };
    const mode = 0o600;
    await writeFile(files.bin, raw, { mode });
    await writeFile(files.txt, lines.join('\n') + '\n', { encoding: 'utf8', mode });
    await writeFile(files.png, renderJobPng(parsed, opts.dots, glyphs), { mode });
    jobs.push({ id, lines, files, stateAtPrint, ...parsed });
    const expiredAt = jobs.length - 1 - opts.keepJobs;
    const expired = jobs[expiredAt];
    if (expired && expired !== PRUNED_JOB) {
      jobs[expiredAt] = PRUNED_JOB;
      for (const f of Object.values(expired.files)) await unlink(f).catch(() => undefined);
    }
    for (const w of [...waiters]) {
      if (jobs.length >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve([...jobs]);
      }
    }
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    const stateAtPrint = state;
    const parser = new EscPosParser({
      dots: opts.dots,
      charset: opts.charset,
      chineseModeAtReset: opts.chineseModeAtReset,
      onStatusRequest: (req) => {
        if (req.kind === 'dle-eot' && req.n >= 1 && req.n <= 4) socket.write(Uint8Array.of(realtimeStatusByte(state, req.n as 1 | 2 | 3 | 4)));
        else if (req.kind === 'gs-r' && (req.n === 1 || req.n === 49)) socket.write(Uint8Array.of(paperSensorByte(state)));
        else if (req.kind === 'gs-i') socket.write(Uint8Array.of(req.n === 1 || req.n === 49 ? 0x20 : req.n === 2 || req.n === 50 ? 0x02 : 0x01));
      },
    });
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      parser.write(chunk);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      const parsed = parser.end();
      if (parsed.blocks.length === 0) return; // a status-only connection is not a job
      saveJob(Buffer.concat(chunks), parsed, stateAtPrint).catch((e: unknown) => {
        // The simulator must keep serving when the output folder is unwritable; say why on stderr.
        process.stderr.write(`virtual printer: could not write job files: ${(e as Error).message}\n`);
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('virtual printer has no TCP address');

  return {
    port: address.port,
    runDir,
    jobs,
    state: () => state,
    setState: (s) => {
      state = z.enum(PRINTER_STATES).parse(s);
    },
    waitForJobs: (count) =>
      jobs.length >= count ? Promise.resolve([...jobs]) : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
