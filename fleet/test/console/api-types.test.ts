// The web app's and the console's REST types come from fleet/openapi.yaml: the committed generated file is what
// openapi-typescript makes of the document now (`npx tsx fleet/scripts/generate-api-types.ts` rewrites it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TYPES_FILE, renderApiTypes } from '../../scripts/render-api-types';

describe('fleet/src/api/generated.ts', () => {
  it('is current with fleet/openapi.yaml', async () => {
    const text = await renderApiTypes();
    expect(text).toContain('AlertItem: {');
    expect(readFileSync(TYPES_FILE, 'utf8'), 'stale: run `npx tsx fleet/scripts/generate-api-types.ts`').toBe(text);
  });
});
