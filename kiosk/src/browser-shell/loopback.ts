// The browser shell is for development, demos and tests only: it binds loopback and refuses packaged builds.
import { isIP } from 'node:net';

export class BrowserShellRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserShellRefused';
  }
}

export function assertLoopbackHost(host: string): void {
  const ok = host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
  if (!ok) throw new BrowserShellRefused(`The browser shell binds loopback only, not ${host}`);
}

/** True inside a packaged Electron app (resources in an asar archive) or when the packager marked the build. */
export function isPackagedBuild(env: NodeJS.ProcessEnv = process.env, resourcesPath?: string): boolean {
  return env.EASYDO_PACKAGED === '1' || (resourcesPath ?? '').includes('app.asar');
}
