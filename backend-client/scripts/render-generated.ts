// Renders (without writing) the files derived from openapi.yaml; shared by the generator and its test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

export interface GeneratedFile {
  file: string;
  text: string;
}

const banner = '// GENERATED from backend-client/openapi.yaml by `npm run generate -w backend-client`. Do not edit.\n';

export async function renderGenerated(root: string): Promise<GeneratedFile[]> {
  const specFile = join(root, 'openapi.yaml');
  const yamlText = readFileSync(specFile, 'utf8');
  const ast = await openapiTS(pathToFileURL(specFile));
  const types = banner + astToString(ast);
  const doc = parse(yamlText) as unknown;
  const document =
    banner +
    '/** The OpenAPI document as data (validation schemas for the client and the sandbox). */\n' +
    `export const openapiDocument: Record<string, unknown> = ${JSON.stringify(doc, null, 2)};\n`;
  return [
    { file: join(root, 'src/generated/api.ts'), text: types },
    { file: join(root, 'src/generated/openapi-document.ts'), text: document },
  ];
}
