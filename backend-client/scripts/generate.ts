// Regenerates the committed artefacts derived from openapi.yaml:
//  - src/generated/api.ts: TypeScript types (openapi-typescript), so no type is hand-copied;
//  - src/generated/openapi-document.ts: the document as a plain object, so the client and the
//    sandbox validate with the same schemas without reading files at runtime (bundles stay simple).
// `--check` exits 1 when the committed files differ (used by a test and CI).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderGenerated } from './render-generated';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const outputs = await renderGenerated(root);
let stale = 0;
for (const { file, text } of outputs) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = '';
  }
  if (current === text) continue;
  stale++;
  if (check) console.error(`stale: ${file}`);
  else writeFileSync(file, text);
}
if (check && stale > 0) process.exit(1);
console.log(check ? 'generated files are current' : `wrote ${stale} file(s)`);
