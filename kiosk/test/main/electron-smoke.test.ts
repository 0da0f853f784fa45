// `npm run electron-smoke -- ARGS…` as an integrator runs it: one line on stdout, the exit code says the rest.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../fake-electron/launch';

function smoke(args: string[]) {
  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const env = { ...process.env };
  delete env.EASYDO_DATA_DIR; // the smoke run makes (and removes) a data folder of its own
  const r = spawnSync(tsx, [path.join(REPO_ROOT, 'scripts', 'electron-smoke.mjs'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', env });
  return { code: r.status, lines: r.stdout.split('\n').filter(Boolean) };
}

describe('npm run electron-smoke', () => {
  it('a counter with two displays: exactly one line, windows=2, exit 0', () => {
    expect(smoke(['--mode', 'counter'])).toEqual({ code: 0, lines: ['electron main started: mode=counter windows=2'] });
  }, 240_000);

  it('a refusal: the typed reason as the one line, and main’s exit code', () => {
    expect(smoke(['--mode', 'kiosk', 'stray'])).toEqual({ code: 64, lines: ['Bad arguments: unexpected "stray"'] });
  }, 240_000);
});
