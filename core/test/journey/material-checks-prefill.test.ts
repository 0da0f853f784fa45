// What the pages read is checked against the form as it will be submitted, not only what the resident typed:
// the resource library's values the form was prepared with count too ("让数据多跑腿" is also "let the data check").
// res01's library holds a lease (ZL-2024-1000, 沙箱街道…) other than the one on the paper (SZFT-ZL-2026-0815).
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTerminal, type TestTerminal } from './terminal';

process.env.TMPDIR = mkdtempSync(path.join(os.tmpdir(), 'easydo-checks-prefill-'));
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/materials');
// 房屋租赁登记备案: the rental fields are prefilled from the library's housing record.
const ITEM = 'XK00401001';

let t: TestTerminal;
beforeAll(async () => {
  t = await startTestTerminal();
});
afterAll(async () => {
  await t?.close();
});

describe('material checks against the prepared form', () => {
  it('compares the lease with the library values nobody typed, and with what the resident typed over them', async () => {
    await t.placeCard('res01');
    const form = await t.call('form:prepare', { itemCode: ITEM });
    expect(form.fields.find((f) => f.key === 'rentalContractNumber')).toMatchObject({ prefilled: 'library' });

    await t.call('materials:begin', { itemCode: ITEM, form: {} });
    const lease = (await readFile(path.join(FIXTURES, 'lease-contract.clean.png'))).toString('base64');
    const page = await t.call('materials:addImage', { imageBase64: lease, source: 'file' });
    await t.call('materials:assign', { pageId: page.id, materialCode: 'LEASE' });
    const checksOf = () =>
      t.afterEvents(async () => {
        const p = (await t.call('materials:list', {})).pages.find((x) => x.id === page.id);
        return p && p.ocr === 'done' ? p.fieldChecks : undefined;
      });
    const byLibrary = await checksOf();
    const status = (checks: typeof byLibrary, against: string) => checks.checks.find((c) => c.against === against)?.status;
    expect(status(byLibrary, 'form.rentalContractNumber')).toBe('mismatch');
    expect(status(byLibrary, 'card.name')).toBe('match');
    expect(byLibrary.checks.find((c) => c.against === 'form.rentalContractNumber')?.formLabel?.zh).toBe('租赁合同编号');

    // The resident corrects the number to the paper's: the typed value is what will be submitted, so it is the one compared.
    const corrected = await t.call('materials:begin', { itemCode: ITEM, form: { rentalContractNumber: 'SZFT-ZL-2026-0815' } });
    const again = corrected.pages.find((p) => p.id === page.id)!.fieldChecks;
    expect(status(again, 'form.rentalContractNumber')).toBe('match');
    expect(status(again, 'form.rentalAddress')).toBe('mismatch'); // still the library's address
    await t.call('session:end', { reason: 'finished' });
  }, 120_000);
});
