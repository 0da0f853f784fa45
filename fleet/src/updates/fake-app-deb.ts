// Real .deb packages that behave like the app for tests and the rollout demo, built with dpkg-deb: a start script
// that reports healthy, crashes at start, or starts but never becomes healthy. `padBytes` of random data make an
// install take long enough to be cut off. No maintainer scripts (dpkg --root would run them chrooted).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type AppBehaviour = 'healthy' | 'crash' | 'neverHealthy';
export const FAKE_APP = 'opt/easydo-terminal/start.sh';

export async function buildAppDeb(o: { dir: string; name: string; version: string; behaviour: AppBehaviour; padBytes?: number }): Promise<string> {
  const tree = join(o.dir, `${o.name}_${o.version}.tree`);
  await rm(tree, { recursive: true, force: true });
  await mkdir(join(tree, 'DEBIAN'), { recursive: true });
  await mkdir(join(tree, 'opt/easydo-terminal'), { recursive: true });
  await writeFile(join(tree, 'DEBIAN/control'), [`Package: ${o.name}`, `Version: ${o.version}`, 'Architecture: all', 'Maintainer: Easy-Do test <test@example.invalid>', 'Description: stand-in for the terminal app', ''].join('\n'));
  const body = { healthy: 'echo healthy\nexit 0', crash: 'echo "boom" >&2\nexit 1', neverHealthy: 'echo started\nexit 0' }[o.behaviour];
  await writeFile(join(tree, FAKE_APP), `#!/bin/sh\n# ${o.name} ${o.version}\n${body}\n`);
  await chmod(join(tree, FAKE_APP), 0o755);
  if (o.padBytes) await writeFile(join(tree, 'opt/easydo-terminal/payload.bin'), randomBytes(o.padBytes));
  const out = join(o.dir, `${o.name}_${o.version}.deb`);
  // -Znone: random padding does not compress, and dpkg-deb would spend the test's time trying.
  await run('dpkg-deb', ['--root-owner-group', '-Znone', '--build', tree, out]);
  await rm(tree, { recursive: true, force: true });
  return out;
}

/** An empty dpkg database under `root`, for `dpkg --root=<root>`. */
export async function makeDpkgRoot(root: string): Promise<void> {
  for (const d of ['var/lib/dpkg/info', 'var/lib/dpkg/updates', 'var/lib/dpkg/triggers', 'var/log']) await mkdir(join(root, d), { recursive: true });
  await writeFile(join(root, 'var/lib/dpkg/status'), '');
  await writeFile(join(root, 'var/lib/dpkg/available'), '');
}

/** dpkg options for a private root: no chroot for scripts, no path checks of the host's tools. */
export function privateDpkgArgs(root: string): string[] {
  return [`--root=${root}`, '--force-script-chrootless', '--force-not-root', '--log=/dev/null'];
}
