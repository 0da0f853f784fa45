// Renders (without writing) fleet/src/api/generated.ts, the TypeScript types of fleet/openapi.yaml, so neither the
// web app nor the console hand-copies an answer's shape. Shared by the generator and its test.
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const SPEC_FILE = fileURLToPath(new URL('../openapi.yaml', import.meta.url));
export const TYPES_FILE = fileURLToPath(new URL('../src/api/generated.ts', import.meta.url));

const banner = '// GENERATED from fleet/openapi.yaml by `npx tsx fleet/scripts/generate-api-types.ts`. Do not edit.\n';

export async function renderApiTypes(): Promise<string> {
  // An object schema without properties (command args, results) is Record<string, unknown>, not never.
  const ast = await openapiTS(pathToFileURL(SPEC_FILE), { emptyObjectsUnknown: true });
  return banner + astToString(ast);
}
