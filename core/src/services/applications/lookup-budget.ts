// The platform reads a person waits for at the screen: the resident's record in the city's resource library (the
// form's prefill at form:prepare, the electronic certificates at materials:begin), an application's progress and
// the applicant's list (查询进度, 补打, the counter's documents). Each goes on without the answer (the resident types,
// scans paper, is told the platform cannot be reached), so each gets a person's budget, retries included, not the
// backend's timeout times its attempts (15 s × 3 when the network hangs). Once one has timed out or found no
// network, the platform is in doubt and the next ones get the short budget, until one is answered (the outbox's own
// doubt does the same for the wait at submit).
import { BackendError } from '@easydo/backend-client/errors';
import type { BackendClient } from '@easydo/backend-client/client';

export interface LookupBudget {
  /** A read's whole budget while the platform answers. Default 4 000 ms. */
  budgetMs?: number;
  /** While in doubt. Default 1 000 ms. */
  doubtfulMs?: number;
}

type Budgeted = 'lookupResident' | 'queryApplication' | 'listApplicationsByApplicant';

export function withLookupBudget(client: BackendClient, options: LookupBudget = {}): BackendClient {
  const budgetMs = options.budgetMs ?? 4000;
  const doubtfulMs = options.doubtfulMs ?? 1000;
  let doubtful = false;
  const budgeted = <K extends Budgeted>(name: K) =>
    (async (request: unknown, opts?: { deadlineMs?: number }) => {
      const deadlineMs = Math.min(opts?.deadlineMs ?? Number.POSITIVE_INFINITY, doubtful ? doubtfulMs : budgetMs);
      try {
        const answer = await (client[name] as (r: unknown, o: { deadlineMs: number }) => Promise<unknown>)(request, { deadlineMs });
        doubtful = false;
        return answer;
      } catch (e) {
        if (e instanceof BackendError && (e.code === 'timeout' || e.code === 'network')) doubtful = true;
        throw e;
      }
    }) as BackendClient[K];
  return {
    ...client,
    lookupResident: budgeted('lookupResident'),
    queryApplication: budgeted('queryApplication'),
    listApplicationsByApplicant: budgeted('listApplicationsByApplicant'),
  };
}
