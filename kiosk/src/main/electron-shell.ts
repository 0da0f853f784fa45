// Everything Electron main does once the terminal is composed: the app:// protocol and permissions on the session,
// the window host behind ipcMain, the windows of the mode (the counter's resident display on the second screen),
// their lockdown and crash recovery, the hand-over to the OS supervisor, and a quit that closes the journal first.
// Electron is injected (types only here), so the real entry (electron-main.ts) stays a few lines and this module
// runs unchanged against the fake `electron` of kiosk/test/fake-electron.
import type * as ElectronModule from 'electron';
import type { BrowserWindow } from 'electron';
import type { Mode } from '@easydo/core/contract/modes';
import type { App } from '../app/compose-app';
import { APP_ORIGIN, appProtocolResponse } from './app-protocol';
import { CloseGuard } from './close-guard';
import { residentDisplay } from './displays';
import { registerContract, webContentsSink } from './ipc-adapter';
import { attachKeyFilter } from './key-filter';
import { attachNavigationGuards } from './navigation';
import { outOfServicePage } from './out-of-service-page';
import { attachPermissionHandlers } from './permissions';
import { PreventDisplaySleepService } from './prevent-display-sleep';
import { attachRecovery } from './recovery';
import { EXIT_HANDOVER, RecoveryLedger } from './recovery-ledger';
import { RecoveryPolicy } from './recovery-policy';
import { WindowHost } from './window-host';
import { createWindowOptions } from './window-options';
import { electronWindowPort } from '@easydo/core/services/fleet/electron-window';
import { attachWedgeKeys } from './wedge-keys';

type Electron = typeof ElectronModule;
export type ElectronApi = Pick<Electron, 'app' | 'BrowserWindow' | 'ipcMain' | 'session' | 'screen' | 'powerSaveBlocker'>;

export const PARTITION = 'easydo-terminal';
const TRUSTED = [APP_ORIGIN];
const TERMINAL_URL = `${APP_ORIGIN}/index.html`;
/** The same page as the browser shell's /display: the renderer shows what main's mode for the window says. */
const DISPLAY_URL = `${APP_ORIGIN}/index.html?page=display`;
/** How long a quit or hand-over waits for the journal and devices to close before it exits anyway. */
const CLOSE_TIMEOUT_MS = 10_000;

/** Must run before 'ready': app:// is a standard, secure scheme with fetch. */
export function registerAppScheme(protocol: Electron['protocol']): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export interface ShellInput {
  electron: ElectronApi;
  composed: App;
  mode: Exclude<Mode, 'display'>;
  dataDir: string;
  production: boolean;
  rendererDir: string;
  preloadPath: string;
}

export interface ElectronShell {
  focus(): void;
  windowCount(): number;
}

type Role = 'terminal' | 'display';

