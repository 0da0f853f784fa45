// The spec is a valid OpenAPI 3.1 document (checked by a third-party validator), and the committed
// generated files (types, document) match it.
import { compileErrors, validate } from '@readme/openapi-parser';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderGenerated } from '../scripts/render-generated';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('openapi.yaml', () => {
  it('validates as OpenAPI 3.1', async () => {
    const result = await validate(fileURLToPath(new URL('../openapi.yaml', import.meta.url)));
    if (!result.valid) throw new Error(compileErrors(result));
    expect(result.specification).toBe('OpenAPI');
    expect(readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8')).toMatch(/^openapi: 3\.1\./);
  });

  it('a broken document is refused (the validator can fail)', async () => {
    const result = await validate({ openapi: '3.1.0', info: { title: 'x', version: '1' }, paths: { '/a': { get: { responses: { '200': { $ref: '#/nope' } } } } } } as never);
    expect(result.valid).toBe(false);
  });

  it('committed generated files are current (run `npm run generate -w backend-client`)', async () => {
    for (const { file, text } of await renderGenerated(root)) {
      expect(readFileSync(file, 'utf8'), `${file} is stale`).toBe(text);
    }
  });
});
