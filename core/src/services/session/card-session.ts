// "A card in the session": the one place that says so and refuses otherwise. Main's router checks it for every
// channel whose contract entry requires `card` and hands the handler the session it found.
import type { Mode } from '@easydo/core/contract/modes';
import { Failure } from '../errors/failure';
import type { CardRecord } from './card-record';
import type { ResidentSession } from './resident-session';

/** A resident session that held a card when the call began. */
export type CardSession = ResidentSession & { readonly card: CardRecord };

/** The session with its card, or the typed refusal (worded for whoever stands at the screen). */
export function cardSessionOf(session: ResidentSession | null, mode: Mode = 'kiosk'): CardSession {
  if (session?.card) return session as CardSession;
  throw new Failure('state', mode === 'counter' ? "Read the resident's ID card first" : 'Place your ID card on the reader first', 'no-card');
}
