#!/usr/bin/env node
// `npm run soak [-- <part>…] [--short] [--size N]`: the soak and chaos suite, one part after another (they
// measure, so they must not share the CPU), each in its own Node process with a hard time bound. Each part
// prints one `soak <part>: PASS|FAIL figures…` line and writes test-artifacts/soak/<part>.json; this prints
// them together at the end, writes summary.json and exits 1 if any promise was broken.
// Not part of `npm test`; `.ci/run` runs `npm run soak -- --short`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const artifacts = path.join(root, 'test-artifacts', 'soak');
/** Part → [file, hard bound in minutes at full size, at --short]. */
const PARTS = {
  frames: ['frames.ts', 60, 10],
  replug: ['replug.ts', 30, 5],
  kill: ['kill.ts', 90, 10],
  outage: ['outage.ts', 30, 10],
  sessions: ['sessions.ts', 48 * 60, 20],
  luck: ['luck.ts', 8 * 60, 35],
};

const argv = process.argv.slice(2);
const short = argv.includes('--short');
const sizeAt = argv.indexOf('--size');
const passThrough = argv.filter((a, i) => a.startsWith('--') || (sizeAt >= 0 && i === sizeAt + 1));
const named = argv.filter((a, i) => !a.startsWith('--') && !(sizeAt >= 0 && i === sizeAt + 1));
const unknown = named.filter((n) => !(n in PARTS));
if (unknown.length > 0) {
  console.error(`soak: unknown part(s) ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}
const chosen = named.length > 0 ? named : Object.keys(PARTS);

mkdirSync(artifacts, { recursive: true });
const results = [];
for (const part of chosen) {
  const [file, fullMin, shortMin] = PARTS[part];
  const boundMs = (short ? shortMin : fullMin) * 60_000;
  const json = path.join(artifacts, `${part}.json`);
  rmSync(json, { force: true });
  console.log(`\n=== soak ${part}${short ? ' (short)' : ''}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join('scripts/soak', file), ...passThrough], {
    cwd: root, stdio: 'inherit', timeout: boundMs, killSignal: 'SIGKILL',
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const written = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : null;
  const timedOut = r.error?.code === 'ETIMEDOUT';
  const pass = r.status === 0 && written?.pass === true;
  results.push({ part, pass, seconds, ...(written ?? {}), ...(timedOut ? { broken: [`did not finish within ${boundMs / 60_000} min`] } : {}), exit: r.status });
}

console.log('\n=== soak summary');
for (const r of results) {
  const figures = r.figures ? Object.entries(r.figures).map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v}`).join(' ') : '(no figures)';
  console.log(`soak ${r.part}: ${r.pass ? 'PASS' : 'FAIL'} ${figures}`);
  for (const b of r.broken ?? []) console.log(`soak ${r.part}: broken: ${b}`);
}
writeFileSync(path.join(artifacts, 'summary.json'), JSON.stringify({ short, at: new Date().toISOString(), results }, null, 2) + '\n');
const failed = results.filter((r) => !r.pass).length;
console.log(`${results.length - failed} soak parts passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
