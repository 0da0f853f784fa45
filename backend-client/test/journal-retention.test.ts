// Retention: every state the outbox no longer works on loses its personal data after the retention period
// (delivered, failed, needs-clerk, quarantined, abandoned drafts); a pending application never does. What
// identifies a person (acceptance number, error text that echoes submitted data) is sealed at rest.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal, type NewApplication } from '../src/outbox/journal';
import { createKeyFileProvider } from '../src/outbox/key-file-provider';
import { RESIDENT_ID, RESIDENT_NAME, tempDir } from './helpers';

const HOUR = 3600_000;
const ACCEPTANCE = '440304QR0020400120300101234567';
const app = (label: string): NewApplication => ({
  itemCode: 'QR00204001',
  applicant: { type: 'natural_person', idType: 'resident', idNumber: RESIDENT_ID, name: RESIDENT_NAME },
  channel: 'counter',
  form: { applicantName: RESIDENT_NAME, applicantIdNumber: RESIDENT_ID },
  clerkToken: 'clerk-token-that-expires',
  label,
});
const page = () => ({ code: 'ID_CARD', pageCount: 1, trustLevel: 'B' as const, contentType: 'application/pdf' as const, data: Buffer.from(`page of ${RESIDENT_ID}`) });
const receipt = { acceptanceNumber: ACCEPTANCE, queryPassword: '123456', stage: '预受理' as const, itemCode: 'QR00204001', department: { code: '440304RS', name: 'x' }, submittedAt: new Date(0).toISOString(), dueDate: '2030-01-01' };

function fileBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

describe('journal retention and sealed columns', () => {
  it('purges every settled state after its retention, never a pending one; the acceptance number and error text are never plain', async () => {
    const dir = tempDir('journal-retention');
    const file = join(dir, 'j.db');
    let now = 1_000_000_000_000;
    const j = await openJournal({ file, keyProvider: createKeyFileProvider(join(dir, 'k')), now: () => now });
    try {
      const id = async (label: string) => (await j.findByLabel(label))!.localId;
      await j.enqueue(app('pending'), [page()]);
      await j.enqueue(app('delivered'), [page()]);
      await j.markAccepted(await id('delivered'), receipt);
      await j.enqueue(app('evaluation-owed'), [page()]);
      await j.markAccepted(await id('evaluation-owed'), { ...receipt, acceptanceNumber: `${ACCEPTANCE}9` });
      await j.recordEvaluation(await id('evaluation-owed'), { acceptanceNumber: `${ACCEPTANCE}9`, itemCode: 'QR00204001', departmentCode: '440304RS', level: '满意', indicators: { overall: '满意' }, channel: 'counter' });
      await j.enqueue(app('refused'), [page()]);
      // A server message may echo what was sent: stored sealed like the rest.
      await j.markFailed(await id('refused'), `validation: applicantName ${RESIDENT_NAME} does not match ${RESIDENT_ID}`);
      await j.enqueue(app('clerk'), [page()]);
      await j.markNeedsClerk(await id('clerk'), 'unauthorized/unauthorized: clerk session unknown or expired');
      await j.enqueue(app('damaged'), [page()]);
      await j.quarantine(await id('damaged'), 'unreadable');
      await j.createDraft(app('abandoned-draft'));
      await j.enqueue(app('retrying'), [page()]);
      await j.scheduleRetry(await id('retrying'), `network: ${RESIDENT_NAME}`, now + HOUR);

      await j.checkpoint();
      const bytes = fileBytes(file);
      for (const needle of [ACCEPTANCE, RESIDENT_NAME, RESIDENT_ID, 'clerk-token-that-expires']) {
        expect(bytes.indexOf(Buffer.from(needle)), `plain "${needle.slice(0, 6)}…" in the file`).toBe(-1);
      }
      expect((await j.get(await id('delivered'))).acceptanceNumber).toBe(ACCEPTANCE);
      expect(await j.get(await id('refused'))).toMatchObject({ state: 'failed', problem: 'refused', lastError: expect.stringContaining(RESIDENT_NAME) });
      // The expired token is a credential: it is not kept once refused.
      expect(await j.get(await id('clerk'))).toMatchObject({ state: 'needs-clerk', problem: 'clerk-token-expired' });
      expect((await j.get(await id('clerk'))).submission?.clerkToken).toBeUndefined();

      expect(await j.purge(2 * HOUR)).toBe(0); // nothing is past its retention yet
      now += 100 * 24 * HOUR;
      expect(await j.purge(2 * HOUR)).toBe(5); // delivered, refused, needs-clerk, quarantined, draft

      const byLabel = async (label: string) => (await j.findByLabel(label))!;
      for (const label of ['delivered', 'refused', 'clerk', 'damaged', 'abandoned-draft']) {
        const a = await byLabel(label);
        expect(a.purgedAt, label).not.toBeNull();
        expect(a, label).toMatchObject({ submission: null, receipt: null, acceptanceNumber: null, lastError: null });
        await expect(j.materialData(a.localId, 0), label).rejects.toThrow();
      }
      // Never re-authorised in time: it can no longer be sent, and says so.
      expect(await byLabel('clerk')).toMatchObject({ state: 'failed', problem: 'clerk-token-expired' });
      expect(await byLabel('damaged')).toMatchObject({ state: 'quarantined', problem: 'unreadable' });
      // Still owed to the platform: kept, however old.
      for (const label of ['pending', 'retrying', 'evaluation-owed']) {
        expect((await byLabel(label)).purgedAt, label).toBeNull();
        expect((await byLabel(label)).submission?.applicant.idNumber, label).toBe(RESIDENT_ID);
      }
      expect((await j.materialData((await byLabel('pending')).localId, 0)).toString()).toContain(RESIDENT_ID);
      expect(await j.counts()).toMatchObject({ pending: 2, delivered: 2, failed: 2, quarantined: 1, needsClerk: 0, evaluationsPending: 1 });
    } finally {
      await j.close();
    }
  });
});
