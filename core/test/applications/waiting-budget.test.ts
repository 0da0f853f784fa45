// Every platform call a person waits for gets a person's budget (reads 4 s, actions 8 s by default) and the short
// one while the platform is in doubt (a call timed out or found no network) until one is answered; a refusal is an
// answer. The doubt is one for all of them. Against a hanging platform each waited call gives up within its budget
// instead of the backend's timeout times its attempts, and an action is still sent once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendError } from '@easydo/backend-client/errors';
import { createBackendClient, type BackendClient } from '@easydo/backend-client/client';
import { startSandbox, DEV_TERMINAL, type Sandbox } from '@easydo/backend-client/sandbox/server';
import type { ResidentRecord } from '@easydo/backend-client/types';
import { WAITED_ACTIONS, WAITED_READS, withWaitingBudget } from '../../src/services/applications/waiting-budget';

type Outcome = 'ok' | 'timeout' | 'network' | 'refused';

function scripted(outcomes: Outcome[]) {
  const deadlines: Array<number | undefined> = [];
  const answer = (result: unknown) => async (_req: unknown, opts?: { deadlineMs?: number }) => {
    deadlines.push(opts?.deadlineMs);
    const next = outcomes.shift();
    if (next === 'ok') return result;
    if (next === 'refused') throw new BackendError({ code: 'http', message: 'refused', operationId: 'x', status: 422, retryable: false });
    throw new BackendError({ code: next ?? 'network', message: String(next), operationId: 'x' });
  };
  const client = {
    lookupResident: answer({ found: false } as ResidentRecord),
    verifyIdentityCode: answer({ outcome: 'verified' }),
    clerkLogin: answer({ token: 't' }),
    getClerkWorkload: answer({}),
  } as unknown as BackendClient;
  return { client, deadlines };
}

const lookup = (c: BackendClient, opts?: { deadlineMs?: number }) =>
  c.lookupResident({ idNumber: '110101199001011234', fields: ['contactPhone'] }, opts).then(() => 'ok', () => 'failed');
const verify = (c: BackendClient) =>
  c.verifyIdentityCode({ code: 'x'.repeat(32), codeKind: 'ctid', terminalId: 'T', scannedAt: new Date().toISOString(), purpose: 'session' }).then(() => 'ok', () => 'failed');

describe('withWaitingBudget', () => {
  it('gives the budget, the short budget after a timeout or no network, and the budget again once answered (a refusal is an answer)', async () => {
    const { client, deadlines } = scripted(['ok', 'timeout', 'timeout', 'network', 'refused', 'ok']);
    const c = withWaitingBudget(client, { readMs: 4000, doubtfulReadMs: 1000 });
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(await lookup(c));
    expect(outcomes).toEqual(['ok', 'failed', 'failed', 'failed', 'failed', 'ok']);
    expect(deadlines).toEqual([4000, 4000, 1000, 1000, 1000, 4000]);
  });

  it('gives actions their own budgets, and shares the doubt between reads and actions', async () => {
    const { client, deadlines } = scripted(['timeout', 'timeout', 'ok', 'ok', 'ok']);
    const c = withWaitingBudget(client, { readMs: 4000, doubtfulReadMs: 1000, actionMs: 8000, doubtfulActionMs: 3000 });
    expect([await verify(c), await lookup(c), await verify(c), await verify(c), await lookup(c)]).toEqual(['failed', 'failed', 'ok', 'ok', 'ok']);
    expect(deadlines).toEqual([8000, 1000, 3000, 8000, 4000]);
  });

  it('keeps a shorter deadline the caller asks for, and leaves the calls nobody waits for as they are', async () => {
    const { client, deadlines } = scripted(['ok']);
    const other = async () => 'catalogue';
    const c = withWaitingBudget({ ...client, getCatalogue: other } as unknown as BackendClient, { readMs: 4000 });
    await lookup(c, { deadlineMs: 500 });
    expect(deadlines).toEqual([500]);
    expect(c.getCatalogue).toBe(other);
  });

  it('decides for every call of the client whether a person waits for it', () => {
    const client = createBackendClient({ baseUrl: 'https://platform.invalid', terminalId: 'T', secret: 's'.repeat(32) });
    // Through the outbox or in the background: a person never stands waiting for one of these.
    const unwaited = ['getCatalogue', 'createUpload', 'getUpload', 'putUploadChunk', 'uploadFile', 'submitApplication', 'submitEvaluation', 'sendHeartbeat'];
    expect([...WAITED_READS, ...WAITED_ACTIONS, ...unwaited].sort()).toEqual(Object.keys(client).sort());
  });
});

describe('withWaitingBudget against a platform that accepts connections and never answers', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ dbFile: join(mkdtempSync(join(tmpdir(), 'waiting-budget-')), 'sandbox.db') });
  });
  afterAll(async () => sandbox.close());

  it('each waited call gives up within its budget, not the backend timeout, and each action is sent once', async () => {
    const raw = createBackendClient({ baseUrl: sandbox.url, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret, timeoutMs: 10_000, maxAttempts: 3, retryBaseMs: 5 });
    const budgets = { readMs: 300, doubtfulReadMs: 150, actionMs: 400, doubtfulActionMs: 200 };
    const c = withWaitingBudget(raw, budgets);
    const now = new Date().toISOString();
    const calls: Array<[string, number, () => Promise<unknown>]> = [
      ['lookupResident', budgets.readMs, () => c.lookupResident({ idNumber: '440304199604122469', fields: ['contactPhone'] })],
      ['verifyIdentityCode', budgets.doubtfulActionMs, () => c.verifyIdentityCode({ code: 'x'.repeat(32), codeKind: 'ctid', terminalId: DEV_TERMINAL.id, scannedAt: now, purpose: 'session' })],
      ['createCardSession', budgets.doubtfulReadMs, () => c.createCardSession({ idNumber: '440304199604122469', cardType: 'resident', readAt: now })],
      ['listApplicationsByApplicant', budgets.doubtfulReadMs, () => c.listApplicationsByApplicant({ cardToken: 't'.repeat(32) })],
      ['queryApplication', budgets.doubtfulReadMs, () => c.queryApplication({ acceptanceNumber: 'SZ0000000000000000', queryPassword: '123456' })],
      ['sendReceiptSms', budgets.doubtfulActionMs, () => c.sendReceiptSms({ acceptanceNumber: 'SZ0000000000000000', queryPassword: '123456', phone: '13800000000' })],
      ['clerkLogin', budgets.doubtfulActionMs, () => c.clerkLogin({ staffId: 'CLERK01', password: 'x' })],
      ['getClerkWorkload', budgets.doubtfulReadMs, () => c.getClerkWorkload('k'.repeat(32))],
    ];
    sandbox.setFaults({ hang: 1 });
    try {
      for (const [name, budget, call] of calls) {
        const before = sandbox.faultsDrawn().hang;
        const e = await call().then(() => null, (x: unknown) => x);
        expect(e, name).toBeInstanceOf(BackendError);
        expect((e as BackendError).code, name).toBe('timeout');
        // The attempt's own timeout is what was left of the budget: never the backend's 10 s.
        const waited = Number(/no answer within (\d+) ms/.exec((e as BackendError).message)?.[1]);
        expect(waited, name).toBeGreaterThan(0);
        expect(waited, name).toBeLessThanOrEqual(budget);
        if ((WAITED_ACTIONS as readonly string[]).includes(name)) expect(sandbox.faultsDrawn().hang - before, name).toBe(1);
      }
    } finally {
      sandbox.setFaults(undefined);
    }
  });
});
