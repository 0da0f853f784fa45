// Every platform call a person stands waiting for gets a person's budget, retries included, not the backend's
// timeout times its attempts (15 s × 3 when the network hangs). Reads: the resident's record in the city's resource
// library (prefill, electronic certificates), the card session and applicant list behind 我的办件, a progress query,
// a clerk's workload. Actions, sent once and never retried: a phone code's verification, the receipt SMS, a clerk's
// sign-in. Each goes on without the answer (the resident types, scans paper, shows the card, takes the number on
// screen; the clerk is told the platform cannot be reached). Once one call has timed out or found no network the
// platform is in doubt and the next ones get the short budgets, until one is answered (the outbox's own doubt does
// the same for the wait at submit). Calls nobody waits for (uploads, submissions, ratings, heartbeats) go through
// the outbox or the background and keep the backend's own timeout.
import { BackendError } from '@easydo/backend-client/errors';
import type { BackendClient, Waited } from '@easydo/backend-client/client';

export interface WaitingBudget {
  /** A read's whole budget while the platform answers. Default 4 000 ms. */
  readMs?: number;
  /** A read's while in doubt. Default 1 000 ms. */
  doubtfulReadMs?: number;
  /** An action's one attempt while the platform answers (the platform may itself ask another service). Default 8 000 ms. */
  actionMs?: number;
  /** An action's while in doubt. Default 3 000 ms. */
  doubtfulActionMs?: number;
}

export const WAITED_READS = ['lookupResident', 'createCardSession', 'queryApplication', 'listApplicationsByApplicant', 'getClerkWorkload'] as const;
export const WAITED_ACTIONS = ['verifyIdentityCode', 'sendReceiptSms', 'clerkLogin'] as const;
type WaitedCall = (typeof WAITED_READS)[number] | (typeof WAITED_ACTIONS)[number];

export function withWaitingBudget(client: BackendClient, options: WaitingBudget = {}): BackendClient {
  const budgets = {
    read: { sure: options.readMs ?? 4000, doubtful: options.doubtfulReadMs ?? 1000 },
    action: { sure: options.actionMs ?? 8000, doubtful: options.doubtfulActionMs ?? 3000 },
  };
  let doubtful = false;
  const budgeted = <K extends WaitedCall>(name: K, kind: keyof typeof budgets) =>
    (async (request: unknown, opts?: Waited) => {
      const budget = doubtful ? budgets[kind].doubtful : budgets[kind].sure;
      const deadlineMs = Math.min(opts?.deadlineMs ?? Number.POSITIVE_INFINITY, budget);
      try {
        const answer = await (client[name] as (r: unknown, o: Waited) => Promise<unknown>)(request, { deadlineMs });
        doubtful = false;
        return answer;
      } catch (e) {
        if (e instanceof BackendError) doubtful = e.code === 'timeout' || e.code === 'network';
        throw e;
      }
    }) as BackendClient[K];
  const wrapped = { ...client };
  for (const name of WAITED_READS) Object.assign(wrapped, { [name]: budgeted(name, 'read') });
  for (const name of WAITED_ACTIONS) Object.assign(wrapped, { [name]: budgeted(name, 'action') });
  return wrapped;
}
