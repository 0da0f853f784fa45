// Every IPC call goes through here: the channel must exist, the caller's mode (held in main) must be allowed,
// the payload must match the request schema, and the channel's preconditions (a card, a clerk, an admin) must
// hold; the handler gets what they checked. The handler's answer is checked against the response schema.
// Errors come back typed, never as a raw stack.
import type { z } from 'zod';
import {
  channels,
  isChannelName,
  type ChannelName,
  type ChannelResponse,
  type Channels,
} from '@easydo/core/contract/channels';
import type { ContractError, Result } from '@easydo/core/contract/errors';
import type { Precondition } from '@easydo/core/contract/define';
import type { CallerContext } from './caller';
import { Failure } from '../errors/failure';
import type { Granted, RouterGuards } from './preconditions';

/** The preconditions a channel's contract entry lists. */
export type RequiresOf<C extends ChannelName> = NonNullable<Channels[C]['requires']>[number];

/** The caller as a handler sees it: its window and mode, plus what the channel's preconditions checked. */
export type GuardedCaller<C extends ChannelName> = CallerContext & { readonly [P in RequiresOf<C>]: Granted[P] };

export type Handler<C extends ChannelName> = (
  request: z.output<Channels[C]['request']>,
  caller: GuardedCaller<C>,
) => Promise<ChannelResponse<C>> | ChannelResponse<C>;

/** Exactly one handler per channel: the type makes a missing one a compile error. */
export type HandlerTable = { [C in ChannelName]: Handler<C> };

/** The handlers of one domain's channels (journey, counter, admin); merged into the HandlerTable. */
export type HandlersFor<N extends ChannelName> = { [C in N]: Handler<C> };

export interface RouterOptions {
  handlers: HandlerTable;
  /** The checks behind the contract's preconditions; a channel whose check is missing fails closed (internal). */
  guards?: RouterGuards;
  /** Called with internal errors (already stripped of personal data by the logger). */
  onInternalError?: (channel: string, error: unknown) => void;
}

export interface Router {
  invoke(caller: CallerContext, channel: unknown, payload: unknown): Promise<Result<unknown>>;
}

function issuesOf(error: z.ZodError): NonNullable<ContractError['issues']> {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/** The caller with what its channel's preconditions checked (the caller itself when there is nothing to add). */
function guardedCaller(caller: CallerContext, requires: readonly Precondition[], guards: RouterGuards): CallerContext {
  if (requires.length === 0) return caller;
  const granted: Partial<Granted> = {};
  for (const p of requires) {
    const guard = guards[p];
    // A composition that forgot a guard fails closed (internal), never open.
    if (!guard) throw new Error(`no guard for the precondition ${p}`);
    (granted as Record<Precondition, unknown>)[p] = guard(caller);
  }
  return Object.assign(Object.create(caller) as CallerContext, granted);
}

export function createRouter({ handlers, guards = {}, onInternalError }: RouterOptions): Router {
  const failed = (channel: string, error: unknown): Result<unknown> => {
    if (error instanceof Failure) return { ok: false, error: error.toContractError() };
    onInternalError?.(channel, error);
    return { ok: false, error: { code: 'internal', message: 'Internal error' } };
  };
  return {
    async invoke(caller, channel, payload) {
      if (!isChannelName(channel)) {
        return { ok: false, error: { code: 'forbidden', message: 'Unknown channel' } };
      }
      const spec = channels[channel];
      const mode = caller.mode();
      if (!spec.modes.includes(mode)) {
        return { ok: false, error: { code: 'forbidden', message: `Channel ${channel} is not available in ${mode} mode` } };
      }
      let guarded: CallerContext;
      try {
        // Who may call comes before what they said: a missing card or clerk is refused whatever the payload.
        guarded = guardedCaller(caller, spec.requires ?? [], guards);
      } catch (error) {
        return failed(channel, error);
      }
      const parsed = spec.request.safeParse(payload);
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'validation', message: `Invalid request for ${channel}`, issues: issuesOf(parsed.error) },
        };
      }
      try {
        const handler = handlers[channel] as unknown as (request: unknown, caller: CallerContext) => ReturnType<Handler<ChannelName>>;
        // Activity counts when the resident's call starts and again when it ends (a scan takes a while).
        const activity = spec.residentActivity ? guards.residentActivity : undefined;
        activity?.(caller);
        let value: unknown;
        try {
          value = await handler(parsed.data, guarded);
        } finally {
          activity?.(caller);
        }
        const checked = spec.response.safeParse(value);
        if (!checked.success) {
          onInternalError?.(channel, new Error(`response failed its schema: ${checked.error.message}`));
          return { ok: false, error: { code: 'internal', message: 'The terminal produced an invalid answer' } };
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        return failed(channel, error);
      }
    },
  };
}
