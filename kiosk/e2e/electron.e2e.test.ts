// Real Electron, through Playwright's Electron launcher, where an Electron binary is installed (a release
// machine with a seeded cache). Our CI machines cannot download it; there this suite is reported as skipped
// with that reason in its name, and the browser-shell suites cover the same renderer and services.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';

const root = path.resolve(__dirname, '../..');

function electronBinary(): string | null {
  try {
    const require = createRequire(path.join(root, 'kiosk/package.json'));
    const dir = path.dirname(require.resolve('electron/package.json'));
    const bin = path.join(dir, 'dist', readFileSync(path.join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const title = binary ? 'real Electron' : 'real Electron (SKIPPED: no Electron binary on this machine; see packaging/README.md)';

describe.skipIf(!binary)(title, () => {
  it('opens the kiosk locked down, with window.terminal from the preload only', async () => {
    execFileSync(process.execPath, ['kiosk/scripts/build-electron.mjs'], { cwd: root });
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.join(root, 'kiosk'), '--mode', 'kiosk', '--data-dir', mkdtempSync(path.join(os.tmpdir(), 'easydo-electron-'))],
    });
    const page = await app.firstWindow();
    await page.getByTestId('attract').waitFor();
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((window as unknown as { terminal: object }).terminal).sort())).toEqual(['invoke', 'on']);
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isKiosk())).toBe(true);
    await app.close();
  });
});
