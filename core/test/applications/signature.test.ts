// The signature drawn on screen reaches the platform as a material (trust D), and a non-PNG is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { simulatorDefaults } from '@easydo/core/services/config/load';
import { createTerminal, type Terminal } from '@easydo/core/services/terminal/compose';
import { createLogger } from '@easydo/core/services/logging/logger';
import { SIGNATURE_MATERIAL_CODE } from '@easydo/core/services/applications/signature';
import { cardSessionOf } from '../../src/services/session/card-session';

function pngDataUrl(): string {
  const png = new PNG({ width: 40, height: 20 });
  png.data.fill(255);
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

describe('signature on the application', () => {
  let t: Terminal;
  beforeAll(async () => {
    t = await createTerminal({ config: simulatorDefaults(), dataDir: mkdtempSync(path.join(os.tmpdir(), 'sig-')), version: 't', logger: createLogger({ level: 'warn' }) });
    const read = new Promise<void>((resolve) => t.idReader.cards.onCardRead(() => resolve()));
    t.idReader.simulator!.place('res01');
    await read;
    await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(() => t.close());

  it('journals the signature as a trust-D PNG material and delivers it', async () => {
    const session = cardSessionOf(t.sessions.current());
    const r = await t.applications.submit(session, { itemCode: 'GF00103001', form: {}, signaturePng: pngDataUrl() });
    expect(r.acceptanceNumber).not.toBeNull();
    const app = await t.applications.journal.get(r.localId);
    const sig = app.materials.find((m) => m.code === SIGNATURE_MATERIAL_CODE);
    expect(sig).toMatchObject({ trustLevel: 'D', contentType: 'image/png', pageCount: 1 });
    expect(sig?.uploadId).toBeTruthy();
  });

  it('refuses something that is not a PNG, before journaling', async () => {
    const session = cardSessionOf(t.sessions.current());
    const before = (await t.applications.journal.list()).length;
    const fake = `data:image/png;base64,${Buffer.from('<svg>not a png</svg>'.repeat(10)).toString('base64')}`;
    await expect(t.applications.submit(session, { itemCode: 'GF00103001', form: {}, signaturePng: fake })).rejects.toMatchObject({ code: 'validation', reason: 'signature-invalid' });
    expect((await t.applications.journal.list()).length).toBe(before);
  });
});
