// Building blocks of the contract table: a channel is a request schema, a response schema, the modes that
// may call it and what the caller must have before its handler runs; an event is a payload schema and the
// modes that receive it.
import type { z } from 'zod';
import type { Mode } from './modes';

/**
 * What a channel needs of its caller beyond the mode, enforced once by main's router before the handler runs:
 * `card` a resident session holding a card, `clerk` a clerk signed in at the calling window, `admin` a window an
 * admin entered with the PIN. The handler receives what was checked (the card session, the clerk).
 */
export type Precondition = 'card' | 'clerk' | 'admin';

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType, P extends Precondition = Precondition> {
  request: Req;
  response: Res;
  modes: readonly Mode[];
  /** One line for docs and the admin log. */
  summary: string;
  /** Nothing when the channel needs only the mode. */
  requires?: readonly P[];
  /**
   * Something the resident did (not a read or a poll): main's idle safety net starts its countdown again, so a
   * stuck screen that keeps polling cannot keep a session alive.
   */
  residentActivity?: true;
}

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P;
  modes: readonly Mode[];
  summary: string;
}

export function channel<Req extends z.ZodType, Res extends z.ZodType, const P extends Precondition = never>(
  spec: ChannelSpec<Req, Res, P>,
): ChannelSpec<Req, Res, NoInfer<P>> {
  // NoInfer: P comes from `requires` alone, never from a table's contextual type (no `requires` = none).
  return spec;
}

export function event<P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> {
  return spec;
}
