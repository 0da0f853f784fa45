// The REAL Electron main bundle (build-electron.mjs output) running under Node against the fake `electron`
// (kiosk/test/fake-electron), started with the exact launch lines of packaging/ — parsed out of the systemd unit and
// the Shell Launcher notes here, so the two can never drift from what is tested.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEV_ADMIN_PIN } from '@easydo/core/services/config/pin-policy';
import { buildFakeElectronMain, launchFakeElectron, REPO_ROOT, type FakeElectronBuild, type FakeElectronRun, type LaunchOptions } from '../fake-electron/launch';
import type { FakeReport, WindowState } from '../fake-electron/protocol';
import { EXIT_HANDOVER, MAX_HANDOVERS } from '../../src/main/recovery-ledger';

const read = (p: string) => readFileSync(path.join(REPO_ROOT, p), 'utf8');

/** ExecStart=/usr/bin/cage -s -- <binary> ARGS: systemd splits on blanks, then \xNN unescapes inside a word. */
function unitFileLaunch(): { binary: string; args: string[] } {
  const line = read('packaging/linux/easydo-kiosk.service').split('\n').find((l) => l.startsWith('ExecStart='));
  if (!line) throw new Error('no ExecStart in the unit file');
  const words = line.slice('ExecStart='.length).trim().split(/\s+/).map((w) => w.replace(/\\x([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))));
  const dashes = words.indexOf('--');
  expect(words.slice(0, dashes)).toEqual(['/usr/bin/cage', '-s']);
  return { binary: words[dashes + 1]!, args: words.slice(dashes + 2) };
}

/** Shell = '<path>.exe ARGS' in the SetCustomShell call. */
function shellLauncherLaunch(): { binary: string; args: string[] } {
  const shell = /Shell\s*=\s*'([^']+)'/.exec(read('packaging/windows/shell-launcher.md'))?.[1];
  if (!shell) throw new Error('no Shell = in shell-launcher.md');
  // The binary is quoted (its path has spaces); the arguments follow the closing quote.
  const quoted = /^"([^"]+\.exe)"\s*(.*)$/i.exec(shell);
  if (!quoted) throw new Error(`Shell = must quote the .exe path: ${shell}`);
  return { binary: quoted[1]!, args: quoted[2]!.split(/\s+/).filter(Boolean) };
}

const isSent = (webContentsId: number, channel: string) => (r: FakeReport): r is Extract<FakeReport, { type: 'sent' }> =>
  r.type === 'sent' && r.webContentsId === webContentsId && r.channel === channel;

async function started(run: FakeElectronRun): Promise<{ mode: string; windows: number; state: WindowState[] }> {
  const line = await run.waitForLine(/terminal started: mode=(\w+) windows=(\d+)/);
  const state = await run.state();
  return { mode: line[1]!, windows: Number(line[2]), state: state.windows };
}

async function loaded(run: FakeElectronRun, webContentsId: number, url: RegExp): Promise<Extract<FakeReport, { type: 'load' }>> {
  return run.waitFor(`load ${url} in ${webContentsId}`, (r): r is Extract<FakeReport, { type: 'load' }> => r.type === 'load' && r.webContentsId === webContentsId && url.test(r.url));
}

let built: FakeElectronBuild;
const runs: FakeElectronRun[] = [];
const launch = (options: LaunchOptions) => {
  const run = launchFakeElectron(built, options);
  runs.push(run);
  return run;
};

beforeAll(async () => {
  built = await buildFakeElectronMain();
}, 180_000);

afterAll(async () => {
  for (const run of runs) if (!run.exit) run.child.kill('SIGKILL');
  built?.remove();
});

describe('the packaging launch lines', () => {
  it('name the binary electron-builder makes and pass --mode kiosk space-separated', () => {
    const builder = read('electron-builder.yml');
    const linux = unitFileLaunch();
    expect(path.posix.basename(linux.binary)).toBe(/executableName:\s*(\S+)/.exec(builder)?.[1]);
    const windows = shellLauncherLaunch();
    expect(windows.binary.split('\\').pop()).toBe(`${/productName:\s*(.+)/.exec(builder)?.[1]?.trim()}.exe`);
    expect(linux.args).toEqual(['--mode', 'kiosk']);
    expect(windows.args).toEqual(['--mode', 'kiosk']);
  });

  it('stop systemd restarting a launch line or configuration that only a person can fix (64, 78), not a hand-over (70)', () => {
    const line = read('packaging/linux/easydo-kiosk.service').split('\n').find((l) => l.startsWith('RestartPreventExitStatus='));
    const codes = (line ?? '').slice('RestartPreventExitStatus='.length).trim().split(/\s+/);
    expect(codes).toEqual(expect.arrayContaining(['64', '78']));
    expect(codes).not.toContain('70');
  });
});

