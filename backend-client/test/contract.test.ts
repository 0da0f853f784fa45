// Client ↔ sandbox contract: every operation of openapi.yaml is called through the typed client over
// loopback HTTP, and both sides validate against the spec (a drift fails here).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendError } from '../src/errors';
import { specValidator } from '../src/spec-validator';
import type { ApplicationSubmission, Evaluation } from '../src/types';
import { freshSandbox, RESIDENT_ID, RESIDENT_NAME } from './helpers';

let env: Awaited<ReturnType<typeof freshSandbox>>;
const called = new Set<string>();
const mark = (op: string) => called.add(op);

beforeAll(async () => {
  env = await freshSandbox({ clockSpeed: 100_000 });
});
afterAll(async () => {
  await env.sandbox.close();
});

const submission = (form: Record<string, string | number> = {}): ApplicationSubmission => ({
  itemCode: 'QR00204001',
  applicant: { type: 'natural_person', idType: 'resident', idNumber: RESIDENT_ID, name: RESIDENT_NAME },
  channel: 'kiosk',
  form: { applicantName: RESIDENT_NAME, applicantIdNumber: RESIDENT_ID, contactPhone: '13800138001', ...form },
  materials: [],
});

describe('contract', () => {
  it('catalogue: 8 categories, 43 items, ETag revalidation', async () => {
    const first = await env.client.getCatalogue();
    mark('getCatalogue');
    if (first.notModified) throw new Error('expected a body');
    expect(first.catalogue.categories.map((c) => c.name.zh)).toEqual(['计生服务', '劳动保障', '民政业务', '房屋租赁', '法律援助', '城管业务', '组织关系', '经济科技服务']);
    expect(first.catalogue.items).toHaveLength(43);
    const lease = first.catalogue.items.find((i) => i.code === 'XK00401001');
    expect(lease?.materials.find((m) => m.code === 'LEASE')?.ocrKeywords).toContain('租赁合同');
    expect(first.etag).toMatch(/^".+"$/);
    const again = await env.client.getCatalogue({ etag: first.etag });
    expect(again.notModified).toBe(true);
  });

  it('resident lookup returns only the requested fields', async () => {
    const r = await env.client.lookupResident({ idNumber: RESIDENT_ID, fields: ['contactPhone', 'housing'] });
    mark('lookupResident');
    expect(r.found).toBe(true);
    expect(r.contactPhone).toMatch(/^1\d{10}$/);
    expect(r.housing?.tenure).toBe('rented');
    expect(r.householdRegistration).toBeUndefined();
    expect((await env.client.lookupResident({ idNumber: '110101199001011234', fields: ['contactPhone'] })).found).toBe(false);
  });

  it('resumable upload, submission with idempotency, queries and evaluation', async () => {
    const file = Buffer.alloc(700_000, 7);
    file.write('房屋租赁合同', 0);
    const sha256 = createHash('sha256').update(file).digest('hex');
    // Upload the first chunk by hand, then let uploadFile resume from the server's offset.
    const created = await env.client.createUpload({ sha256, size: file.length, contentType: 'image/png' });
    mark('createUpload');
    const afterFirst = await env.client.putUploadChunk(created.uploadId, 0, file.subarray(0, 100_000));
    mark('putUploadChunk');
    expect(afterFirst.offset).toBe(100_000);
    expect((await env.client.getUpload(created.uploadId)).offset).toBe(100_000);
    mark('getUpload');
    const done = await env.client.uploadFile(file, { contentType: 'image/png', chunkSize: 250_000 });
    expect(done).toMatchObject({ uploadId: created.uploadId, complete: true, offset: file.length });

    const body = { ...submission(), itemCode: 'XK00401001', materials: [{ code: 'LEASE', sha256, pageCount: 3, trustLevel: 'C' as const, uploadId: done.uploadId }] };
    Object.assign(body.form, { rentalAddress: 'x', rentalContractNumber: 'ZL-2024-1000', rentalStart: '2024-03-01', rentalEnd: '2026-02-28', areaSqm: 40, monthlyRentYuan: 2500 });
    const first = await env.client.submitApplication(body, { idempotencyKey: 'contract-key-000000001' });
    mark('submitApplication');
    expect(first.replayed).toBe(false);
    expect(first.receipt.stage).toBe('预受理');
    expect(first.receipt.queryPassword).toMatch(/^\d{6}$/);
    const again = await env.client.submitApplication(body, { idempotencyKey: 'contract-key-000000001' });
    expect(again).toEqual({ receipt: first.receipt, replayed: true });
    const conflict = await env.client.submitApplication({ ...body, channel: 'counter' }, { idempotencyKey: 'contract-key-000000001' }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(BackendError);
    expect((conflict as BackendError).code).toBe('conflict');

    // What the terminal read off the pages travels with the material (no values); a page the file lacks is refused.
    const withChecks = (page: number, against = 'form.rentalContractNumber') => ({ ...body, materials: [{ ...body.materials[0]!, fieldChecks: [{ against, status: 'mismatch' as const, page }] }] });
    const checked = await env.client.submitApplication(withChecks(3), { idempotencyKey: 'contract-key-000000002' });
    const storedChecks = env.sandbox.db.prepare('SELECT materials_json FROM applications WHERE acceptance_number = ?').pluck().get(checked.receipt.acceptanceNumber) as string;
    expect(JSON.parse(storedChecks)[0].fieldChecks).toEqual([{ against: 'form.rentalContractNumber', status: 'mismatch', page: 3 }]);
    const beyond = await env.client.submitApplication(withChecks(4), { idempotencyKey: 'contract-key-000000003' }).catch((e: unknown) => e);
    expect(beyond).toMatchObject({ code: 'validation', status: 422, serverCode: 'validation_failed', details: { code: 'LEASE' } });
    const notAField = await env.client.submitApplication(withChecks(1, 'form.number 440304'), { idempotencyKey: 'contract-key-000000004' }).catch((e: unknown) => e);
    expect(notAField).toMatchObject({ code: 'validation' });

    await new Promise((r) => setTimeout(r, 100)); // 100 ms × 100 000 ≈ 2.8 simulated hours
    const status = await env.client.queryApplication({ acceptanceNumber: first.receipt.acceptanceNumber, queryPassword: first.receipt.queryPassword });
    mark('queryApplication');
    expect(status.history.length).toBeGreaterThan(1);
    expect(status.history[0]?.stage).toBe('预受理');
    const wrong = await env.client.queryApplication({ acceptanceNumber: first.receipt.acceptanceNumber, queryPassword: '000000' === first.receipt.queryPassword ? '111111' : '000000' }).catch((e: unknown) => e);
    expect((wrong as BackendError).code).toBe('not_found');

    const session = await env.client.createCardSession({ idNumber: RESIDENT_ID, cardType: 'resident', readAt: new Date().toISOString() });
    mark('createCardSession');
    const mine = await env.client.listApplicationsByApplicant({ cardToken: session.cardToken });
    mark('listApplicationsByApplicant');
    expect(mine.applications.map((a) => a.acceptanceNumber)).toContain(first.receipt.acceptanceNumber);

    const ev = { acceptanceNumber: first.receipt.acceptanceNumber, itemCode: 'XK00401001', departmentCode: first.receipt.department.code, level: '满意' as const, indicators: { overall: '满意' as const, attitude: '非常满意' as const }, channel: 'kiosk' as const };
    const rec = await env.client.submitEvaluation(ev);
    mark('submitEvaluation');
    // 短信回执 (a slip not printed): proven by number + password like a query; a wrong password is the same 404.
    expect(await env.client.sendReceiptSms({ acceptanceNumber: first.receipt.acceptanceNumber, queryPassword: first.receipt.queryPassword, phone: '13800138001' })).toMatchObject({ messageId: expect.stringMatching(/^sms_/) });
    mark('sendReceiptSms');
    const smsWrong = await env.client.sendReceiptSms({ acceptanceNumber: first.receipt.acceptanceNumber, queryPassword: first.receipt.queryPassword === '000000' ? '111111' : '000000', phone: '13800138001' }).catch((e: unknown) => e);
    expect((smsWrong as BackendError).code).toBe('not_found');
    expect(rec.evaluationId).toBeTruthy();
    const twice = await env.client.submitEvaluation(ev).catch((e: unknown) => e);
    expect((twice as BackendError).serverCode).toBe('already_evaluated');
  });

  it('stages: 不予受理 carries a reason, 补齐补正 a list, 办结 a result', async () => {
    const fast = await freshSandbox({ clockSpeed: 10_000_000 });
    const rejected = await fast.client.submitApplication(submission({ sandboxOutcome: 'rejected' }), { idempotencyKey: 'contract-key-rejected-01' });
    const supplement = await fast.client.submitApplication(submission({ sandboxOutcome: 'supplement' }), { idempotencyKey: 'contract-key-supplement1' });
    await new Promise((r) => setTimeout(r, 100)); // ≈ 11 simulated days
    const q = (r: typeof rejected) => fast.client.queryApplication({ acceptanceNumber: r.receipt.acceptanceNumber, queryPassword: r.receipt.queryPassword });
    const a = await q(rejected);
    expect(a.stage).toBe('不予受理');
    expect(a.history.at(-1)?.reason).toBeTruthy();
    const b = await q(supplement);
    expect(b.history.find((h) => h.stage === '补齐补正')?.supplementList?.length).toBeGreaterThan(0);
    expect(b.history.find((h) => h.stage === '办结')?.result).toBeTruthy();
    expect(b.stage).toBe('已领取');
    await fast.sandbox.close();
  });

  it('heartbeat', async () => {
    const ack = await env.client.sendHeartbeat({ at: new Date().toISOString(), mode: 'kiosk', appVersion: '0.1.0', inService: true, devices: [{ id: 'printer-0', kind: 'printer', status: 'userError', detail: 'paper low' }], alerts: [{ code: 'paper_low', severity: 'warning', deviceId: 'printer-0' }], outbox: { depth: 0, oldestPendingAt: null } });
    mark('sendHeartbeat');
    expect(Math.abs(Date.parse(ack.serverTime) - Date.now())).toBeLessThan(60_000);
  });

  it('clerk login, counter submission attribution, workload and lockout', async () => {
    const bad = await env.client.clerkLogin({ staffId: 'C1001', password: 'wrong' }).catch((e: unknown) => e);
    expect((bad as BackendError).code).toBe('unauthorized');
    const session = await env.client.clerkLogin({ staffId: 'C1001', password: 'counter-1001' });
    mark('clerkLogin');
    expect(session.clerk.windowNo).toBe('01');
    const sub = await env.client.submitApplication({ ...submission(), channel: 'counter' }, { idempotencyKey: 'contract-key-counter-001', clerkToken: session.token });
    await env.client.submitEvaluation({ acceptanceNumber: sub.receipt.acceptanceNumber, itemCode: sub.receipt.itemCode, departmentCode: sub.receipt.department.code, level: '非常满意', indicators: { overall: '非常满意' }, channel: 'counter', clerkStaffId: 'C1001' });
    const w = await env.client.getClerkWorkload(session.token);
    mark('getClerkWorkload');
    expect(w.applicationsTaken).toBe(1);
    expect(w.ratings).toMatchObject({ count: 1, averageStars: 5 });

    for (let i = 0; i < 5; i++) await env.client.clerkLogin({ staffId: 'C1002', password: 'nope' }).catch(() => undefined);
    const locked = await env.client.clerkLogin({ staffId: 'C1002', password: 'counter-1002' }).catch((e: unknown) => e);
    expect((locked as BackendError).code).toBe('locked');
  });

  it("stores a poor rating's reasons, the resident's own words and the callback phone, for the 回访", async () => {
    const sub = await env.client.submitApplication(submission(), { idempotencyKey: 'contract-key-poor-rating-001' });
    await env.client.submitEvaluation({
      acceptanceNumber: sub.receipt.acceptanceNumber, itemCode: sub.receipt.itemCode, departmentCode: sub.receipt.department.code,
      level: '不满意', indicators: { overall: '不满意' }, channel: 'kiosk',
      reasons: ['too-slow', 'repeated-trips'], reasonText: '跑了三次', callbackPhone: '13800138000',
    });
    const row = env.sandbox.db.prepare('SELECT level, reasons_json, reason_text, callback_phone FROM evaluations WHERE acceptance_number = ?').get(sub.receipt.acceptanceNumber);
    expect(row).toEqual({ level: '不满意', reasons_json: '["too-slow","repeated-trips"]', reason_text: '跑了三次', callback_phone: '13800138000' });
  });

  it("reports a clerk's poor ratings by reason, most given first, and the callbacks asked for (never the phones)", async () => {
    const session = await env.client.clerkLogin({ staffId: 'C1003', password: 'counter-1003' });
    const rate = async (key: string, level: '不满意' | '非常不满意' | '满意', extra: Partial<Evaluation>) => {
      const sub = await env.client.submitApplication({ ...submission(), channel: 'counter' }, { idempotencyKey: key, clerkToken: session.token });
      await env.client.submitEvaluation({
        acceptanceNumber: sub.receipt.acceptanceNumber, itemCode: sub.receipt.itemCode, departmentCode: sub.receipt.department.code,
        level, indicators: { overall: level }, channel: 'counter', clerkStaffId: 'C1003', ...extra,
      });
    };
    await rate('contract-key-reasons-0001', '不满意', { reasons: ['too-slow'], callbackPhone: '13800138000' });
    await rate('contract-key-reasons-0002', '非常不满意', { reasons: ['too-slow', 'staff-attitude'] });
    await rate('contract-key-reasons-0003', '满意', {});
    const w = await env.client.getClerkWorkload(session.token);
    expect(w.ratings).toMatchObject({ count: 3, callbacks: 1, byReason: [{ reason: 'too-slow', count: 2 }, { reason: 'staff-attitude', count: 1 }] });
    expect(JSON.stringify(w)).not.toContain('13800138000');
  });

  it('a material satisfied by an electronic certificate: accepted when the library holds it, typed 422 otherwise', async () => {
    // 房屋租赁备案注销: ID card and lease registration, both replaceable by 电子证照 that res01 holds.
    const cancel = (materials: ApplicationSubmission['materials']) => ({
      ...submission({ rentalAddress: 'x', rentalContractNumber: 'ZL-2024-1000', reason: '提前退租' }),
      itemCode: 'XK00401003',
      materials,
    });
    const known = [
      { code: 'ID_CARD', electronicCertificateNumber: RESIDENT_ID, trustLevel: 'A' as const },
      { code: 'LEASE_RECORD', electronicCertificateNumber: 'BA-2024-5000', trustLevel: 'A' as const },
    ];
    const ok = await env.client.submitApplication(cancel(known), { idempotencyKey: 'contract-key-certificate1' });
    expect(ok.replayed).toBe(false);
    const stored = env.sandbox.db.prepare('SELECT materials_json FROM applications WHERE acceptance_number = ?').pluck().get(ok.receipt.acceptanceNumber) as string;
    expect(JSON.parse(stored)).toEqual(known);

    const refuse = async (materials: ApplicationSubmission['materials'], key: string) => {
      const e = await env.client.submitApplication(cancel(materials), { idempotencyKey: key }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(BackendError);
      expect(e).toMatchObject({ code: 'validation', status: 422, serverCode: 'certificate_unknown', details: { code: 'LEASE_RECORD' } });
      expect(JSON.stringify((e as BackendError).details)).not.toContain('BA-2024');
    };
    await refuse([known[0]!, { ...known[1]!, electronicCertificateNumber: 'BA-2024-9999' }], 'contract-key-certificate2');
    // Held by the applicant, but the wrong type for this material (a 户口簿 is no lease registration).
    await refuse([known[0]!, { ...known[1]!, electronicCertificateNumber: 'HK440000' }], 'contract-key-certificate3');
    // res03's real lease registration is not res01's to use.
    await refuse([known[0]!, { ...known[1]!, electronicCertificateNumber: 'BA-2024-5002' }], 'contract-key-certificate6');

    // A certificate material carries no upload, and an uploaded one needs all of its file fields.
    const mixed = await env.client.submitApplication(cancel([{ ...known[0]!, uploadId: 'up_abcdefgh12' } as never]), { idempotencyKey: 'contract-key-certificate4' }).catch((x: unknown) => x);
    expect(mixed).toMatchObject({ code: 'validation' });
    const weak = await env.client.submitApplication(cancel([{ ...known[0]!, trustLevel: 'C' } as never]), { idempotencyKey: 'contract-key-certificate5' }).catch((x: unknown) => x);
    expect(weak).toMatchObject({ code: 'validation' });
  });

  it('request bodies are validated by the sandbox from the spec', async () => {
    const e = await env.client.lookupResident({ idNumber: 'not-an-id', fields: ['contactPhone'] }).catch((x: unknown) => x);
    expect((e as BackendError).code).toBe('validation');
    expect((e as BackendError).status).toBe(400);
  });

  it('identity by phone code: verified once, then refused as already used', async () => {
    const { issueIdentityCode } = await import('../sandbox/handlers/identity-codes');
    const { code } = issueIdentityCode(env.sandbox.db, Date.now(), 'res01', 'ctid');
    const request = { code, codeKind: 'ctid' as const, terminalId: 'SZ-DEV-0001', scannedAt: new Date().toISOString(), purpose: 'session' as const };
    expect(await env.client.verifyIdentityCode(request)).toMatchObject({ outcome: 'verified', identity: { idNumber: RESIDENT_ID, name: RESIDENT_NAME } });
    mark('verifyIdentityCode');
    expect(await env.client.verifyIdentityCode(request)).toEqual({ outcome: 'refused', reason: 'already_used' });
  });

  it('every operation of the spec was exercised, and the sandbox answered only as the spec describes', () => {
    expect([...called].sort()).toEqual([...specValidator().operations.keys()].sort());
    expect(env.sandbox.specViolations()).toEqual([]);
  });
});
