// E2E harness: the real composition root and browser shell in this process (simulated devices, embedded
// sandbox), Debian Chromium driven by playwright-core. Never downloads a browser.
import { mkdtempSync, mkdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { parseConfig, simulatorDefaults } from '@easydo/core/services/config/load';
import type { TerminalConfigInput } from '@easydo/core/services/config/schema';
import type { Terminal } from '@easydo/core/services/terminal/compose';
import { composeApp, type App } from '../src/app/compose-app';
import { createTerminalLogger } from '@easydo/core/services/logging/terminal-logger';
import type { Mode } from '@easydo/core/contract/modes';
import { startBrowserShell, type BrowserShell } from '../src/browser-shell/server';
import { RENDERER_DIR } from '../src/app/paths';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/e2e');

export interface Harness {
  app: App;
  terminal: Terminal;
  shell: BrowserShell;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode?: Exclude<Mode, 'display'>;
  config?: Partial<TerminalConfigInput>;
  chromiumArgs?: string[];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (see .ci/run)`);
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Renderer not built: run `npx vite build --config kiosk/vite.config.ts`');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'easydo-e2e-'));
  const config = parseConfig({ ...simulatorDefaults(), ...options.config });
  // The terminal's own logging (files, viewer ring, redaction), quiet on stderr so test output stays readable.
  const quiet = createTerminalLogger(dataDir, { level: 'info', stderr: false });
  const app = await composeApp({ config, dataDir, version: 'e2e', logger: quiet });
  const terminal = app.terminal;
  const shell = await startBrowserShell({ rendererDir: RENDERER_DIR, router: app.router, hub: terminal.hub, modes: terminal.modes, admin: terminal.admin, startMode: options.mode ?? 'kiosk' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...(options.chromiumArgs ?? [])],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(shell.url);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    app,
    terminal,
    shell,
    browser,
    context,
    page,
    dataDir,
    screenshot: async (name) => {
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close().catch(() => undefined);
      await shell.close();
      await app.close();
    },
  };
}
