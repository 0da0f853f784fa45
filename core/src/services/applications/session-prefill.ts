// The prefill a form was prepared with is the prefill it is submitted with: one resource-library lookup per
// session and item (not one for the form and another at submission), and what the screen showed as filled
// stays filled even if the backend became unreachable in between. Held only as long as the session.
import type { CatalogueItem } from '@easydo/backend-client/types';
import type { BackendClient } from '@easydo/backend-client/client';
import type { ResidentSession } from '../session/resident-session';
import { resolvePrefill, type Prefill } from './prefill';

export class SessionPrefill {
  private readonly bySession = new WeakMap<ResidentSession, Map<string, Promise<Prefill>>>();

  constructor(private readonly client: BackendClient) {}

  for(session: ResidentSession, item: CatalogueItem): Promise<Prefill> {
    let items = this.bySession.get(session);
    if (!items) {
      const fresh = new Map<string, Promise<Prefill>>();
      items = fresh;
      this.bySession.set(session, fresh);
      session.onWipe(() => fresh.clear());
    }
    let prefill = items.get(item.code);
    if (!prefill) {
      if (!session.card) throw new Error('session without a card');
      prefill = resolvePrefill(item, session.card, this.client);
      items.set(item.code, prefill);
    }
    return prefill;
  }
}
