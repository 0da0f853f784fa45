// Handlers of held applications (needs-clerk): the list, and the signed-in clerk's re-authorisation (the router
// has checked the clerk: contract `requires: clerk`).
import type { HandlersFor } from '@easydo/core/services/ipc/router';
import type { CounterDesks } from './wire';

type HeldChannel = 'held:list' | 'held:reauthorise';

export function heldHandlers(d: CounterDesks): HandlersFor<HeldChannel> {
  const { held } = d;
  return {
    'held:list': async () => ({ applications: await held.list() }),
    'held:reauthorise': async (req, { clerk }) => held.reauthorise(req.localId, { staffId: clerk.view.staffId, token: clerk.token }),
  };
}
