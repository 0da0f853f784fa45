#!/usr/bin/env node
// npm run electron-smoke -- ARGS…   (run through tsx: it loads the TypeScript launcher)
// Boots the real Electron main bundle under Node against the fake `electron` (kiosk/test/fake-electron), with ARGS
// exactly as a launch line would pass them, and prints one line on stdout:
//   electron main started: mode=<mode> windows=<n>     exit 0 (after a clean SIGTERM shutdown)
//   <the typed reason, e.g. "Refusing to start: config: …">     exit with main's code (64 arguments, 78 config, …)
// The data folder is EASYDO_DATA_DIR, or a fresh temp folder removed afterwards. The fake reads its FAKE_ELECTRON_*
// variables from the environment (packaged shape, displays, safeStorage backend: see fake-electron/electron.ts),
// e.g. FAKE_ELECTRON_PACKAGED=1 FAKE_ELECTRON_SAFE_STORAGE_BACKEND=basic_text npm run electron-smoke -- --mode kiosk
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFakeElectronMain, launchFakeElectron } from '../kiosk/test/fake-electron/launch.ts';

const START_TIMEOUT_MS = 180_000;
const args = process.argv.slice(2);
const ownDataDir = process.env.EASYDO_DATA_DIR ? null : mkdtempSync(path.join(os.tmpdir(), 'easydo-electron-smoke-'));
const built = await buildFakeElectronMain();
const run = launchFakeElectron(built, { args, dataDir: process.env.EASYDO_DATA_DIR || ownDataDir });

function reasonOf(stderr) {
  // main prints the reason last; log lines (JSON) may come before it.
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('{'));
  return lines.at(-1) ?? 'electron main ended without a reason';
}

let code = 0;
let line;
let timedOut = false;
const timer = setTimeout(() => {
  timedOut = true;
  run.child.kill('SIGKILL');
}, START_TIMEOUT_MS);
try {
  const started = await run.waitForLine(/terminal started: mode=(\w+) windows=(\d+)/);
  const state = await run.state();
  const windows = state.windows.length;
  if (windows !== Number(started[2])) throw new Error(`main said windows=${started[2]}, the fake holds ${windows}`);
  line = `electron main started: mode=${started[1]} windows=${windows}`;
  const exit = await run.stop();
  if (exit.code !== 0) {
    code = exit.code ?? 1;
    process.stderr.write(`electron main did not shut down cleanly: ${JSON.stringify(exit)}\n`);
  }
} catch (error) {
  const stillRunning = !run.exit;
  if (stillRunning) run.child.kill('SIGKILL');
  const exit = await run.exited;
  if (timedOut) line = `electron main did not start within ${START_TIMEOUT_MS / 1000} s`;
  else if (stillRunning) line = error instanceof Error ? error.message : String(error);
  else line = reasonOf(run.stderr);
  code = exit.code && exit.code !== 0 ? exit.code : 1;
} finally {
  clearTimeout(timer);
  built.remove();
  if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
}
console.log(line);
process.exit(code);
