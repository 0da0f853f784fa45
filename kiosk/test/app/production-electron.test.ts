// The production profile through the real Electron main bundle (under Node, against the fake `electron` of
// kiosk/test/fake-electron), packaged shape: each refusal names its field and exits 78 before any window opens;
// a complete production config starts without the development composition.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFakeElectronMain, launchFakeElectron, REPO_ROOT, type FakeElectronBuild } from '../fake-electron/launch';
import { productionConfigInput } from '../../../core/test/config/fixtures';

let built: FakeElectronBuild;
beforeAll(async () => {
  built = await buildFakeElectronMain();
}, 240_000);
afterAll(() => built?.remove());

function dataDirWith(config: unknown): string {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easydo-prod-electron-'));
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(config), { mode: 0o600 });
  return dataDir;
}

/** A production config whose devices and platform are not there: the terminal starts and reports them offline. */
function startableConfig(dataDir: string) {
  const raw = productionConfigInput();
  return {
    ...raw,
    backend: { kind: 'remote', url: 'https://127.0.0.1:9/api', timeoutMs: 500 },
    devices: { ...raw.devices, idReader: { transport: 'serial', port: path.join(dataDir, 'no-such-tty') }, receiptPrinter: { address: 'tcp://127.0.0.1:9' }, scanner: { source: 'none' } },
  };
}

async function refusal(config: unknown, options: { safeStorageBackend?: string } = {}) {
  const run = launchFakeElectron(built, { args: ['--mode', 'kiosk'], packaged: true, dataDir: dataDirWith(config), ...options });
  const exit = await run.exited;
  return { code: exit.code, stderr: run.stderr, started: /terminal started/.test(run.stdout) };
}

describe('production profile in the Electron main', () => {
  it('refuses an unknown key, naming it', async () => {
    const { backend, ...rest } = productionConfigInput();
    const r = await refusal({ ...rest, backnd: backend });
    expect(r.code).toBe(78);
    expect(r.stderr).toMatch(/Refusing to start: backnd: unknown key/);
    expect(r.started).toBe(false);
  }, 120_000);

  it('refuses a simulated device, naming the field', async () => {
    const raw = productionConfigInput();
    const r = await refusal({ ...raw, devices: { ...raw.devices, idReader: { transport: 'simulator' } } });
    expect(r.code).toBe(78);
    expect(r.stderr).toMatch(/Refusing to start: devices\.idReader\.transport: the simulated card reader/);
  }, 120_000);

  it('refuses safeStorage on its basic_text backend, naming journalKey.source', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easydo-prod-electron-'));
    const r = await refusal(startableConfig(dataDir), { safeStorageBackend: 'basic_text' });
    expect(r.code).toBe(78);
    expect(r.stderr).toMatch(/Refusing to start: journalKey\.source: safeStorage uses the "basic_text" backend/);
    expect(r.started).toBe(false);
  }, 120_000);

  it('starts on a complete production config with a real keyring, without the development bundle (as packaged)', async () => {
    // Packages leave it out; so does this run, so loading it would fail the start.
    rmSync(path.join(path.dirname(built.mainPath), 'dev-composition.cjs'));
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easydo-prod-electron-'));
    writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(startableConfig(dataDir)), { mode: 0o600 });
    const run = launchFakeElectron(built, { args: ['--mode', 'kiosk'], packaged: true, dataDir, safeStorageBackend: 'gnome_libsecret' });
    await run.waitForLine(/terminal started: mode=kiosk windows=1/);
    expect(run.stderr).not.toMatch(/Refusing/);
    expect(await run.stop()).toEqual({ code: 0, signal: null });
  }, 120_000);
});

describe('npm run electron-smoke in the packaged shape', () => {
  it('prints the refusal naming the field as its one line', () => {
    const raw = productionConfigInput();
    const dataDir = dataDirWith({ ...raw, devices: { ...raw.devices, receiptPrinter: { address: 'virtual' } } });
    const r = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [path.join(REPO_ROOT, 'scripts', 'electron-smoke.mjs'), '--mode', 'kiosk'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, EASYDO_DATA_DIR: dataDir, FAKE_ELECTRON_PACKAGED: '1' },
    });
    expect(r.status).toBe(78);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^Refusing to start: devices\.receiptPrinter\.address: the virtual printer is for development/)]);
  }, 240_000);
});
