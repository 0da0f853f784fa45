// The checks behind the contract's preconditions (contract/define.ts `requires`, `residentActivity`). Each guard
// returns what it checked, which the router hands the handler, or throws a typed Failure. The composition
// roots provide them: core the card, admin and activity guards, the counter its clerk guard.
import type { Precondition } from '@easydo/core/contract/define';
import type { ClerkView } from '@easydo/core/contract/schemas/counter-clerk';
import type { CardSession } from '../session/card-session';
import type { CallerContext } from './caller';

/** The clerk signed in at the calling window (the token stays in main). */
export interface ClerkOnDuty {
  readonly view: ClerkView;
  readonly token: string;
}

/** What each precondition hands the handler once it holds. */
export interface Granted {
  card: CardSession;
  clerk: ClerkOnDuty;
  /** An authenticated admin: nothing to hand over beyond the fact. */
  admin: true;
}

export type Guards = { [P in Precondition]: (caller: CallerContext) => Granted[P] };

export interface RouterGuards extends Partial<Guards> {
  /** The resident did something: restart main's idle safety net. */
  residentActivity?: (caller: CallerContext) => void;
}
