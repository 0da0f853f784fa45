// Soak part "luck": no test may depend on luck. Runs the tests that touch timing and real OS parts (the SANE
// scanner tests, the pty reader tests, the crash test) again and again in fresh Vitest runs, with CI=true so
// nothing may skip, and reports every failure by name. One failure in any loop breaks the promise.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { check, finish, partArgs, REPO, sized, SOAK_ARTIFACTS } from './report';

const args = partArgs();
const LOOPS = sized(args, 20, 2);
export const LUCK_FILES = [
  'device-drivers/test/scanner',
  'device-drivers/test/idcard/pty.test.ts',
  'device-drivers/test/idcard/cli.test.ts',
  'backend-client/test/crash.test.ts',
];
/** One run may not take longer than this (a hang is a failure too, not a wait). */
const RUN_BOUND_MS = 15 * 60_000;

interface VitestJson {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: Array<{ name: string; assertionResults: Array<{ fullName: string; status: string }> }>;
}

function vitestOnce(outputFile: string): Promise<{ code: number | null; timedOut: boolean; tail: string }> {
  return new Promise((resolve) => {
    const proc = spawn(path.join(REPO, 'node_modules/.bin/vitest'), ['run', ...LUCK_FILES, '--reporter=json', `--outputFile=${outputFile}`], {
      cwd: REPO, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'ignore', 'pipe'], detached: true,
    });
    let tail = '';
    proc.stderr.on('data', (d: Buffer) => (tail = (tail + d.toString()).slice(-2000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The whole process group: vitest's forks and their socat/scanimage children.
      try { process.kill(-proc.pid!, 'SIGKILL'); } catch { /* already gone */ }
    }, RUN_BOUND_MS);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, tail });
    });
  });
}

async function main() {
  mkdirSync(SOAK_ARTIFACTS, { recursive: true });
  const t0 = Date.now();
  const failures = new Map<string, number>();
  let tests = 0;
  let skipped = 0;
  let brokenRuns = 0;
  let firstBroken = '';
  for (let i = 0; i < LOOPS; i++) {
    const out = path.join(SOAK_ARTIFACTS, `luck-run.json`);
    rmSync(out, { force: true });
    const r = await vitestOnce(out);
    let report: VitestJson | null = null;
    try {
      report = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
    } catch {
      report = null;
    }
    if (!report || r.timedOut) {
      brokenRuns++;
      firstBroken ||= r.timedOut ? `run ${i + 1} hung past ${RUN_BOUND_MS / 60_000} min` : `run ${i + 1} wrote no report (exit ${r.code}): ${r.tail.slice(-400)}`;
      continue;
    }
    tests += report.numTotalTests;
    skipped += report.numPendingTests + report.numTodoTests;
    for (const file of report.testResults) {
      for (const a of file.assertionResults) {
        if (a.status === 'failed') {
          const name = `${path.relative(REPO, file.name)} › ${a.fullName}`;
          failures.set(name, (failures.get(name) ?? 0) + 1);
        }
      }
    }
    // A file that failed to load has no assertion results but fails the run.
    if (r.code !== 0 && report.numFailedTests === 0) {
      brokenRuns++;
      firstBroken ||= `run ${i + 1} exited ${r.code} with no failed test (a file failed to load?): ${r.tail.slice(-400)}`;
    }
  }
  const failed = [...failures.values()].reduce((a, b) => a + b, 0);
  const list = [...failures].map(([name, n]) => `${name} (${n}×)`);
  return {
    figures: { loops: LOOPS, files: LUCK_FILES.length, testsRun: tests, failures: failed, brokenRuns, skipped, elapsedS: (Date.now() - t0) / 1000 },
    checks: [
      check(failed === 0, `${failed} failure(s) in ${LOOPS} loops: ${list.join('; ')}`),
      check(brokenRuns === 0, `${brokenRuns} run(s) broken: ${firstBroken}`),
      check(skipped === 0, `${skipped} test(s) skipped`),
      check(tests > 0, 'no test ran'),
    ],
  };
}

const { figures, checks } = await main();
finish('luck', figures, checks);
