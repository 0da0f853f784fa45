#!/usr/bin/env node
// `npm start [-- --mode kiosk|counter|admin] [--port N] [--data-dir DIR] [--config FILE] [--no-open]`
// Builds the renderer, then runs the terminal in Electron when its binary is installed, otherwise in the
// browser shell (printing the URL and opening Chromium when there is a display).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const require = createRequire(path.join(root, 'kiosk', 'package.json'));
    const dir = path.dirname(require.resolve('electron/package.json'));
    const rel = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(dir, 'dist', rel);
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const build = spawnSync('npx', ['vite', 'build', '--config', 'kiosk/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = process.env.EASYDO_FORCE_BROWSER ? null : electronBinary();
let child;
if (electron) {
  const bundle = spawnSync(process.execPath, ['kiosk/scripts/build-electron.mjs'], { cwd: root, stdio: 'inherit' });
  if (bundle.status !== 0) process.exit(bundle.status ?? 1);
  child = spawn(electron, [path.join(root, 'kiosk'), ...args], { cwd: root, stdio: 'inherit' });
} else {
  console.log('Electron binary not installed: starting the browser shell.');
  child = spawn(process.execPath, ['--import', 'tsx', 'kiosk/src/app/browser-main.ts', ...args], { cwd: root, stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
