// What the pages read is checked against the form as it will be submitted, not only what the resident typed:
// the resource library's values the form was prepared with count too ("让数据多跑腿" is also "let the data check").
// res01's library holds a lease (ZL-2024-1000, 沙箱街道…) other than the one on the paper (SZFT-ZL-2026-0815).
// What was checked goes with the submission to the back office (UploadedMaterial.fieldChecks), values left out.
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTerminal, type TestTerminal } from './terminal';

process.env.TMPDIR = mkdtempSync(path.join(os.tmpdir(), 'easydo-checks-prefill-'));
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/materials');
// 房屋租赁备案变更: the rental fields are prefilled from the library's housing record; res01 holds the ID card and
// the lease registration as e-certificates, so the lease on paper is the one material to read.
const ITEM = 'XK00401002';

let t: TestTerminal;
beforeAll(async () => {
  t = await startTestTerminal();
});
afterAll(async () => {
  await t?.close();
});

describe('material checks against the prepared form', () => {
  it('compares the lease with the library values nobody typed, with what the resident typed over them, and submits the outcome', async () => {
    await t.placeCard('res01');
    const form = await t.call('form:prepare', { itemCode: ITEM });
    expect(form.fields.find((f) => f.key === 'rentalContractNumber')).toMatchObject({ prefilled: 'library' });

    const begun = await t.call('materials:begin', { itemCode: ITEM, form: {} });
    const certOf = (type: string) => begun.certificates.find((c) => c.type === type)!.id;
    await t.call('materials:useCertificate', { materialCode: 'ID_CARD', certificateId: certOf('居民身份证') });
    await t.call('materials:useCertificate', { materialCode: 'LEASE_RECORD', certificateId: certOf('房屋租赁登记备案证明') });
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
    const typed = { rentalContractNumber: 'SZFT-ZL-2026-0815', reason: '租期延长，变更备案' };
    const corrected = await t.call('materials:begin', { itemCode: ITEM, form: typed });
    const again = corrected.pages.find((p) => p.id === page.id)!.fieldChecks;
    expect(status(again, 'form.rentalContractNumber')).toBe('match');
    expect(status(again, 'form.rentalAddress')).toBe('mismatch'); // still the library's address

    // The back office gets what the resident was shown, per material and page, without the values.
    const res = await t.call('application:submit', { itemCode: ITEM, form: typed });
    expect(res.acceptanceNumber).toBeTruthy();
    const stored = JSON.parse(t.terminal.backend.sandbox!.db.prepare('SELECT materials_json FROM applications WHERE acceptance_number = ?').pluck().get(res.acceptanceNumber) as string) as Array<{ code: string; fieldChecks?: Array<{ against: string; status: string; page: number }> }>;
    const leaseChecks = stored.find((m) => m.code === 'LEASE')!.fieldChecks!;
    expect(leaseChecks).toContainEqual({ against: 'form.rentalContractNumber', status: 'match', page: 1 });
    expect(leaseChecks).toContainEqual({ against: 'form.rentalAddress', status: 'mismatch', page: 1 });
    expect(leaseChecks).toContainEqual({ against: 'card.name', status: 'match', page: 1 });
    expect(leaseChecks[0]!.status).toBe('mismatch');
    expect(JSON.stringify(leaseChecks)).not.toMatch(/SZFT|ZL-2024|卓岚|440304/u);
    // An e-certificate was not read off paper: nothing to carry.
    expect(stored.find((m) => m.code === 'ID_CARD')).not.toHaveProperty('fieldChecks');
  }, 120_000);
});
