// The item's identity rule in front of the journey's form and submission handlers: a session by code alone is
// refused for items that need the physical card, a card session for items that need card plus code (until the
// code confirmed it). Wrapped here so the journey's own wiring stays as it is.
import type { JourneyChannelName } from '@easydo/core/contract/channels';
import type { HandlersFor } from '../ipc/router';
import type { CardSession } from '../session/card-session';
import type { IdentityDesk } from './identity-desk';

export function withItemIdentity<H extends HandlersFor<JourneyChannelName>>(desk: IdentityDesk, handlers: H): H {
  const prepare = handlers['form:prepare'];
  const submit = handlers['application:submit'];
  return {
    ...handlers,
    'form:prepare': (req, caller) => {
      desk.assertItemAllowed((caller as { card: CardSession }).card, req.itemCode);
      return prepare(req, caller);
    },
    'application:submit': (req, caller) => {
      desk.assertItemAllowed((caller as { card: CardSession }).card, req.itemCode);
      return submit(req, caller);
    },
  };
}
