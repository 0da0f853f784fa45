// The journal on its own: state machine, crash recovery (reopen), encryption at rest with the key
// provider, purge after retention, and no plaintext ID number or name in the SQLite files (db + WAL).
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackendClient } from '../src/client';
import { DEV_TERMINAL } from '../src/dev-terminal';
import { JournalError, openJournal, type NewApplication } from '../src/outbox/journal';
import { createKeyFileProvider } from '../src/outbox/key-file-provider';
import { createOutbox } from '../src/outbox/outbox';
import { freshSandbox, RESIDENT_ID, RESIDENT_NAME, tempDir } from './helpers';

const app = (label?: string): NewApplication => ({
  itemCode: 'QR00204001',
  applicant: { type: 'natural_person', idType: 'resident', idNumber: RESIDENT_ID, name: RESIDENT_NAME },
  channel: 'kiosk',
  form: { applicantName: RESIDENT_NAME, applicantIdNumber: RESIDENT_ID, contactPhone: '13800138001' },
  ...(label ? { label } : {}),
});
const page = () => ({ code: 'ID_CARD', pageCount: 1, trustLevel: 'C' as const, contentType: 'image/png' as const, data: Buffer.from(`居民身份证 ${RESIDENT_NAME} 公民身份号码 ${RESIDENT_ID}`) });

/** res01's lease registration in the resource library: a certificate number is personal data too. */
const LEASE_RECORD_NUMBER = 'BA-2024-5000';
const certificateApp = (label: string): NewApplication => ({
  ...app(label),
  itemCode: 'XK00401003',
  form: { ...app().form, rentalAddress: 'x', rentalContractNumber: 'ZL-2024-1000', reason: '提前退租' },
});

