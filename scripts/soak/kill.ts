// Soak part "kill": 1,000 SIGKILLs at random points of submit and delivery. A child process runs the real
// application desk (journal + outbox) against the loopback sandbox in this process, with lost answers and
// 5xx injected so retries are real; it is killed at a random moment (during start-up, when the outbox resumes
// what an earlier life left, or during a submission) and started again on the same data folder. At the end
// the queue is drained and the sandbox's rows are compared with the journal's, by idempotency key:
// every journaled application accepted exactly once, every accepted one journaled, every receipt true.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { startSandbox } from '@easydo/backend-client/sandbox/server';
import { openJournal } from '@easydo/backend-client/outbox/journal';
import { createKeyFileProvider } from '@easydo/backend-client/outbox/key-file-provider';
import { simulatorDefaults, writeConfigFile, parseConfig } from '@easydo/core/services/config/load';
import { check, finish, partArgs, REPO, sized, SOAK_ARTIFACTS } from './report';

const args = partArgs();
const KILLS = sized(args, 1000, 40);
const TERMINAL = { id: 'SZ-SOAK-0001', secret: 'soak-terminal-secret-0123456789' };

/** One bundle of the child (esbuild, once), so each restart costs a plain `node file.cjs`, not a TS loader. */
async function bundleChild(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'kill-child.cjs');
  const options: BuildOptions = {
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning',
    tsconfig: path.join(REPO, 'tsconfig.json'),
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    external: ['better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'sharp', 'tesseract.js', 'pdfkit', 'fontkit'],
  };
  await build({ ...options, entryPoints: [path.join(REPO, 'scripts/soak/kill-child.ts')], outfile });
  // The journal's worker thread, beside the child (journal-thread.ts looks for journal-worker.cjs there).
  await build({ ...options, entryPoints: [path.join(REPO, 'backend-client/src/outbox/journal-worker.ts')], outfile: path.join(outDir, 'journal-worker.cjs') });
  return outfile;
}

type Phase = 'start-up' | 'submitting' | 'between';
interface Life { killed: boolean; code: number | null; phase: Phase; stderr: string }

const receipts = new Map<string, string>(); // localId → acceptance number or 'pending', as last shown
let refused = 0;
const refusedWhy = new Map<string, number>();

/** How long start-up and one submission take here (medians of what was seen): kill delays scale with them. */
const seen = { startup: [] as number[], firstSubmit: [] as number[], submit: [] as number[] };
const median = (xs: number[], fallback: number) => (xs.length === 0 ? fallback : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);

interface KillAt { fromSpawnMs?: number; fromReadyMs?: number; afterReceipts?: number }

function live(child: string, argv: string[], killAt: KillAt | null): Promise<Life> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [child, ...argv], { stdio: ['ignore', 'pipe', 'pipe'], cwd: REPO });
    let phase: Phase = 'start-up';
    let killed = false;
    let stderr = '';
    let buffered = '';
    let timer: NodeJS.Timeout | undefined;
    const spawnedAt = performance.now();
    let submitAt = 0;
    let receiptsThisLife = 0;
    const kill = () => void (killed = proc.kill('SIGKILL'));
    if (killAt?.fromSpawnMs !== undefined) timer = setTimeout(kill, killAt.fromSpawnMs);
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const [word, a, b] = buffered.slice(0, nl).split(' ');
        buffered = buffered.slice(nl + 1);
        if (word === 'ready') {
          phase = 'between';
          if (seen.startup.length < 200) seen.startup.push(performance.now() - spawnedAt);
          if (killAt?.fromReadyMs !== undefined) timer = setTimeout(kill, killAt.fromReadyMs);
        } else if (word === 'submitting') {
          phase = 'submitting';
          submitAt = performance.now();
        } else if (word === 'receipt') {
          receipts.set(a!, b!);
          phase = 'between';
          // A life's first submission also loads the catalogue and looks the resident up: slower than the rest.
          const took = performance.now() - submitAt;
          const samples = receiptsThisLife === 0 ? seen.firstSubmit : seen.submit;
          if (samples.length < 200) samples.push(took);
          receiptsThisLife++;
          if (killAt?.afterReceipts !== undefined && receiptsThisLife >= killAt.afterReceipts) kill();
        } else if (word === 'refused') {
          refused++;
          refusedWhy.set(a ?? '?', (refusedWhy.get(a ?? '?') ?? 0) + 1);
          phase = 'between';
        }
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ killed: killed && code === null, code, phase, stderr });
    });
  });
}

