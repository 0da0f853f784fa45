// Writes fleet/src/api/generated.ts from fleet/openapi.yaml; `--check` exits 1 when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { TYPES_FILE, renderApiTypes } from './render-api-types';

const text = await renderApiTypes();
let current = '';
try {
  current = readFileSync(TYPES_FILE, 'utf8');
} catch {
  current = '';
}
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`stale: ${TYPES_FILE}`);
    process.exit(1);
  }
  console.log('fleet API types are current');
} else if (current !== text) {
  writeFileSync(TYPES_FILE, text);
  console.log(`wrote ${TYPES_FILE}`);
}
