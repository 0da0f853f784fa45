// Looking a resident up in the city's resource library (the form's prefill at form:prepare, the electronic
// certificates at materials:begin) happens while the resident stands at the screen, and both go on without it
// (the resident types, or scans paper). So a lookup gets a resident's budget, retries included, not the backend's
// timeout times its attempts (15 s × 3 when the network hangs). Once a lookup has timed out or found no network,
// the platform is in doubt and the next ones get the short budget, until one is answered (the outbox's own doubt
// does the same for the wait at submit).
import { BackendError } from '@easydo/backend-client/errors';
import type { BackendClient } from '@easydo/backend-client/client';

export interface LookupBudget {
  /** A lookup's whole budget while the platform answers. Default 4 000 ms. */
  budgetMs?: number;
  /** While in doubt. Default 1 000 ms. */
  doubtfulMs?: number;
}

export function withLookupBudget(client: BackendClient, options: LookupBudget = {}): BackendClient {
  const budgetMs = options.budgetMs ?? 4000;
  const doubtfulMs = options.doubtfulMs ?? 1000;
  let doubtful = false;
  return {
    ...client,
    async lookupResident(request, opts) {
      const deadlineMs = Math.min(opts?.deadlineMs ?? Number.POSITIVE_INFINITY, doubtful ? doubtfulMs : budgetMs);
      try {
        const record = await client.lookupResident(request, { deadlineMs });
        doubtful = false;
        return record;
      } catch (e) {
        if (e instanceof BackendError && (e.code === 'timeout' || e.code === 'network')) doubtful = true;
        throw e;
      }
    },
  };
}
