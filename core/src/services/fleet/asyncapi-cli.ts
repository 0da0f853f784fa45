// Writes backend-client/asyncapi.yaml from the zod schemas (asyncapi-document.ts); `--check` only compares.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ASYNCAPI_HEADER, asyncApiDocument } from './asyncapi-document';
import { toYaml } from './plain-yaml';

export const ASYNCAPI_FILE = fileURLToPath(new URL('../../../../backend-client/asyncapi.yaml', import.meta.url));

export function renderAsyncApi(): string {
  return toYaml(asyncApiDocument(), ASYNCAPI_HEADER);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderAsyncApi();
  if (process.argv.includes('--check')) {
    const same = readFileSync(ASYNCAPI_FILE, 'utf8') === text;
    console.log(same ? 'asyncapi.yaml is up to date' : 'asyncapi.yaml differs from the schemas: regenerate it');
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(ASYNCAPI_FILE, text);
    console.log(`wrote ${ASYNCAPI_FILE}`);
  }
}
