// Electron main: the thin glue. Everything it wires is a tested module (window options, permissions,
// navigation, key filter, close guard, recovery, display sleep, IPC registration); the terminal itself is the
// same composition root the browser shell uses.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, protocol, safeStorage, session, webContents } from 'electron';
import { composeApp } from '../app/compose-app';
import { parseStartArgs } from '../app/cli-args';
import { defaultDataDir } from '../app/data-dir';
import { loadStartupConfig, resolveProfile, terminalRole } from '../app/startup';
import { journalKeyProvider } from '../app/journal-key';
import { createWindowOptions } from './window-options';
import { attachPermissionHandlers } from './permissions';
import { attachNavigationGuards } from './navigation';
import { attachKeyFilter } from './key-filter';
import { CloseGuard } from './close-guard';
import { ensureSingleInstance } from './single-instance';
import { RecoveryPolicy } from './recovery-policy';
import { attachRecovery } from './recovery';
import { PreventDisplaySleepService } from './prevent-display-sleep';
import { forwardEvents, registerContract } from './ipc-register';
import { APP_ORIGIN, appProtocolResponse } from './app-protocol';
import { createSafeStorageKeyProvider } from './safe-storage-key-provider';
import { outOfServicePage } from './out-of-service-page';

const production = app.isPackaged;
const rendererDir = path.join(__dirname, '..', 'dist-renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
const TRUSTED = [APP_ORIGIN];

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

async function main(): Promise<void> {
  const args = parseStartArgs(process.argv.slice(app.isPackaged ? 1 : 2).filter((a) => a.startsWith('--')));
  let window: BrowserWindow | null = null;
  if (!ensureSingleInstance(app, () => window?.focus())) return;
  await app.whenReady();
  Menu.setApplicationMenu(null);

  const dataDir = args.dataDir ?? defaultDataDir();
  const configFile = args.config ?? path.join(dataDir, 'config.json');
  const profile = resolveProfile({ packaged: app.isPackaged, argProfile: args.profile, env: process.env });
  const { config } = loadStartupConfig({ profile, configFile, dataDir });
  const keyProvider = await journalKeyProvider({ config, profile, osKeystore: () => createSafeStorageKeyProvider(safeStorage, path.join(dataDir, 'journal.key.sealed'), { profile }) });
  const composed = await composeApp({ config, configFile, dataDir, version: app.getVersion(), profile, role: terminalRole(args.mode), ...(keyProvider ? { keyProvider } : {}) });
  const { terminal } = composed;

  const ses = session.fromPartition('easydo-terminal');
  ses.protocol.handle('app', (request) => appProtocolResponse(request.url, rendererDir));
  attachPermissionHandlers(ses, { captureActive: (id) => terminal.modes.captureActive(String(id)), trustedOrigins: TRUSTED });

  registerContract(ipcMain, composed.router, terminal.modes, TRUSTED);
  forwardEvents(terminal.hub, terminal.modes, (id) => webContents.fromId(Number(id)) ?? undefined);

  const guard = new CloseGuard();
  // admin:exit (authenticated admin only) is the one way out of the kiosk: lift the guard, then quit.
  terminal.admin.onExitRequested(() => {
    guard.allowQuit();
    app.quit();
  });
  const sleep = new PreventDisplaySleepService(powerSaveBlocker);
  sleep.setEnabled(true);

  const open = () => {
    const kioskWindow = args.mode === 'kiosk';
    const win = new BrowserWindow(createWindowOptions({ preloadPath, production, kiosk: kioskWindow }));
    const id = String(win.webContents.id);
    const entry = args.mode;
    terminal.modes.register(id, entry === 'admin' ? 'kiosk' : entry, entry);
    attachNavigationGuards(win.webContents, TRUSTED);
    attachKeyFilter(win.webContents);
    if (kioskWindow) guard.attach(win);
    attachRecovery(win, new RecoveryPolicy(), {
      reload: () => win.webContents.reload(),
      showOutOfService: () => void win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(outOfServicePage())}`),
      log: (message, data) => terminal.log.warn({ ...data }, message),
    });
    win.on('closed', () => terminal.modes.unregister(id));
    win.once('ready-to-show', () => win.show());
    void win.loadURL(`${APP_ORIGIN}/index.html`);
    return win;
  };
  window = open();

  app.on('window-all-closed', () => {
    if (guard.quitAllowed) app.quit();
    else window = open();
  });
  app.on('before-quit', () => {
    sleep.setEnabled(false);
    void composed.close();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  app.exit(1);
});
