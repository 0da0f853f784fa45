// Two terminals of one hall for the remote-help E2E: a kiosk and a counter, each its own composition root and
// browser shell, both talking to one platform (the development sandbox, with both terminals registered). One
// Chromium with fake camera and microphone holds a page of each.
import { mkdtempSync, mkdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseConfig, simulatorDefaults } from '@easydo/core/services/config/load';
import { developmentParts } from '@easydo/core/services/terminal/dev-composition';
import { createTerminalLogger } from '@easydo/core/services/logging/terminal-logger';
import { composeApp, type App } from '../src/app/compose-app';
import { startBrowserShell, type BrowserShell } from '../src/browser-shell/server';
import { RENDERER_DIR } from '../src/app/paths';
import { ARTIFACTS, CHROMIUM } from './harness';

export const FAKE_MEDIA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

export interface HallTerminal {
  app: App;
  shell: BrowserShell;
  page: Page;
}

export interface Hall {
  platform: Awaited<ReturnType<typeof developmentParts.sandbox>>;
  browser: Browser;
  open(kind: 'kiosk' | 'counter', options?: { ringSeconds?: number; noCamera?: boolean }): Promise<HallTerminal>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startHall(): Promise<Hall> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (see .ci/run)`);
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Renderer not built: run `npx vite build --config kiosk/vite.config.ts`');
  const root = mkdtempSync(path.join(os.tmpdir(), 'easydo-hall-'));
  const credentials = Array.from({ length: 4 }, (_, i) => ({ id: `SZ-HALL-000${i + 1}`, secret: `hall-terminal-secret-${i + 1}-${'x'.repeat(20)}` }));
  const platform = await developmentParts.sandbox({ dbFile: path.join(root, 'platform.sqlite'), terminals: credentials, clockSpeed: 600 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...FAKE_MEDIA],
  });
  const opened: HallTerminal[] = [];
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    platform,
    browser,
    async open(kind, options = {}) {
      const cred = credentials[opened.length];
      if (!cred) throw new Error('no more terminal credentials in this hall');
      const dataDir = mkdtempSync(path.join(root, `${kind}-`));
      const config = parseConfig({ ...simulatorDefaults(), terminalId: cred.id, terminalSecret: cred.secret, backend: { kind: 'remote', url: platform.url } });
      const logger = createTerminalLogger(dataDir, { level: 'info', stderr: false });
      const app = await composeApp({ config, dataDir, version: 'e2e', logger, remoteHelp: { ringSeconds: options.ringSeconds ?? 600 } });
      const t = app.terminal;
      const shell = await startBrowserShell({ rendererDir: RENDERER_DIR, router: app.router, hub: t.hub, modes: t.modes, admin: t.admin, startMode: kind });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      // A kiosk without a camera: Chromium's fake devices stay, but this page is refused video.
      if (options.noCamera) {
        await context.addInitScript(() => {
          const md = navigator.mediaDevices;
          const original = md.getUserMedia.bind(md);
          md.getUserMedia = (c?: MediaStreamConstraints) => (c?.video ? Promise.reject(new DOMException('no camera', 'NotFoundError')) : original(c));
        });
      }
      const page = await context.newPage();
      await page.goto(shell.url);
      const terminal = { app, shell, page };
      opened.push(terminal);
      return terminal;
    },
    screenshot: async (page, name) => {
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close().catch(() => undefined);
      for (const t of opened.reverse()) {
        await t.shell.close();
        await t.app.close();
      }
      await platform.close();
    },
  };
}

/** Whether any window of this terminal holds the call screen's camera/microphone claim. */
export function callClaimed(t: HallTerminal): boolean {
  const modes = t.app.terminal.modes;
  return modes.windows().some((w) => modes.callActive(w));
}
