// How a session's identity was established, beside the session (which knows nothing of codes): a card read,
// a verified phone code, or both checked to be one person. A session not marked here is a card session.
import type { CodeKind, IdentityMethod } from '@easydo/core/contract/schemas/identity-code';
import type { ResidentSession } from './resident-session';

export interface IdentityEvidence {
  method: IdentityMethod;
  codeKind?: CodeKind;
  assurance?: 'low' | 'substantial' | 'high';
}

const evidence = new WeakMap<ResidentSession, IdentityEvidence>();

export function markIdentity(session: ResidentSession, value: IdentityEvidence): void {
  evidence.set(session, value);
}

/** null for a guest (no identity yet). */
export function identityOf(session: ResidentSession | null): IdentityEvidence | null {
  if (!session?.card) return null;
  return evidence.get(session) ?? { method: 'card' };
}
