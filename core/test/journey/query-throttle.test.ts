// Wrong query passwords are counted per acceptance number in main: the number is kept (the error says how
// many tries are left), and after five the number is locked with a clear message, whoever asks next.
import { describe, expect, it } from 'vitest';
import { BackendError } from '@easydo/backend-client/errors';
import type { BackendClient } from '@easydo/backend-client/client';
import type { Journal } from '@easydo/backend-client/outbox/journal';
import type { CatalogueService } from '../../src/services/catalogue/catalogue-service';
import { ProgressService } from '../../src/services/journey/progress';
import { QueryThrottle } from '../../src/services/journey/query-throttle';
import { Failure } from '../../src/services/errors/failure';

const NUMBER = '440304QR002040012025010200017';
const STATUS = { acceptanceNumber: NUMBER, itemCode: 'QR00204001', itemName: { zh: '社会保险参保缴费证明', en: 'Social insurance contribution record' }, department: { code: '440304RS', name: '区人力资源局' }, submittedAt: '2025-01-02T01:30:00Z', dueDate: null, stage: '预受理', evaluated: false, history: [] };

function service(now: { t: number }) {
  let asked = 0;
  const client = {
    queryApplication: async ({ queryPassword }: { queryPassword: string }) => {
      asked++;
      if (queryPassword !== '836412') throw new BackendError({ code: 'not_found', message: 'no such application', operationId: 'queryApplication', status: 404 });
      return STATUS;
    },
  } as unknown as BackendClient;
  const svc = new ProgressService(client, {} as Journal, {} as CatalogueService, new QueryThrottle({ maxTries: 5, lockMinutes: 15, now: () => now.t }));
  return { svc, asked: () => asked };
}

async function failure(p: Promise<unknown>): Promise<Failure> {
  try {
    await p;
  } catch (err) {
    if (err instanceof Failure) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('query throttle', () => {
  it('counts down per number, locks after five wrong passwords, and refuses even the right one while locked', async () => {
    const now = { t: 1_000_000 };
    const { svc, asked } = service(now);
    for (let i = 1; i <= 4; i++) {
      const f = await failure(svc.byNumber(NUMBER, '000000'));
      expect(f.reason).toBe('query-wrong-password');
      expect(f.params).toEqual({ triesLeft: 5 - i });
    }
    const fifth = await failure(svc.byNumber(NUMBER, '000000'));
    expect(fifth.reason).toBe('query-locked');
    expect(fifth.params).toEqual({ minutes: 15 });
    const before = asked();
    const lockedRight = await failure(svc.byNumber(NUMBER, '836412'));
    expect(lockedRight.reason).toBe('query-locked');
    expect(asked()).toBe(before); // a locked number does not reach the backend
    // Another number is not affected.
    expect((await failure(svc.byNumber('440304QR002040012025010200018', '000000'))).reason).toBe('query-wrong-password');

    now.t += 15 * 60_000 + 1;
    expect((await svc.byNumber(NUMBER, '836412')).acceptanceNumber).toBe(NUMBER);
  });

  it('a right password clears the count', async () => {
    const now = { t: 0 };
    const { svc } = service(now);
    for (let i = 0; i < 4; i++) await failure(svc.byNumber(NUMBER, '000000'));
    await svc.byNumber(NUMBER, '836412');
    expect((await failure(svc.byNumber(NUMBER, '000000'))).params).toEqual({ triesLeft: 4 });
  });
});