describe('electron main under the fake electron', () => {
  it('kiosk from the systemd ExecStart: terminal started, one locked-down window, IPC with the mode held in main', async () => {
    const run = launch({ args: unitFileLaunch().args });
    const boot = await started(run);
    expect(boot).toMatchObject({ mode: 'kiosk', windows: 1 });
    const [win] = boot.state;
    expect(win).toMatchObject({ kiosk: true, fullscreen: true, bounds: { x: 0, y: 0, width: 1920, height: 1080 } });
    expect(win!.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'easydo-terminal' });
    expect(path.basename(String(win!.webPreferences.preload))).toBe('preload.cjs');
    const state = await run.state();
    expect(state).toMatchObject({ applicationMenu: 'null', privilegedSchemes: ['app'], powerSaveBlockers: ['prevent-display-sleep'], singleInstanceLock: true });

    const page = await loaded(run, win!.webContentsId, /^app:\/\/terminal\/index\.html$/);
    expect(page.status).toBe(existsSync(path.join(REPO_ROOT, 'kiosk/dist-renderer/index.html')) ? 200 : 404);
    const info = await run.invoke<{ ok: boolean; value: { mode: string; entry: string } }>(win!.webContentsId, 'terminal:info', {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'kiosk', entry: 'kiosk' } });
    // A frame that is not ours gets nothing; an admin channel is refused to a kiosk window.
    expect(await run.invoke(win!.webContentsId, 'terminal:info', {}, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await run.invoke(win!.webContentsId, 'admin:exit', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // app:// through the session's real handler: CSP on every answer, malformed and escaping paths refused.
    const bad = await run.request<{ status: number; headers: Record<string, string> }>({ type: 'fetch', partition: 'easydo-terminal', url: 'app://terminal/%' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await run.request<{ status: number }>({ type: 'fetch', partition: 'easydo-terminal', url: 'app://terminal/..%2f..%2fpackage.json' })).status).toBe(403);
    // Deny by default: no camera outside a capture screen, no geolocation ever, foreign navigation and Ctrl+R stopped.
    expect(await run.request({ type: 'permission', webContentsId: win!.webContentsId, permission: 'media', requestingUrl: 'app://terminal/index.html', mediaTypes: ['video'] })).toBe(false);
    expect(await run.request({ type: 'permission', webContentsId: win!.webContentsId, permission: 'geolocation', requestingUrl: 'app://terminal/index.html' })).toBe(false);
    expect(await run.request({ type: 'navigate', webContentsId: win!.webContentsId, url: 'https://evil.example/' })).toBe(true);
    expect(await run.request({ type: 'key', webContentsId: win!.webContentsId, key: 'r', control: true })).toBe(true);
    // The camera is granted only while the page says it shows the capture screen (state held by the window host).
    await run.invoke(win!.webContentsId, 'ui:captureScreen', { active: true });
    expect(await run.request({ type: 'permission', webContentsId: win!.webContentsId, permission: 'media', requestingUrl: 'app://terminal/index.html', mediaTypes: ['video'] })).toBe(true);

    // Crash recovery: the renderer dies, the page comes back (after the back-off), and the camera claim is gone.
    const before = run.reportsOf('reload').length;
    await run.request({ type: 'crash', webContentsId: win!.webContentsId, reason: 'crashed' });
    await run.waitFor('reload after the crash', (r) => r.type === 'reload' && r.webContentsId === win!.webContentsId && run.reportsOf('reload').length > before);
    expect(await run.request({ type: 'permission', webContentsId: win!.webContentsId, permission: 'media', requestingUrl: 'app://terminal/index.html', mediaTypes: ['video'] })).toBe(false);
    // A kiosk window refuses to close.
    await run.request({ type: 'close', windowId: win!.id });
    expect((await run.state()).windows).toHaveLength(1);

    // The supervisor stops the service: the guard is lifted, the journal closed, exit 0.
    expect(await run.stop()).toEqual({ code: 0, signal: null });
    expect(run.reportsOf('quit')).toHaveLength(1);
  }, 180_000);

  it('the Shell Launcher line in the packaged shape parses too, and the production profile refuses a missing config by name', async () => {
    const run = launch({ args: shellLauncherLaunch().args, packaged: true });
    const exit = await run.exited;
    expect(exit.code).toBe(78);
    expect(run.stderr).toMatch(/Refusing to start: config: no config file/);
    expect(run.stderr).not.toMatch(/Bad arguments/);
    expect(run.stdout).not.toMatch(/terminal started/);
  }, 120_000);

  it('a bad launch line is a typed refusal with its own exit code, not a crash loop of the same error', async () => {
    const run = launch({ args: ['--mode', 'kisok'] });
    expect((await run.exited).code).toBe(64);
    expect(run.stderr).toMatch(/Bad arguments: --mode/);
  }, 120_000);

  it('admin: the PIN raises that window to admin (mode:changed to its webContents), logout returns it', async () => {
    const run = launch({ args: ['--mode', 'admin'] });
    const boot = await started(run);
    expect(boot).toMatchObject({ mode: 'admin', windows: 1 });
    const win = boot.state[0]!;
    expect(win.kiosk).toBe(false); // a staff window on a desktop
    await loaded(run, win.webContentsId, /^app:\/\/terminal\//);
    expect(await run.invoke(win.webContentsId, 'terminal:info', {})).toMatchObject({ ok: true, value: { mode: 'kiosk', entry: 'admin' } });
    expect(await run.invoke(win.webContentsId, 'admin:login', { pin: DEV_ADMIN_PIN })).toEqual({ ok: true, value: { mode: 'admin' } });
    // The preload listens on `event:<name>`: the renderer's useEvent('mode:changed') gets { mode }.
    const raised = await run.waitFor('mode:changed admin', isSent(win.webContentsId, 'event:mode:changed'));
    expect(raised.args).toEqual([{ mode: 'admin' }]);
    expect(await run.invoke(win.webContentsId, 'terminal:info', {})).toMatchObject({ ok: true, value: { mode: 'admin' } });
    expect(await run.invoke(win.webContentsId, 'admin:logout', {})).toEqual({ ok: true, value: { done: true } });
    await run.waitFor('mode:changed kiosk', (r) => isSent(win.webContentsId, 'event:mode:changed')(r) && JSON.stringify(r.args) === '[{"mode":"kiosk"}]');
    expect(await run.invoke(win.webContentsId, 'admin:exit', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Logged in again, admin:exit is the one way out: guard lifted, journal closed, exit 0.
    await run.invoke(win.webContentsId, 'admin:login', { pin: DEV_ADMIN_PIN });
    expect(await run.invoke(win.webContentsId, 'admin:exit', {})).toEqual({ ok: true, value: { done: true } });
    expect(await run.exited).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('counter: the resident-facing display opens full screen on the second display, in display mode', async () => {
    const run = launch({ args: ['--mode', 'counter'] });
    const boot = await started(run);
    expect(boot).toMatchObject({ mode: 'counter', windows: 2 });
    const [clerk, display] = boot.state;
    expect(clerk).toMatchObject({ kiosk: false });
    expect(display).toMatchObject({ kiosk: true, fullscreen: true, bounds: { x: 1920, y: 0, width: 1280, height: 800 } });
    await loaded(run, display!.webContentsId, /^app:\/\/terminal\/index\.html\?page=display$/);
    expect(await run.invoke(display!.webContentsId, 'terminal:info', {})).toMatchObject({ ok: true, value: { mode: 'display', entry: 'display' } });
    expect(await run.invoke(clerk!.webContentsId, 'terminal:info', {})).toMatchObject({ ok: true, value: { mode: 'counter' } });
    // The display may rate, the clerk's window may not; events go by each window's mode.
    expect(await run.invoke(clerk!.webContentsId, 'evaluation:decline', { requestId: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await run.stop()).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('crash limit: hands over to the supervisor (exit 70) with a persisted count, and a boot loop ends on a stable out-of-service screen', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easydo-boot-loop-'));
    const exits: Array<number | null> = [];
    // The supervisor's loop (systemd Restart=always): start, the renderer keeps dying, and again.
    for (let boot = 1; boot <= MAX_HANDOVERS + 1; boot++) {
      const run = launch({ args: unitFileLaunch().args, dataDir });
      const { state } = await started(run);
      const win = state[0]!;
      for (let crash = 0; crash < 5; crash++) await run.request({ type: 'crash', webContentsId: win.webContentsId, reason: 'crashed' });
      await loaded(run, win.webContentsId, /^data:text\/html/);
      if (boot <= MAX_HANDOVERS) {
        exits.push((await run.exited).code);
        expect(JSON.parse(readFileSync(path.join(dataDir, 'recovery.json'), 'utf8')).handovers).toBe(boot);
        continue;
      }
      // Past the limit: the process stays up and the window stays on the out-of-service page.
      const settled = await run.state();
      expect(run.exit).toBeNull();
      expect(settled.windows).toHaveLength(1);
      expect(settled.windows[0]!.url).toMatch(/^data:text\/html/);
      expect(decodeURIComponent(settled.windows[0]!.url)).toContain('本机暂停服务');
      // IPC from that page is refused: it is not ours. (That no pending back-off reload replaces it: reliability.test.ts.)
      expect(await run.invoke(win.webContentsId, 'terminal:info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await run.stop()).toEqual({ code: 0, signal: null });
    }
    expect(exits).toEqual(Array(MAX_HANDOVERS).fill(EXIT_HANDOVER));
  }, 600_000);
});
