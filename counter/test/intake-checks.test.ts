// The counter checks what a page reads against the form as prepared (card and resource library), as the kiosk
// does, not against the card alone: res01's library holds another lease (ZL-2024-1000) than the paper's
// (SZFT-ZL-2026-0815), and the clerk sees that before verifying the page; the submission carries the outcome to
// the back office. Real terminal, real OCR, the counter's router.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaterialsView } from '@easydo/core/contract/schemas/counter-intake';
import { startCounterTerminal, type CounterTerminal } from './counter-terminal';

const LEASE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/materials/lease-contract.clean.png');
const LICENCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/materials/business-licence.clean.png');
// 房屋租赁登记备案: the rental fields are prefilled from the library's housing record.
const ITEM = 'XK00401001';

describe('counter intake checks', () => {
  let ct: CounterTerminal;
  beforeAll(async () => {
    ct = await startCounterTerminal('intake-checks');
  });
  afterAll(() => ct?.close());

  it('compares the lease with the library values the form was prepared with', async () => {
    await ct.call('counter:login', { staffId: 'C1001', password: 'counter-1001' });
    ct.terminal.idReader.simulator!.place('res01');
    await expect.poll(() => ct.terminal.sessions.current()?.card?.name ?? null, { timeout: 10_000 }).toBe('卓岚');
    await ct.call('intake:begin', { itemCode: ITEM });
    const imageBase64 = (await readFile(LEASE)).toString('base64');
    const page = (await ct.call('intake:addPage', { source: 'camera', materialCode: 'LEASE', imageBase64 })) as { id: string };
    const read = async () => {
      const view = (await ct.call('intake:materials', {})) as MaterialsView;
      const p = view.pages.find((x) => x.id === page.id)!;
      return p.ocr === 'done' ? p.fieldChecks : null;
    };
    await expect.poll(read, { timeout: 60_000, interval: 200 }).not.toBeNull();
    const checks = (await read())!.checks;
    const number = checks.find((c) => c.against === 'form.rentalContractNumber');
    expect(number).toMatchObject({ status: 'mismatch', formLabel: { zh: '租赁合同编号' } });
    expect(checks.find((c) => c.against === 'card.name')?.status).toBe('match');
    // Mismatches first, so the clerk reads them before the matches.
    expect(checks[0]!.status).toBe('mismatch');

    // The clerk corrects the number to the paper's and accepts (the deed to follow): the back office gets the
    // checks against the form as it went in, the clerk's edit included, without the values.
    const result = (await ct.call('intake:submit', { itemCode: ITEM, form: { rentalContractNumber: 'SZFT-ZL-2026-0815' }, allowMissingMaterials: true })) as { acceptanceNumber: string | null };
    expect(result.acceptanceNumber).toBeTruthy();
    const stored = JSON.parse(ct.terminal.backend.sandbox!.db.prepare('SELECT materials_json FROM applications WHERE acceptance_number = ?').pluck().get(result.acceptanceNumber) as string) as Array<{ code: string; fieldChecks?: unknown[] }>;
    const lease = stored.find((m) => m.code === 'LEASE')!.fieldChecks;
    expect(lease).toContainEqual({ against: 'form.rentalContractNumber', status: 'match', page: 1 });
    expect(lease).toContainEqual({ against: 'form.rentalAddress', status: 'mismatch', page: 1 });
    expect(JSON.stringify(lease)).not.toMatch(/SZFT|ZL-2024|卓岚|440304/u);
  }, 120_000);

  it("offers what the business licence reads for the form fields left empty, once each and only this form's", async () => {
    // 小微企业扶持政策咨询: company name and credit code are typed at the counter (nothing prefills them).
    await ct.call('intake:begin', { itemCode: 'GF00804001' });
    const imageBase64 = (await readFile(LICENCE)).toString('base64');
    const page = (await ct.call('intake:addPage', { source: 'camera', materialCode: 'BUSINESS_LICENCE', imageBase64 })) as { id: string };
    const view = async () => (await ct.call('intake:materials', {})) as MaterialsView;
    await expect.poll(async () => (await view()).pages.find((p) => p.id === page.id)?.ocr, { timeout: 60_000, interval: 200 }).toBe('done');
    const offers = (await view()).offers;
    const truth = await readFile(LICENCE.replace('.clean.png', '.gt.txt'), 'utf8');
    const name = offers.find((o) => o.formKey === 'companyName');
    expect(name).toMatchObject({ materialCode: 'BUSINESS_LICENCE', pageId: page.id });
    expect(truth).toContain(name!.value);
    const code = offers.find((o) => o.formKey === 'creditCode');
    expect(code?.value).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
    expect(truth).toContain(code!.value);
    // Only fields of this item's form, once each.
    expect(new Set(offers.map((o) => o.formKey)).size).toBe(offers.length);
    expect(offers.every((o) => ['companyName', 'creditCode'].includes(o.formKey))).toBe(true);
  }, 120_000);
});