async function main() {
  mkdirSync(SOAK_ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(path.join(SOAK_ARTIFACTS, 'kill-'));
  const dataDir = path.join(dir, 'terminal');
  mkdirSync(dataDir);
  const child = await bundleChild(dir);
  const sandbox = await startSandbox({
    dbFile: path.join(dir, 'sandbox.sqlite'),
    terminals: [TERMINAL],
    // Answers lost after the commit and 5xx: the cases the idempotency key exists for.
    faults: { latencyMs: 2, jitterMs: 6, resetAfter: 0.05, error5xx: 0.02 },
  });
  const started = Date.now();
  try {
    writeConfigFile(path.join(dataDir, 'config.json'), parseConfig({
      ...simulatorDefaults(), terminalId: TERMINAL.id, terminalSecret: TERMINAL.secret,
      backend: { kind: 'remote', url: sandbox.url, timeoutMs: 2000 },
    }));
    const fixture = (JSON.parse(readFileSync(path.join(REPO, 'fixtures/idcard/cardholders.json'), 'utf8')) as Array<Record<string, unknown>>)[0]!;
    const { id: _id, cardTypeMarker: _m, expiredBefore20260101: _e, edgeCases: _c, readFrameFile: _f, ...card } = fixture;
    const cardFile = path.join(dir, 'card.json');
    writeFileSync(cardFile, JSON.stringify(card));
    const argv = ['--data', dataDir, '--card', cardFile];

    const byPhase: Record<Phase, number> = { 'start-up': 0, submitting: 0, between: 0 };
    let kills = 0;
    let crashes = 0;
    let firstCrash = '';
    while (kills < KILLS) {
      // A quarter of the kills land during start-up (opening the journal, the outbox resuming what an earlier
      // life left unfinished); the rest at a random moment of the submission loop.
      // The first life runs until it has shown a few receipts (and cached the catalogue), so the delays below
      // are scaled to what start-up and a submission really take on this machine now.
      const startup = median(seen.startup, 500);
      const submit = median(seen.firstSubmit, 600) + 2 * median(seen.submit, 300);
      const killAt: KillAt = kills === 0 ? { afterReceipts: 3 }
        : Math.random() < 0.25 ? { fromSpawnMs: Math.random() * startup * 1.2 } : { fromReadyMs: Math.random() * submit };
      const life = await live(child, argv, killAt);
      if (life.killed) {
        kills++;
        byPhase[life.phase]++;
      } else {
        crashes++;
        firstCrash ||= `exit ${life.code}: ${life.stderr.slice(0, 400)}`;
        if (crashes > 5) break;
      }
    }
    const killPhaseDone = Date.now();
    sandbox.setFaults(undefined);
    const drain = await live(child, [...argv, '--drain'], null);
    const drainMs = Date.now() - killPhaseDone;

    // Count at the sandbox, compare with the journal.
    const rows = sandbox.db.prepare('SELECT idempotency_key AS k, acceptance_number AS n FROM applications WHERE terminal_id = ?').all(TERMINAL.id) as Array<{ k: string; n: string }>;
    const atSandbox = new Map<string, string[]>();
    for (const r of rows) atSandbox.set(r.k, [...(atSandbox.get(r.k) ?? []), r.n]);
    const journal = await openJournal({ file: path.join(dataDir, 'journal.sqlite'), keyProvider: createKeyFileProvider(path.join(dataDir, 'journal.key')) });
    const local = await journal.list();
    await journal.close();
    const localKeys = new Set(local.map((a) => a.idempotencyKey));
    const byLocalId = new Map(local.map((a) => [a.localId, a]));
    let lost = 0;
    let duplicated = 0;
    let wrongReceipt = 0;
    for (const a of local) {
      const numbers = atSandbox.get(a.idempotencyKey) ?? [];
      if (numbers.length === 0) lost++;
      if (numbers.length > 1) duplicated += numbers.length - 1;
      if (numbers.length === 1 && a.acceptanceNumber !== numbers[0]) wrongReceipt++;
    }
    // An accepted application no local one maps to would be a duplicate the terminal cannot see.
    const orphans = rows.filter((r) => !localKeys.has(r.k)).length;
    duplicated += orphans;
    // Every receipt shown: its application is in the journal; a number shown is the number the platform gave.
    for (const [localId, shown] of receipts) {
      const a = byLocalId.get(localId);
      if (!a) lost++;
      else if (shown !== 'pending' && shown !== a.acceptanceNumber) wrongReceipt++;
    }
    const notDelivered = local.filter((a) => a.state !== 'accepted').length;
    const elapsed = (Date.now() - started) / 1000;
    return {
      figures: {
      kills, killsAtStartUp: byPhase['start-up'], killsMidSubmit: byPhase.submitting, killsBetween: byPhase.between,
      submitted: local.length, receiptsShown: receipts.size, pendingShown: [...receipts.values()].filter((v) => v === 'pending').length,
      refused, refusedWhy: [...refusedWhy].map(([k, v]) => `${k}:${v}`).join('|') || 'none', accepted: rows.length, lost, duplicated, wrongReceipts: wrongReceipt, undelivered: notDelivered,
      startupMedianMs: median(seen.startup, 0), firstSubmitMedianMs: median(seen.firstSubmit, 0), submitMedianMs: median(seen.submit, 0), drainS: drainMs / 1000, elapsedS: elapsed, killsPerS: kills / ((killPhaseDone - started) / 1000),
      },
      checks: [
      check(crashes === 0, `the child died on its own ${crashes} time(s): ${firstCrash}`),
      check(kills === KILLS, `only ${kills} of ${KILLS} kills happened`),
      check(drain.code === 0, `the final drain exited ${drain.code}: ${drain.stderr.slice(0, 400)}`),
      check(local.length > 0 && receipts.size > 0, 'nothing was submitted: the soak proved nothing'),
      check(lost === 0, `${lost} application(s) lost`),
      check(duplicated === 0, `${duplicated} application(s) duplicated (${orphans} at the sandbox with no local application)`),
      check(wrongReceipt === 0, `${wrongReceipt} receipt(s) differ from what the platform accepted`),
      check(notDelivered === 0, `${notDelivered} journaled application(s) not accepted after the drain`),
      ],
    };
  } finally {
    await sandbox.close().catch(() => undefined);
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

const { figures, checks } = await main();
finish('kill', figures, checks);
