// A keyboard-wedge 2D scanner on the REAL Electron main bundle (fake `electron`): its key presses reach main's
// before-input-event in the resident window, main keeps them from the page (prevented), and the code they spell
// answers the renderer's qr:scanReceipt — the path a terminal with a wedge scanner runs, end to end in main.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simulatorDefaults } from '@easydo/core/services/config/load';
import { buildFakeElectronMain, launchFakeElectron, type FakeElectronBuild, type FakeElectronRun } from '../fake-electron/launch';

let built: FakeElectronBuild;
let run: FakeElectronRun | undefined;

beforeAll(async () => {
  built = await buildFakeElectronMain();
}, 180_000);

afterAll(async () => {
  if (run && !run.exit) run.child.kill('SIGKILL');
  built?.remove();
});

describe('Electron main with a keyboard-wedge 2D scanner', () => {
  it('takes the scanner’s keys from the page and answers qr:scanReceipt with the code they spell', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easydo-electron-wedge-'));
    mkdirSync(dataDir, { recursive: true });
    const base = simulatorDefaults();
    writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ ...base, devices: { ...base.devices, qrScanner: { transport: 'keyboardWedge', terminator: 'Enter' } } }));
    run = launchFakeElectron(built, { args: ['--mode', 'kiosk'], dataDir });
    await run.waitForLine(/terminal started: mode=kiosk windows=1/);
    const [win] = (await run.state()).windows;
    await run.waitFor('the terminal page loaded', (r) => r.type === 'load' && r.webContentsId === win!.webContentsId);

    const code = 'easydo://track?code=ABCDEF1234';
    let answer: unknown;
    const scanned = run.invoke<{ ok: boolean; value?: { payload: string } }>(win!.webContentsId, 'qr:scanReceipt', {}).then((r) => (answer = r));
    // The scan starts listening once main has taken the call: a burst typed before that is a code nobody asked
    // for, so the scanner "scans" again until the answer comes (as a resident holds the slip under it).
    const prevented: boolean[] = [];
    for (let burst = 0; answer === undefined && burst < 50; burst++) {
      for (const key of [...code, 'Enter']) prevented.push((await run.request({ type: 'key', webContentsId: win!.webContentsId, key })) as boolean);
      await Promise.race([scanned, new Promise((r) => setTimeout(r, 100))]);
    }
    expect(await scanned).toEqual({ ok: true, value: { payload: code } });
    // Every key of the burst was the scanner's: none reached the page.
    expect(prevented.length).toBeGreaterThan(code.length);
    expect(prevented.every(Boolean)).toBe(true);
    expect(await run.stop()).toEqual({ code: 0, signal: null });
  }, 180_000);
});
