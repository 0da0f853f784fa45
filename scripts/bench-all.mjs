#!/usr/bin/env node
// `npm run bench [-- name-filter]`: runs every <package>/bench/*.bench.ts one after another (they measure, so
// they must not share the CPU). Each prints its own figures as ratios against a reference it measures in the
// same run; nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const filter = process.argv[2] ?? '';
const packages = ['device-drivers', 'backend-client', 'core', 'counter', 'kiosk'];
const benches = packages.flatMap((pkg) => {
  const dir = path.join(root, pkg, 'bench');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).map((f) => path.join(pkg, 'bench', f)) : [];
}).filter((f) => f.includes(filter));

let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', bench], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed += 1;
}
console.log(`\n${benches.length - failed} benchmarks ran, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
