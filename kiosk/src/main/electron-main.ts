// Electron main: the real entry (bundled to out/main.cjs by kiosk/scripts/build-electron.mjs). It parses the
// launch line, takes the single-instance lock, gets a configuration the profile allows and composes the terminal;
// everything after that is electron-shell.ts. kiosk/test/main/electron-main.test.ts runs this very bundle under
// Node against a fake `electron` (kiosk/test/fake-electron), from the launch lines in packaging/.
//
// Exit codes for the supervisor: 0 quit; 64 bad launch arguments; 78 refused configuration (StartupRefused);
// 70 renderers keep failing, hand-over (recovery-ledger.ts); 1 anything else.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as electron from 'electron';
import { composeApp } from '../app/compose-app';
import { defaultDataDir } from '../app/data-dir';
import { loadStartupConfig, resolveProfile, StartupRefused, terminalRole } from '../app/startup';
import { journalKeyProvider } from '../app/journal-key';
import { createSafeStorageKeyProvider } from './safe-storage-key-provider';
import { BadArguments, parseElectronArgs } from './electron-args';
import { ensureSingleInstance } from './single-instance';
import { registerAppScheme, startElectronShell, type ElectronShell } from './electron-shell';

const { app, Menu, safeStorage } = electron;
registerAppScheme(electron.protocol);

async function main(): Promise<void> {
  const args = parseElectronArgs(process.argv, { defaultApp: process.defaultApp === true });
  let shell: ElectronShell | null = null;
  if (!ensureSingleInstance(app, () => shell?.focus())) return;
  await app.whenReady();
  Menu.setApplicationMenu(null);

  // Start-up: profile, configuration, journal key, composition.
  const dataDir = args.dataDir ?? defaultDataDir();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const configFile = args.config ?? path.join(dataDir, 'config.json');
  const profile = resolveProfile({ packaged: app.isPackaged, argProfile: args.profile, env: process.env });
  const { config } = loadStartupConfig({ profile, configFile, dataDir, role: terminalRole(args.mode) });
  const keyProvider = await journalKeyProvider({ config, profile, osKeystore: () => createSafeStorageKeyProvider(safeStorage, path.join(dataDir, 'journal.key.sealed'), { profile }) });
  const composed = await composeApp({ config, configFile, dataDir, version: app.getVersion(), profile, role: terminalRole(args.mode), ...(keyProvider ? { keyProvider } : {}) });

  const rendererDir = path.join(app.getAppPath(), 'dist-renderer');
  const preloadPath = path.join(__dirname, 'preload.cjs');
  shell = startElectronShell({ electron, composed, mode: args.mode, dataDir, production: profile === 'production', rendererDir, preloadPath });
  const windows = shell.windowCount();
  composed.terminal.log.info({ mode: args.mode, windows }, 'terminal started');
  console.log(`terminal started: mode=${args.mode} windows=${windows}`);
}

function exitCodeOf(error: unknown): number {
  if (error instanceof BadArguments) return 64;
  if (error instanceof StartupRefused) return 78;
  return 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  app.exit(exitCodeOf(error));
});
