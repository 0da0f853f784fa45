// The platform reads a person waits for get a person's budget, and the short one while the platform is in doubt (a
// read timed out or found no network) until one is answered; a refusal is an answer, not doubt. The doubt is one for
// all three reads.
import { describe, expect, it } from 'vitest';
import { BackendError } from '@easydo/backend-client/errors';
import type { BackendClient } from '@easydo/backend-client/client';
import type { ResidentRecord } from '@easydo/backend-client/types';
import { withLookupBudget } from '../../src/services/applications/lookup-budget';

function scripted(outcomes: Array<'ok' | 'timeout' | 'network' | 'refused'>) {
  const deadlines: Array<number | undefined> = [];
  const client = {
    lookupResident: async (_req: unknown, opts?: { deadlineMs?: number }) => {
      deadlines.push(opts?.deadlineMs);
      const next = outcomes.shift();
      if (next === 'ok') return { found: false } as ResidentRecord;
      if (next === 'refused') throw new BackendError({ code: 'http', message: 'refused', operationId: 'lookupResident', status: 422, retryable: false });
      throw new BackendError({ code: next ?? 'network', message: String(next), operationId: 'lookupResident' });
    },
  } as unknown as BackendClient;
  return { client, deadlines };
}

const ask = (c: BackendClient, opts?: { deadlineMs?: number }) => c.lookupResident({ idNumber: '110101199001011234', fields: ['contactPhone'] }, opts).then(() => 'ok', () => 'failed');

describe('withLookupBudget', () => {
  it('gives the budget, the short budget after a timeout or no network, and the budget again once answered', async () => {
    const { client, deadlines } = scripted(['ok', 'timeout', 'timeout', 'network', 'ok', 'refused', 'ok']);
    const c = withLookupBudget(client, { budgetMs: 4000, doubtfulMs: 1000 });
    expect([await ask(c), await ask(c), await ask(c), await ask(c), await ask(c), await ask(c), await ask(c)]).toEqual(['ok', 'failed', 'failed', 'failed', 'ok', 'failed', 'ok']);
    expect(deadlines).toEqual([4000, 4000, 1000, 1000, 1000, 4000, 4000]);
  });

  it('shares the doubt between the resident lookup, the progress query and the applicant list', async () => {
    const deadlines: Array<number | undefined> = [];
    const fail = (code: 'timeout') => async (_q: unknown, opts?: { deadlineMs?: number }) => {
      deadlines.push(opts?.deadlineMs);
      throw new BackendError({ code, message: code, operationId: 'x' });
    };
    const ok = async (_q: unknown, opts?: { deadlineMs?: number }) => (deadlines.push(opts?.deadlineMs), { applications: [] });
    const c = withLookupBudget({ lookupResident: fail('timeout'), queryApplication: fail('timeout'), listApplicationsByApplicant: ok } as unknown as BackendClient);
    await ask(c);
    await c.queryApplication({ acceptanceNumber: 'x', queryPassword: 'y' }).catch(() => undefined);
    await c.listApplicationsByApplicant({ cardToken: 't' });
    await c.queryApplication({ acceptanceNumber: 'x', queryPassword: 'y' }).catch(() => undefined);
    expect(deadlines).toEqual([4000, 1000, 1000, 4000]);
  });

  it('keeps a shorter deadline the caller asks for, and leaves the other calls as they are', async () => {
    const { client, deadlines } = scripted(['ok']);
    const other = async () => 'catalogue';
    const c = withLookupBudget({ ...client, getCatalogue: other } as unknown as BackendClient, { budgetMs: 4000 });
    await ask(c, { deadlineMs: 500 });
    expect(deadlines).toEqual([500]);
    expect(c.getCatalogue).toBe(other);
  });
});
