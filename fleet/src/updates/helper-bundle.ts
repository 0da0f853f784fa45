// The root helper as it ships: one esbuild bundle (zod inside) run by Debian's `node`, no tsx and no node_modules
// on the terminal. Tests and the demo run this very bundle as a child process, one process per helper run as
// systemd would start it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const HELPER_ENTRY = fileURLToPath(new URL('../../../packaging/linux/update-helper/cli.ts', import.meta.url));

export async function buildHelperBundle(outfile: string): Promise<string> {
  await build({ entryPoints: [HELPER_ENTRY], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error', banner: { js: '#!/usr/bin/env node' } });
  return outfile;
}