function fileBytes(dbFile: string): Buffer {
  return Buffer.concat([dbFile, `${dbFile}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

describe('journal', () => {
  it('walks draft → submitted-locally → accepted → receipt-printed → evaluated and survives reopening', async () => {
    const dir = tempDir('journal');
    const file = join(dir, 'j.db');
    const keyProvider = createKeyFileProvider(join(dir, 'k'));
    let j = await openJournal({ file, keyProvider });
    const draft = await j.createDraft(app());
    expect(draft.state).toBe('draft');
    expect(draft.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    await j.addMaterial(draft.localId, page());
    await j.submitLocally(draft.localId);
    await j.close(); // "crash" between local submission and delivery
    j = await openJournal({ file, keyProvider });
    const again = await j.get(draft.localId);
    expect(again).toMatchObject({ state: 'submitted-locally', idempotencyKey: draft.idempotencyKey });
    expect(again.submission?.applicant.idNumber).toBe(RESIDENT_ID);
    expect((await j.materialData(draft.localId, 0)).toString()).toContain(RESIDENT_ID);
    await expect(j.markReceiptPrinted(draft.localId)).rejects.toThrow(JournalError);
    const receipt = { acceptanceNumber: 'N1', queryPassword: '123456', stage: '预受理' as const, itemCode: 'QR00204001', department: { code: '440304RS', name: 'x' }, submittedAt: new Date().toISOString(), dueDate: '2030-01-01' };
    await j.markAccepted(draft.localId, receipt);
    await j.markReceiptPrinted(draft.localId);
    const ev = await j.recordEvaluation(draft.localId, { acceptanceNumber: 'N1', itemCode: 'QR00204001', departmentCode: '440304RS', level: '满意', indicators: { overall: '满意' }, channel: 'kiosk' });
    expect(ev).toMatchObject({ state: 'evaluated', evaluationDelivered: false, receipt });
    expect((await j.counts()).depth).toBe(1); // the evaluation still has to be delivered
    await j.close();
  });

  it('carries a certificate-satisfied material sealed, and the outbox submits it without an upload', async () => {
    const dir = tempDir('journal-cert');
    const file = join(dir, 'j.db');
    const j = await openJournal({ file, keyProvider: createKeyFileProvider(join(dir, 'k')) });
    const { sandbox } = await freshSandbox();
    try {
      const queued = await j.enqueue(certificateApp('cert:1'), [page(), { code: 'LEASE_RECORD', trustLevel: 'A', electronicCertificateNumber: LEASE_RECORD_NUMBER }]);
      expect(queued.materials).toMatchObject([
        { idx: 0, kind: 'file', contentType: 'image/png' },
        { idx: 1, kind: 'certificate', code: 'LEASE_RECORD', trustLevel: 'A', contentType: null, sha256: '', size: 0, pageCount: 0, uploadId: null },
      ]);
      expect(await j.certificateNumber(queued.localId, 1)).toBe(LEASE_RECORD_NUMBER);
      const needles = [Buffer.from(LEASE_RECORD_NUMBER), Buffer.from(RESIDENT_ID)];
      const assertClean = () => {
        const bytes = fileBytes(file);
        for (const n of needles) expect(bytes.indexOf(n), `found ${n.length}-byte needle`).toBe(-1);
      };
      assertClean();
      const client = createBackendClient({ baseUrl: sandbox.url, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret });
      const uploadsBefore = sandbox.stats().uploads;
      expect(await createOutbox({ journal: j, client }).drainNow()).toMatchObject({ delivered: 1, failed: 0 });
      expect(sandbox.stats().uploads).toBe(uploadsBefore + 1); // the paper page only
      const delivered = await j.get(queued.localId);
      expect(delivered.state).toBe('accepted');
      const stored = sandbox.db.prepare('SELECT materials_json FROM applications WHERE acceptance_number = ?').pluck().get(delivered.acceptanceNumber) as string;
      expect(JSON.parse(stored)).toEqual([
        expect.objectContaining({ code: 'ID_CARD', trustLevel: 'C', pageCount: 1 }),
        { code: 'LEASE_RECORD', electronicCertificateNumber: LEASE_RECORD_NUMBER, trustLevel: 'A' },
      ]);
      await j.checkpoint();
      assertClean();
    } finally {
      await j.close();
      await sandbox.close();
    }
  });

  it('quarantines rows sealed under another key (kept, visible), releases them when their key is back; the key file is 0600', async () => {
    const dir = tempDir('journal-key');
    const file = join(dir, 'j.db');
    const k1 = createKeyFileProvider(join(dir, 'k1'));
    let j = await openJournal({ file, keyProvider: k1 });
    const queued = await j.enqueue(app('key:1'), [page()]);
    await j.close();
    expect(statSync(join(dir, 'k1')).mode & 0o777).toBe(0o600);
    // A regenerated key (another key file): nothing thrown, nothing dropped, the row is set aside.
    j = await openJournal({ file, keyProvider: createKeyFileProvider(join(dir, 'k2')) });
    expect(await j.counts()).toMatchObject({ pending: 0, quarantined: 1, depth: 0 });
    expect(await j.get(queued.localId)).toMatchObject({ state: 'quarantined', problem: 'wrong-key', heldFrom: 'submitted-locally', submission: null });
    expect(await j.dueForDelivery(Number.POSITIVE_INFINITY)).toEqual([]);
    await j.close();
    // The original key is restored: the row goes back to the outbox, intact.
    j = await openJournal({ file, keyProvider: k1 });
    expect(await j.get(queued.localId)).toMatchObject({ state: 'submitted-locally', problem: null, heldFrom: null, idempotencyKey: queued.idempotencyKey });
    expect((await j.get(queued.localId)).submission?.applicant.idNumber).toBe(RESIDENT_ID);
    expect((await j.materialData(queued.localId, 0)).toString()).toContain(RESIDENT_ID);
    await j.close();
    writeFileSync(join(dir, 'k3'), Buffer.alloc(32).toString('base64'), { mode: 0o644 });
    await expect(openJournal({ file: join(dir, 'other.db'), keyProvider: createKeyFileProvider(join(dir, 'k3')) })).rejects.toThrow(/readable by others/);
  });

  it('holds no plaintext ID number or name in db + WAL, before and after delivery; purge drops personal data', async () => {
    const dir = tempDir('journal-rest');
    const file = join(dir, 'j.db');
    let now = Date.now();
    const j = await openJournal({ file, keyProvider: createKeyFileProvider(join(dir, 'k')), now: () => now });
    const { sandbox } = await freshSandbox();
    try {
      for (let i = 0; i < 5; i++) await j.enqueue(app(`rest:${i}`), [page()]);
      const needles = [Buffer.from(RESIDENT_ID), Buffer.from(RESIDENT_NAME), Buffer.from(RESIDENT_ID.slice(0, 14))];
      const assertClean = () => {
        const bytes = fileBytes(file);
        expect(bytes.length).toBeGreaterThan(0);
        for (const n of needles) expect(bytes.indexOf(n), `found ${n.length}-byte needle`).toBe(-1);
      };
      assertClean();
      const client = createBackendClient({ baseUrl: sandbox.url, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret });
      const outbox = createOutbox({ journal: j, client, retentionMs: 3600_000, now: () => now });
      expect(await outbox.drainNow()).toMatchObject({ delivered: 5 });
      assertClean();
      expect((await j.list()).every((a) => a.submission !== null)).toBe(true);
      // A 好差评 recorded locally is delivered once by the outbox.
      const first = (await j.list())[0]!;
      await j.markReceiptPrinted(first.localId);
      await j.recordEvaluation(first.localId, { acceptanceNumber: first.acceptanceNumber!, itemCode: first.itemCode, departmentCode: first.receipt!.department.code, level: '非常满意', indicators: { overall: '非常满意', efficiency: '满意' }, channel: 'kiosk' });
      expect((await outbox.status()).depth).toBe(1);
      expect(await outbox.drainNow()).toMatchObject({ evaluationsDelivered: 1 });
      expect((await outbox.status()).depth).toBe(0);
      expect(sandbox.stats().evaluations).toBe(1);
      now += 2 * 3600_000;
      expect(await j.purge(3600_000)).toBe(5);
      const purged = await j.list();
      // The tombstone keeps state and times; the acceptance number identifies the case, so it goes too.
      expect(purged.every((a) => a.purgedAt !== null && a.submission === null && a.receipt === null && a.acceptanceNumber === null)).toBe(true);
      expect(purged.map((a) => a.state).sort()).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'evaluated']);
      await expect(j.materialData(purged[0]!.localId, 0)).rejects.toThrow(JournalError);
      await j.checkpoint();
      assertClean();
    } finally {
      await j.close();
      await sandbox.close();
    }
  });
});
