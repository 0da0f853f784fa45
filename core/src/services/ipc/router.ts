// Every IPC call goes through here: the channel must exist, the caller's mode (held in main) must be allowed,
// the payload must match the request schema; the handler's answer is checked against the response schema.
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
import type { CallerContext } from './caller';
import { Failure } from './failure';

export type Handler<C extends ChannelName> = (
  request: z.output<Channels[C]['request']>,
  caller: CallerContext,
) => Promise<ChannelResponse<C>> | ChannelResponse<C>;

/** Exactly one handler per channel: the type makes a missing one a compile error. */
export type HandlerTable = { [C in ChannelName]: Handler<C> };

/** The handlers of one domain's channels (journey, counter, admin); merged into the HandlerTable. */
export type HandlersFor<N extends ChannelName> = { [C in N]: Handler<C> };

export interface RouterOptions {
  handlers: HandlerTable;
  /** Called with internal errors (already stripped of personal data by the logger). */
  onInternalError?: (channel: string, error: unknown) => void;
}

export interface Router {
  invoke(caller: CallerContext, channel: unknown, payload: unknown): Promise<Result<unknown>>;
}

function issuesOf(error: z.ZodError): NonNullable<ContractError['issues']> {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

export function createRouter({ handlers, onInternalError }: RouterOptions): Router {
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
      const parsed = spec.request.safeParse(payload);
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'validation', message: `Invalid request for ${channel}`, issues: issuesOf(parsed.error) },
        };
      }
      try {
        const handler = handlers[channel] as Handler<ChannelName>;
        const value = await handler(parsed.data as never, caller);
        const checked = spec.response.safeParse(value);
        if (!checked.success) {
          onInternalError?.(channel, new Error(`response failed its schema: ${checked.error.message}`));
          return { ok: false, error: { code: 'internal', message: 'The terminal produced an invalid answer' } };
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        if (error instanceof Failure) return { ok: false, error: error.toContractError() };
        onInternalError?.(channel, error);
        return { ok: false, error: { code: 'internal', message: 'Internal error' } };
      }
    },
  };
}
