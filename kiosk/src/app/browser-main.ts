// `npm start` without an Electron binary: the same terminal, served to Chromium by the browser shell. The profile
// (--profile / EASYDO_PROFILE, default development) decides what it may start on: see startup.ts.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEV_ADMIN_PIN } from '@easydo/core/services/config/load';
import { composeApp } from './compose-app';
import { startBrowserShell } from '../browser-shell/server';
import { parseStartArgs } from './cli-args';
import { defaultDataDir } from './data-dir';
import { openInChromium } from './open-chromium';
import { RENDERER_DIR } from './paths';
import { appVersion } from './version';
import { loadStartupConfig, resolveProfile, terminalRole } from './startup';
import { journalKeyProvider } from './journal-key';

async function main(): Promise<void> {
  const args = parseStartArgs(process.argv.slice(2));
  const profile = resolveProfile({ packaged: false, argProfile: args.profile, env: process.env });
  const dataDir = args.dataDir ? path.resolve(args.dataDir) : defaultDataDir();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const configFile = args.config ? path.resolve(args.config) : path.join(dataDir, 'config.json');
  const { config, created } = loadStartupConfig({ profile, configFile, dataDir, role: terminalRole(args.mode) });
  const keyProvider = await journalKeyProvider({ config, profile, osKeystore: null });
  const app = await composeApp({ config, configFile, dataDir, version: appVersion(), profile, role: terminalRole(args.mode), ...(keyProvider ? { keyProvider } : {}) });
  const terminal = app.terminal;
  const shell = await startBrowserShell({
    rendererDir: RENDERER_DIR,
    router: app.router,
    hub: terminal.hub,
    modes: terminal.modes,
    admin: terminal.admin,
    startMode: args.mode,
    port: args.port,
  });

  console.log(`Terminal UI: ${shell.url}`);
  if (args.mode === 'counter') console.log(`Resident display: ${shell.displayUrl}`);
  console.log(`Mode: ${args.mode} · profile: ${profile} · data: ${dataDir} · backend: ${terminal.backend.url}`);
  if (created) console.log(`New simulator config written to ${configFile} (maintenance PIN ${DEV_ADMIN_PIN}).`);
  if (args.open && openInChromium(shell.url)) console.log('Opened in Chromium.');

  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await shell.close();
    await app.close();
    process.exit(0);
  };
  terminal.admin.onExitRequested(() => void stop());
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
