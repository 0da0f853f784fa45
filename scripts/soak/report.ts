// What every soak part shares: its size (full or --short), a deadline, one figures line, a JSON file.
// A part states its promise as checks; it exits 1 when any check is broken, 0 otherwise.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SOAK_ARTIFACTS = path.join(REPO, 'test-artifacts', 'soak');

export interface PartArgs {
  short: boolean;
  /** `--size N` overrides the part's count (kills, frames, sessions, replugs, loops, outage seconds). */
  size: number | null;
}

export function partArgs(argv = process.argv.slice(2)): PartArgs {
  const sizeAt = argv.indexOf('--size');
  const size = sizeAt >= 0 ? Number(argv[sizeAt + 1]) : null;
  if (size !== null && (!Number.isFinite(size) || size <= 0)) throw new Error('--size needs a positive number');
  return { short: argv.includes('--short'), size };
}

/** The part's count: --size wins, then the short or the full size. */
export function sized(args: PartArgs, full: number, short: number): number {
  return args.size ?? (args.short ? short : full);
}

export type Figures = Record<string, number | string | boolean>;

export interface Check {
  ok: boolean;
  /** The broken promise, said plainly (shown only when ok is false). */
  says: string;
}

export const check = (ok: boolean, says: string): Check => ({ ok, says });

/** Prints `soak <part>: PASS k=v …` (or FAIL with the broken checks), writes <part>.json, exits. */
export function finish(part: string, figures: Figures, checks: Check[]): never {
  const broken = checks.filter((c) => !c.ok).map((c) => c.says);
  const line = Object.entries(figures).map(([k, v]) => `${k}=${typeof v === 'number' ? round(v) : v}`).join(' ');
  process.stdout.write(`soak ${part}: ${broken.length === 0 ? 'PASS' : 'FAIL'} ${line}\n`);
  for (const b of broken) process.stdout.write(`soak ${part}: broken: ${b}\n`);
  mkdirSync(SOAK_ARTIFACTS, { recursive: true });
  writeFileSync(path.join(SOAK_ARTIFACTS, `${part}.json`), JSON.stringify({ part, pass: broken.length === 0, figures, broken }, null, 2) + '\n');
  process.exit(broken.length === 0 ? 0 : 1);
}

function round(v: number): number {
  return Number.isInteger(v) ? v : Math.round(v * 1000) / 1000;
}

/** Percentile (nearest rank) of a list of numbers; 0 for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Rejects with `what` if `promise` has not settled within `ms` (the soak's watchdog; never a test assertion). */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`hang: ${what} did not finish within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
