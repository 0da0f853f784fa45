// A faithful fake of the `electron` module for running the REAL Electron main bundle (kiosk/out/main.cjs as
// build-electron.mjs makes it) under plain Node in CI, where no Electron binary can be had. register.ts maps
// `require('electron')` to this bundle; launch.ts starts the child and talks to it (protocol.ts).
//
// What is emulated, and how it behaves like Electron 45:
// - app: 'ready' after the main script's first turn (whenReady, isReady); before-quit → windows' close (each may
//   prevent it, which cancels the quit) → will-quit → quit → exit 0; exit(code) skips all that; window-all-closed
//   when the last window goes (quit when nobody listens); requestSingleInstanceLock through a SingletonLock symlink
//   in userData; getPath, getAppPath, getVersion/getName from the app's package.json; SIGTERM/SIGINT quit
//   gracefully as Electron's signal handler does. process.argv in Electron's shape: packaged, [exe, ...args];
//   unpackaged, [exe, appPath, ...args] with process.defaultApp = true.
// - BrowserWindow/webContents: loadURL through the window session's protocol handler (app:// serves the real
//   renderer folder), did-navigate / did-finish-load / ready-to-show, send (structured clone), reload, and the
//   crash events render-process-gone and unresponsive raised by the test; full-screen/kiosk windows cover the display
//   they are placed on.
// - ipcMain.handle; the test invokes as a given webContents from a given frame URL (senderFrame.url).
// - session.fromPartition: protocol.handle, permission request/check/device handlers (no handler = granted, as in
//   Electron); protocol.registerSchemesAsPrivileged throws after 'ready'.
// - screen: two displays (1920×1080 primary, 1280×800 to its right) unless FAKE_ELECTRON_DISPLAYS says otherwise;
//   throws before 'ready'. powerSaveBlocker, Menu.
// - safeStorage: throws/false before 'ready' (Linux); AES-GCM sealing per backend.
//
// Environment (set by launch.ts from its options, or by hand for `npm run electron-smoke`):
//   FAKE_ELECTRON_PACKAGED=1                  app.isPackaged, packaged argv shape
//   FAKE_ELECTRON_APP_PATH=dir                app.getAppPath() (default: nearest package.json above the main script)
//   FAKE_ELECTRON_USER_DATA=dir               app.getPath('userData'), where the single-instance lock lives
//   FAKE_ELECTRON_DISPLAYS=1|2|[rect,…]       the screens (default 2)
//   FAKE_ELECTRON_SAFE_STORAGE_BACKEND=name   safeStorage.getSelectedStorageBackend(): basic_text | gnome_libsecret
//                                             (default) | kwallet | kwallet5 | kwallet6 | unknown
//   FAKE_ELECTRON_ENCRYPTION_AVAILABLE=0      safeStorage.isEncryptionAvailable() is false
//
// Not emulated: a renderer (no DOM, no preload run: kiosk/test/main/preload-bundle.test.ts runs the preload), GPU,
// second-instance notifications, auto-update, native dialogs.
import { app } from './app';
import { listenForCommands } from './control';
import { protocol, session } from './session';
import { Menu, powerSaveBlocker, safeStorage, screen } from './system';
import { FakeBrowserWindow, ipcMain, webContents } from './windows';

listenForCommands();
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => app.quit());

export { app, ipcMain, Menu, powerSaveBlocker, protocol, safeStorage, screen, session, webContents };
export const BrowserWindow = FakeBrowserWindow;
export const shell = { openExternal: async () => { throw new Error('shell.openExternal is not available in the fake'); } };
