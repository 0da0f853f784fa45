// Handlers of held applications (needs-clerk): the list, and the signed-in clerk's re-authorisation.
import type { HandlersFor } from '@easydo/core/services/ipc/router';
import type { CounterDesks } from './wire';

type HeldChannel = 'held:list' | 'held:reauthorise';

export function heldHandlers(d: CounterDesks): HandlersFor<HeldChannel> {
  const { clerks, held } = d;
  return {
    'held:list': async (_req, caller) => {
      clerks.require(caller.windowId);
      return { applications: await held.list() };
    },
    'held:reauthorise': async (req, caller) => {
      const clerk = clerks.require(caller.windowId);
      return held.reauthorise(req.localId, { staffId: clerk.view.staffId, token: clerk.token });
    },
  };
}
