// Opens the terminal UI in Debian's Chromium when there is a display (development and demos).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function openInChromium(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const binary = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((b) => existsSync(b));
  if (!binary || !env.DISPLAY || env.CI) return false;
  const profile = mkdtempSync(path.join(os.tmpdir(), 'easydo-chromium-'));
  const child = spawn(
    binary,
    [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream'],
    { stdio: 'ignore', detached: true },
  );
  child.unref();
  return true;
}
