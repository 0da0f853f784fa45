// The resident journey's main-process half on a real terminal: guide, materials with real OCR, submission
// with the PDFs (uploads reach the sandbox), receipt on the virtual printer, reprint, 好差评 delivered,
// progress by number/QR/card, wipe on session end mid-OCR, and the offline path delivered later.
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTerminal, until, type TestTerminal } from './terminal';

// Materials sessions make their private folders under os.tmpdir(): give this file its own, so the test can
// prove they are gone without looking at other processes' files.
const TMP = mkdtempSync(path.join(os.tmpdir(), 'easydo-journey-tmp-'));
process.env.TMPDIR = TMP;
const materialDirs = () => readdirSync(TMP).filter((n) => n.startsWith('easydo-materials-'));

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/materials');
const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-artifacts/journey');

let t: TestTerminal;
let lease: string;
beforeAll(async () => {
  t = await startTestTerminal();
  lease = (await readFile(path.join(FIXTURES, 'lease-contract.clean.png'))).toString('base64');
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await t?.close();
});

// 房屋租赁备案变更: ID card and lease registration as e-certificates (res01 holds both), the lease on paper.
const ITEM = 'XK00401002';

type Accepted = { localId: string; acceptanceNumber: string; queryPassword: string };

/** A card session of its own: the reader reads a card once per placement, so one still lying there is lifted. */
async function freshCard(id: string): Promise<void> {
  const cardEvents = t.events.filter((e) => e.name === 'card:read' || e.name === 'card:other' || e.name === 'card:removed');
  if (cardEvents.length > 0 && cardEvents.at(-1)!.name !== 'card:removed') await t.removeCard();
  await t.placeCard(id);
}

/** Each case that needs an accepted application makes its own, as the capture case below does but without waiting
 * for OCR (filing a page needs no OCR; the submission's wipe cancels it): the capture case is OCR's test. */
async function acceptedLease(): Promise<Accepted> {
  await freshCard('res01');
  const begun = await t.call('materials:begin', { itemCode: ITEM });
  const certOf = (type: string) => begun.certificates.find((c) => c.type === type)!.id;
  await t.call('materials:useCertificate', { materialCode: 'ID_CARD', certificateId: certOf('居民身份证') });
  await t.call('materials:useCertificate', { materialCode: 'LEASE_RECORD', certificateId: certOf('房屋租赁登记备案证明') });
  const page = await t.call('materials:addImage', { imageBase64: lease, source: 'file' });
  await t.call('materials:assign', { pageId: page.id, materialCode: 'LEASE' });
  const res = await t.call('application:submit', { itemCode: ITEM, form: { reason: '租期延长，变更备案' } });
  expect(res.acceptanceNumber).toBeTruthy();
  return { localId: res.localId, acceptanceNumber: res.acceptanceNumber!, queryPassword: res.queryPassword! };
}

