// The prefill a form was prepared with is the one it is submitted with: one library lookup per session and item,
// and a field shown as filled stays filled when the backend becomes unreachable before submission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simulatorDefaults } from '@easydo/core/services/config/load';
import { createTerminal, type Terminal } from '@easydo/core/services/terminal/compose';
import { createLogger } from '@easydo/core/services/logging/logger';
import { cardSessionOf } from '../../src/services/session/card-session';

const ITEM = 'GF00103001'; // every required field prefilled: name and ID from the card, phone from the library

describe('prefill kept for the session', () => {
  let t: Terminal;
  let lookups = 0;
  beforeAll(async () => {
    t = await createTerminal({ config: simulatorDefaults(), dataDir: mkdtempSync(path.join(os.tmpdir(), 'prefill-')), version: 't', logger: createLogger({ level: 'warn' }) });
    const client = t.backend.client;
    const lookup = client.lookupResident.bind(client);
    client.lookupResident = (req) => {
      lookups += 1;
      return lookup(req);
    };
  });
  afterAll(() => t.close());

  async function placeCard(id: string) {
    const read = new Promise<void>((resolve) => {
      const off = t.idReader.cards.onCardRead(() => (off(), resolve()));
    });
    t.idReader.simulator!.place(id);
    await read;
    await new Promise((r) => setTimeout(r, 50));
  }

  it('looks the resident up once, and submits what the form showed even after the backend went away', async () => {
    await placeCard('res01');
    const session = cardSessionOf(t.sessions.current());
    const form = await t.applications.prepare(session, ITEM);
    const phone = form.fields.find((f) => f.key === 'contactPhone')!;
    expect(phone).toMatchObject({ prefilled: 'library' });
    expect(phone.display).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(lookups).toBe(1);

    t.backend.sandbox!.setFaults('5xx=1');
    try {
      const r = await t.applications.submit(session, { itemCode: ITEM, form: {} });
      expect(r.acceptanceNumber).toBeNull(); // journaled, waiting for the backend
      const app = await t.applications.journal.get(r.localId);
      expect(app.submission?.form['contactPhone']).toMatch(/^1[3-9]\d{9}$/);
    } finally {
      t.backend.sandbox!.setFaults(undefined);
    }
    expect(lookups).toBe(1);
  });

  it('forgets the prefill with the session: the next resident is looked up afresh', async () => {
    await t.sessions.end('finished');
    t.idReader.simulator!.remove();
    await new Promise((r) => setTimeout(r, 600));
    await placeCard('res01');
    await t.applications.prepare(cardSessionOf(t.sessions.current()), ITEM);
    expect(lookups).toBe(2);
  });
});
