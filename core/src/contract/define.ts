// Building blocks of the contract table: a channel is a request schema, a response schema and the modes that
// may call it; an event is a payload schema and the modes that receive it.
import type { z } from 'zod';
import type { Mode } from './modes';

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  modes: readonly Mode[];
  /** One line for docs and the admin log. */
  summary: string;
}

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P;
  modes: readonly Mode[];
  summary: string;
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(spec: ChannelSpec<Req, Res>): ChannelSpec<Req, Res> {
  return spec;
}

export function event<P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> {
  return spec;
}
