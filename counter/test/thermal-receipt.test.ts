// documents:print with the thermal option goes through the shared ReceiptDesk: the first print when the
// applicant's card is on the reader, the clerk's 补打 from the journal otherwise, and a typed refusal for an
// application the platform has not numbered yet with nobody's card present.
import { describe, expect, it, vi } from 'vitest';
import { failureOf } from './failure-of';
import { DocumentDesk } from '../src/services/documents/document-desk';

const ID = '440304199604122469';

function setup(opts: { card: string | null; accepted: boolean }) {
  const session = opts.card ? { id: 's1', card: { idNumber: opts.card } } : null;
  const app = {
    localId: 'loc-1',
    itemCode: 'QR00204001',
    state: opts.accepted ? 'accepted' : 'queued',
    submission: { applicant: { idNumber: ID, name: '卓岚' } },
    receipt: opts.accepted ? { acceptanceNumber: 'SL20250101000123', queryPassword: '482913' } : null,
  };
  const jobs: { id: number }[] = [{ id: 1 }];
  const printed = () => {
    jobs.push({ id: jobs.length + 1 });
    return Promise.resolve({});
  };
  const receipts = { print: vi.fn(printed), reprint: vi.fn(printed) };
  const ctx = {
    config: () => ({ devices: { receiptPrinter: { address: 'virtual' } } }),
    applications: { records: { get: () => app } },
    sessions: { current: () => session },
    receipts,
    receiptPrinter: { virtual: { jobs } },
    log: { info: () => undefined, warn: () => undefined },
  };
  return { desk: new DocumentDesk(ctx as never), receipts, session };
}

describe('DocumentDesk thermal receipt', () => {
  it("prints the first receipt when the applicant's card is on the reader", async () => {
    const { desk, receipts, session } = setup({ card: ID, accepted: true });
    expect(await desk.print('loc-1', 'thermal')).toEqual({ kind: 'thermal', target: 'thermal', queue: 'virtual', jobId: '2' });
    expect(receipts.print).toHaveBeenCalledWith(session, 'loc-1');
    expect(receipts.reprint).not.toHaveBeenCalled();
  });

  it("reprints from the journal's number and password when someone else's card (or none) is there", async () => {
    for (const card of ['110101199001011234', null]) {
      const { desk, receipts, session } = setup({ card, accepted: true });
      expect((await desk.print('loc-1', 'thermal')).jobId).toBe('2');
      expect(receipts.reprint).toHaveBeenCalledWith(session, 'SL20250101000123', '482913');
      expect(receipts.print).not.toHaveBeenCalled();
    }
  });

  it('refuses an application not yet accepted without its applicant present', async () => {
    const { desk, receipts } = setup({ card: null, accepted: false });
    expect((await failureOf(desk.print('loc-1', 'thermal'))).reason).toBe('no-card');
    expect(receipts.print).not.toHaveBeenCalled();
    expect(receipts.reprint).not.toHaveBeenCalled();
  });
});