export function startElectronShell(input: ShellInput): ElectronShell {
  const { app, BrowserWindow, ipcMain, session, screen, powerSaveBlocker } = input.electron;
  const { terminal, router } = input.composed;
  const log = terminal.log;

  const ses = session.fromPartition(PARTITION);
  ses.protocol.handle('app', (request) => appProtocolResponse(request.url, input.rendererDir));
  attachPermissionHandlers(ses, { captureActive: (id) => terminal.modes.captureActive(String(id)), callActive: (id) => terminal.modes.callActive(String(id)), trustedOrigins: TRUSTED });

  const host = new WindowHost({ router, hub: terminal.hub, modes: terminal.modes, admin: terminal.admin, warn: (m, d) => log.warn(d, m) });
  registerContract(ipcMain, host, TRUSTED);

  const guard = new CloseGuard();
  const sleep = new PreventDisplaySleepService(powerSaveBlocker);
  sleep.setEnabled(true);
  const ledger = new RecoveryLedger(input.dataDir);
  ledger.startHealthyClock();

  let closing: Promise<void> | null = null;
  let closed = false;
  const closeTerminal = (): Promise<void> => {
    closing ??= (async () => {
      ledger.stop();
      sleep.setEnabled(false);
      host.dispose();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)));
      await Promise.race([input.composed.close().catch((err: unknown) => log.error({ err }, 'terminal close failed')), timeout]);
      clearTimeout(timer);
      closed = true;
    })();
    return closing;
  };
  const quit = () => {
    guard.allowQuit();
    app.quit();
  };

  // admin:exit (authenticated admin only) and the supervisor's SIGTERM are the ways out: lift the guard, then quit.
  terminal.admin.onExitRequested(quit);
  process.on('SIGTERM', quit);
  process.on('SIGINT', quit);
  // All windows are closed and the app is about to end: close the journal and devices first, then quit for real.
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void closeTerminal().then(() => app.quit());
  });
  app.on('window-all-closed', () => {
    if (guard.quitAllowed) app.quit();
  });

  const windows = new Map<Role, BrowserWindow>();

  const load = (win: BrowserWindow, url: string) => {
    win.loadURL(url).catch((err: unknown) => log.warn({ err, url: url.slice(0, 80) }, 'page failed to load'));
  };

  const outOfService = (win: BrowserWindow) => {
    load(win, `data:text/html;charset=utf-8,${encodeURIComponent(outOfServicePage())}`);
    const decision = ledger.onCrashLimit();
    if (decision.action === 'stay') {
      log.error({ handovers: decision.handovers }, 'renderer keeps failing after restarts: staying out of service');
      return;
    }
    log.error({ handovers: decision.handovers }, 'renderer keeps failing: handing over to the supervisor');
    guard.allowQuit();
    void closeTerminal().then(() => app.exit(EXIT_HANDOVER));
  };

  const open = (role: Role): BrowserWindow | null => {
    const primary = screen.getPrimaryDisplay();
    const display = role === 'display' ? residentDisplay(screen.getAllDisplays(), primary) : primary;
    if (!display) {
      log.warn({}, 'no second display: the resident-facing display is not opened');
      return null;
    }
    // Resident-facing windows (the kiosk, the counter's display) are full screen and guarded; staff windows are not.
    const residentFacing = role === 'display' || input.mode === 'kiosk';
    const win = new BrowserWindow(
      createWindowOptions({
        preloadPath: input.preloadPath,
        production: input.production,
        kiosk: residentFacing,
        ...(residentFacing ? { bounds: display.bounds } : {}),
        ...(role === 'display' ? { title: 'Easy-Do 易办事 · 叫号与评价' } : {}),
      }),
    );
    const contents = win.webContents;
    const hosted = host.open(String(contents.id), role === 'display' ? 'display' : input.mode, webContentsSink(contents));
    attachNavigationGuards(contents, TRUSTED);
    attachKeyFilter(contents);
    if (residentFacing && terminal.qrScanner?.wedge) attachWedgeKeys(contents, terminal.qrScanner.wedge);
    if (residentFacing) guard.attach(win);
    // A new page (reload, recovery) or a dead renderer no longer shows the camera screen it may have claimed.
    contents.on('did-navigate', () => hosted.pageReset());
    contents.on('render-process-gone', () => hosted.pageReset());
    attachRecovery(win, new RecoveryPolicy(), {
      reload: () => contents.reload(),
      showOutOfService: () => outOfService(win),
      log: (message, data) => log.warn({ windowId: hosted.id, ...data }, message),
    });
    win.on('closed', () => {
      hosted.close();
      windows.delete(role);
      if (guard.quitAllowed) return;
      // A guarded window that closed anyway (Alt+F4 on some Windows builds) comes back; a staff window's close
      // ends the app.
      if (residentFacing) open(role);
      else quit();
    });
    win.once('ready-to-show', () => win.show());
    // The update health probe's renderer mark: the terminal page loaded (a failed load never emits this).
    if (role === 'terminal') contents.once('did-finish-load', () => terminal.updates?.mark('rendererLoaded'));
    load(win, role === 'display' ? DISPLAY_URL : TERMINAL_URL);
    windows.set(role, win);
    return win;
  };

  open('terminal');
  if (input.mode === 'counter') open('display');
  // The fleet's reloadRenderer / restartApp / screenshot act on the terminal window (core/src/services/fleet).
  terminal.fleet?.attachWindow(
    electronWindowPort({
      window: () => windows.get('terminal') ?? null,
      relaunch: () => {
        app.relaunch();
        quit();
      },
    }),
  );
  terminal.updates?.attachRestart(async () => {
    app.relaunch();
    quit();
  });

  return {
    focus: () => windows.get('terminal')?.focus(),
    windowCount: () => BrowserWindow.getAllWindows().length,
  };
}
