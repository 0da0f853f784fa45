#!/usr/bin/env node
// The README's test command: lint, type-check, unit/integration tests, then the end-to-end suite in Chromium.
// Ends with one plain line `N passed, N failed` counting every test (lint and type-check count as one each).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const reports = path.join(root, 'test-artifacts', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit` to run one stage

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status === 0;
}

function check(label, command, args) {
  if (only.length && !only.includes(label)) return;
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

function vitest(label, config) {
  if (only.length && !only.includes(label)) return;
  const out = path.join(reports, `${label}.json`);
  const ok = run(label, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  let report;
  try {
    report = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    failed += 1;
    failures.push(`${label} (no report: the runner itself failed)`);
    return;
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  if (report.numFailedTests > 0 || !ok) failures.push(label);
  if (!ok && report.numFailedTests === 0) failed += 1; // e.g. an error outside any test
}

check('lint', 'npx', ['eslint', '.']);
check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
vitest('unit', 'vitest.config.ts');
if (!only.length || only.includes('e2e')) {
  if (!run('build renderer', 'npx', ['vite', 'build', '--config', 'kiosk/vite.config.ts', '--logLevel', 'warn'])) {
    failed += 1;
    failures.push('renderer build');
  } else vitest('e2e', 'vitest.e2e.config.ts');
}

console.log(`\nSkipped (each one says why in its name): ${skipped}`);
if (failures.length) console.log(`Failed stages: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