describe('journey services', () => {
  it('gives any item guide without a session', async () => {
    expect(t.terminal.sessions.current()).toBeNull();
    const guide = await t.call('catalogue:item', { itemCode: ITEM });
    expect(guide.name.zh).toBe('房屋租赁备案变更');
    expect(guide.timeLimitDays).toBe(3);
    // Without a card the guide lists each card family's own identity document; a session narrows it (below).
    expect(guide.materials.map((m) => m.code)).toEqual(['ID_CARD', 'HMT_PERMIT', 'FOREIGN_PR_CARD', 'LEASE', 'LEASE_RECORD']);
    expect(guide.materials[0]).toMatchObject({ originalsRequired: true, electronicCertificateType: '居民身份证' });
    expect((await t.failure('catalogue:item', { itemCode: 'NOPE' })).code).toBe('validation');
  });

  it('captures materials, refuses a submission with missing ones, then submits the PDFs and the chosen certificates', async () => {
    await freshCard('res01');
    const begun = await t.call('materials:begin', { itemCode: ITEM });
    expect(begun.checklist.missing).toEqual(['ID_CARD', 'LEASE', 'LEASE_RECORD']);
    const types = begun.certificates.map((c) => c.type);
    expect(types).toEqual(expect.arrayContaining(['居民身份证', '房屋租赁登记备案证明']));
    expect(JSON.stringify(begun.certificates)).not.toContain('440304199604122469');
    const certOf = (type: string) => begun.certificates.find((c) => c.type === type)!.id;
    await t.call('materials:useCertificate', { materialCode: 'ID_CARD', certificateId: certOf('居民身份证') });
    const afterCerts = await t.call('materials:useCertificate', { materialCode: 'LEASE_RECORD', certificateId: certOf('房屋租赁登记备案证明') });
    expect(afterCerts.checklist.missing).toEqual(['LEASE']);

    const form = { reason: '租期延长，变更备案' };
    const refused = await t.failure('application:submit', { itemCode: ITEM, form });
    expect(refused).toMatchObject({ code: 'validation', reason: 'materials-missing' });
    expect(refused.issues?.map((i) => i.path)).toEqual(['materials.LEASE']);
    // Named as the catalogue names it, so a screen says which document, not its code.
    expect(refused.issues?.[0]).toMatchObject({ problem: 'missing', label: { zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.any(String) } });

    const page = await t.call('materials:addImage', { imageBase64: lease, source: 'file' });
    expect(page.trust).toBe('C');
    expect(Buffer.from(page.thumbnailBase64, 'base64').length).toBeGreaterThan(100);
    expect(materialDirs()).toHaveLength(1);
    // Checked on every event (OCR's end publishes materials:changed): a loaded machine only makes it later.
    const done = await t.afterEvents(async () => {
      const s = await t.call('materials:list', {});
      const p = s.pages.find((x) => x.id === page.id);
      return p && ['done', 'failed', 'cancelled'].includes(p.ocr) ? p : undefined;
    });
    expect(done.ocr).toBe('done');
    expect(done.suggestedCode).toBe('LEASE');
    expect(t.events.some((e) => e.name === 'materials:ocrProgress')).toBe(true);
    expect(t.events.some((e) => e.name === 'materials:changed')).toBe(true);

    const assigned = await t.call('materials:assign', { pageId: page.id, materialCode: 'LEASE' });
    expect(assigned.checklist.complete).toBe(true);

    const uploadsBefore = t.terminal.backend.sandbox!.stats().uploads;
    const res = await t.call('application:submit', { itemCode: ITEM, form });
    expect(res.acceptanceNumber).toBeTruthy();
    expect(t.terminal.backend.sandbox!.stats().uploads).toBe(uploadsBefore + 1);
    const app = await t.terminal.applications.journal.get(res.localId);
    expect(app.materials).toMatchObject([
      { code: 'LEASE', kind: 'file', pageCount: 1, contentType: 'application/pdf' },
      { code: 'ID_CARD', kind: 'certificate', trustLevel: 'A', contentType: null },
      { code: 'LEASE_RECORD', kind: 'certificate', trustLevel: 'A', contentType: null },
    ]);
    // The chosen 电子证照 reached the platform with their full numbers (res01's library record), no upload.
    const stored = t.terminal.backend.sandbox!.db.prepare('SELECT materials_json FROM applications WHERE acceptance_number = ?').pluck().get(res.acceptanceNumber) as string;
    expect(JSON.parse(stored)).toEqual(expect.arrayContaining([
      { code: 'ID_CARD', electronicCertificateNumber: '440304199604122469', trustLevel: 'A' },
      { code: 'LEASE_RECORD', electronicCertificateNumber: 'BA-2024-5000', trustLevel: 'A' },
      expect.objectContaining({ code: 'LEASE', trustLevel: 'C', pageCount: 1 }),
    ]));
    // Images and OCR text are gone once the application is journaled.
    expect(materialDirs()).toHaveLength(0);
    expect((await t.failure('materials:list', {})).reason).toBe('no-materials');
  }, 600_000); // a bound that never matters: real OCR on a loaded 2-core machine

  it('prints the receipt on the virtual printer, masked, with the number and the QR link', async () => {
    const accepted = await acceptedLease();
    const virtual = t.terminal.receiptPrinter.virtual!;
    const before = virtual.jobs.length;
    const view = await t.call('receipt:print', { localId: accepted.localId });
    expect(view).toMatchObject({ kind: 'accepted', acceptanceNumber: accepted.acceptanceNumber, reprint: false });
    // The platform's progress page on the configured host, with the slip's token: never the password.
    const link = new URL(view.qrPayload);
    expect(`${link.protocol}//${link.host}${link.pathname}`).toBe(`https://${t.terminal.config().progressHost}/progress/${encodeURIComponent(accepted.acceptanceNumber)}`);
    expect(link.searchParams.get('t')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(view.qrPayload).not.toContain(accepted.queryPassword);
    expect(view.lines).toContain('证件号码：440304********2469');
    // Materials satisfied by 电子证照 read as such on the receipt (one each), not as scanned pages.
    expect(view.lines.filter((l) => l.includes('电子证照'))).toHaveLength(2);
    expect(view.pngBase64 && Buffer.from(view.pngBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const job = virtual.jobs[before]!;
    const paper = job.lines.join('\n');
    expect(paper).toContain('440304********2469');
    expect(paper).not.toContain('440304199604122469');
    expect(paper).not.toContain('卓岚');
    expect(paper).toContain(accepted.acceptanceNumber);
    expect(paper).toContain(view.qrPayload);
    expect(paper).toContain('房屋租赁合同');
    expect((await t.terminal.applications.journal.get(accepted.localId)).state).toBe('receipt-printed');
  }, 120_000);

  it('reprints by number and password, and refuses a wrong password', async () => {
    const accepted = await acceptedLease();
    const virtual = t.terminal.receiptPrinter.virtual!;
    const before = virtual.jobs.length;
    const view = await t.call('receipt:reprint', { acceptanceNumber: accepted.acceptanceNumber, queryPassword: accepted.queryPassword });
    expect(view.reprint).toBe(true);
    expect((await virtual.waitForJobs(before + 1))[before]!.lines.join('\n')).toContain('（补打）');
    const wrong = await t.failure('receipt:reprint', { acceptanceNumber: accepted.acceptanceNumber, queryPassword: 'x'.repeat(6) });
    // A wrong password counts against this number's tries (the throttle), and says how many are left.
    expect(wrong).toMatchObject({ code: 'validation', reason: 'query-wrong-password', params: { triesLeft: 4 } });
  }, 120_000);

  it("reprints from the slip's QR (its progress-page link, checked against this terminal's secret); a forged token is a wrong try", async () => {
    const accepted = await acceptedLease();
    const virtual = t.terminal.receiptPrinter.virtual!;
    const before = virtual.jobs.length;
    const slip = await t.call('receipt:reprint', { acceptanceNumber: accepted.acceptanceNumber, queryPassword: accepted.queryPassword });
    expect(slip.qrPayload).toMatch(/^https:\/\/[^/]+\/progress\//);
    const view = await t.call('receipt:reprint', { qrPayload: slip.qrPayload });
    expect(view).toMatchObject({ reprint: true, acceptanceNumber: accepted.acceptanceNumber });
    expect((await virtual.waitForJobs(before + 2))[before + 1]!.lines.join('\n')).toContain('（补打）');
    const forged = slip.qrPayload.replace(/t=[A-Za-z0-9_-]{22}/, `t=${'A'.repeat(22)}`);
    expect(forged).not.toBe(slip.qrPayload);
    const wrong = await t.failure('receipt:reprint', { qrPayload: forged });
    expect(wrong).toMatchObject({ code: 'validation', reason: 'query-wrong-password', params: { triesLeft: 4 } });
    expect(virtual.jobs.length).toBe(before + 2);
  }, 120_000);

  it('records the 好差评 once and delivers it', async () => {
    const accepted = await acceptedLease();
    const before = t.terminal.backend.sandbox!.stats().evaluations;
    const res = await t.call('evaluation:rate', { localId: accepted.localId, level: 1, indicators: { overall: 1, efficiency: 2, quality: 1, attitude: 1 }, comment: '很方便' });
    expect(res).toEqual({ localId: accepted.localId, delivered: true });
    expect(t.terminal.backend.sandbox!.stats().evaluations).toBe(before + 1);
    expect((await t.terminal.applications.journal.get(accepted.localId)).evaluation).toMatchObject({ level: '非常满意', indicators: { efficiency: '满意' } });
    const again = await t.failure('evaluation:rate', { localId: accepted.localId, level: 3, indicators: { overall: 3 } });
    expect(again).toMatchObject({ code: 'state', reason: 'already-evaluated' });
  }, 120_000);

  it('queries progress by number + password (it moves), by the receipt QR and by the card', async () => {
    const accepted = await acceptedLease();
    const { qrPayload } = await t.call('receipt:print', { localId: accepted.localId });
    const moved = await until(async () => {
      const p = await t.call('progress:query', { acceptanceNumber: accepted.acceptanceNumber, queryPassword: accepted.queryPassword });
      return p.history.length >= 2 ? p : undefined;
    }, 'the sandbox to move the application on');
    expect(moved.history[0]).toMatchObject({ stage: '预受理', stageLabel: { zh: '预受理' } });
    expect(moved.history[1]!.explanation.en.length).toBeGreaterThan(10);
    expect(moved.itemName.zh).toBe('房屋租赁备案变更');

    const byQr = await t.call('progress:queryQr', { payload: qrPayload });
    expect(byQr.acceptanceNumber).toBe(accepted.acceptanceNumber);
    expect((await t.failure('progress:queryQr', { payload: 'https://example.com/?no=1&pw=2' })).reason).toBe('qr-unknown');
    expect((await t.failure('progress:query', { acceptanceNumber: accepted.acceptanceNumber, queryPassword: '000000' })).reason).toBe('query-wrong-password');

    const mine = await t.call('progress:queryByCard', {});
    expect(mine.applications.map((a) => a.acceptanceNumber)).toContain(accepted.acceptanceNumber);
  }, 120_000);

  it('a guest may read guides and query progress, but not capture materials', async () => {
    const accepted = await acceptedLease();
    const info = await t.call('session:startGuest', {});
    expect(info).toMatchObject({ active: true, guest: true });
    expect(info.idleLimitSeconds).toBe(60 + 30 + 15);
    expect((await t.call('progress:query', { acceptanceNumber: accepted.acceptanceNumber, queryPassword: accepted.queryPassword })).acceptanceNumber).toBe(accepted.acceptanceNumber);
    expect((await t.failure('materials:begin', { itemCode: ITEM })).reason).toBe('no-card');
    expect((await t.failure('progress:queryByCard', {})).reason).toBe('no-card');
    await t.call('session:end', { reason: 'finished' });
  }, 120_000);

  it('ending the session mid-OCR cancels it and deletes the images', async () => {
    await freshCard('res01');
    await t.call('materials:begin', { itemCode: ITEM });
    const page = await t.call('materials:addImage', { imageBase64: lease, source: 'camera' });
    expect(page.ocr).toBe('queued');
    expect(materialDirs()).toHaveLength(1);
    await t.call('session:end', { reason: 'cancelled' });
    expect(materialDirs()).toHaveLength(0);
    expect(t.terminal.sessions.current()).toBeNull();
    expect((await t.failure('materials:list', {})).reason).toBe('no-card');
  });

  it('card removal ends the session only where the item needs the card to stay', async () => {
    await freshCard('res01');
    const first = t.terminal.sessions.current();
    await t.removeCard();
    expect(t.terminal.sessions.current()).toBe(first);

    await t.placeCard('res01');
    await t.call('session:requireCard', { required: true });
    t.terminal.idReader.simulator!.remove();
    await until(() => (t.terminal.sessions.current() === null ? true : undefined), 'the session to end on card removal');
    expect(t.events.some((e) => e.name === 'session:ended' && (e.payload as { reason: string }).reason === 'card-removed')).toBe(true);
  });

  it('offline: journaled, honest offline receipt, tracked locally, delivered after the backend returns', async () => {
    await t.placeCard('res02');
    const sandbox = t.terminal.backend.sandbox!;
    const before = sandbox.stats().applications;
    // The catalogue is cached by now; every backend call fails from here.
    sandbox.setFaults('error5xx=1');
    // 流动人口婚育证明 without the library (offline): the resident typed what the library would have filled.
    const res = await t.call('application:submit', {
      itemCode: 'GF00103001',
      form: { contactPhone: '13800138001', householdAddress: '广东省深圳市福田区示例路1号', residenceAddress: '广东省深圳市福田区示例路1号' },
    });
    expect(res).toMatchObject({ acceptanceNumber: null, localStage: 'submitted-locally' });
    const view = await t.call('receipt:print', { localId: res.localId });
    expect(view).toMatchObject({ kind: 'offline', acceptanceNumber: null, trackingCode: res.trackingCode });
    expect(view.lines).toContain('已提交，待受理');
    expect(view.qrPayload).toBe(`easydo://track?code=${res.trackingCode}`);
    const tracked = await t.call('progress:queryQr', { payload: view.qrPayload });
    expect(tracked).toMatchObject({ stage: '待提交', acceptanceNumber: null });
    expect((await t.failure('evaluation:rate', { localId: res.localId, level: 2, indicators: { overall: 2 } })).reason).toBe('not-accepted');

    sandbox.setFaults(undefined);
    await t.terminal.applications.outbox.drainNow();
    expect(sandbox.stats().applications).toBe(before + 1);
    const delivered = await t.terminal.applications.journal.get(res.localId);
    expect(delivered.state).toBe('accepted');
    const nowTracked = await t.call('progress:queryQr', { payload: view.qrPayload });
    expect(nowTracked.acceptanceNumber).toBe(delivered.acceptanceNumber);

    // Paper out: the application is in all the same; the receipt comes back unprinted for the screen, with the
    // device reason it can explain (not an error, not a hang), and prints once the paper is back.
    const virtual = t.terminal.receiptPrinter.virtual!;
    const jobs = virtual.jobs.length;
    virtual.setState('out');
    try {
      const unprinted = await t.call('receipt:print', { localId: res.localId });
      expect(unprinted).toMatchObject({ printed: false, printFault: 'paperOut', acceptanceNumber: delivered.acceptanceNumber, pngBase64: null });
      expect(unprinted.lines.join('\n')).toContain(delivered.acceptanceNumber!);
      // 朗读本页 says what to do instead of taking a slip that is not there.
      expect(unprinted.speech).not.toContain('请取走回执');
      expect(unprinted.speech).toContain('重新打印');
      expect(virtual.jobs.length).toBe(jobs);
    } finally {
      virtual.setState('ok');
    }
    await t.terminal.receiptPrinter.printer.refreshStatus();
    const printed = await t.call('receipt:print', { localId: res.localId });
    expect(printed.printed).not.toBe(false);
    expect(printed.speech).toContain('请取走回执');
    expect(virtual.jobs.length).toBe(jobs + 1);
  });
});

describe('closing', () => {
  it('leaves no materials folder behind', () => {
    expect(existsSync(TMP)).toBe(true);
    expect(materialDirs()).toHaveLength(0);
  });
});
