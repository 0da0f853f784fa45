// Messages on the browser shell's WebSocket bridge: the same contract as Electron IPC, as JSON.
// Incoming messages are a trust boundary like any other: parsed with a schema, oversized ones dropped.
import { z } from 'zod';

export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

export const BridgeRequest = z
  .object({
    id: z.number().int().nonnegative(),
    channel: z.string().max(64),
    payload: z.unknown(),
  })
  .strict();
export type BridgeRequest = z.infer<typeof BridgeRequest>;

export type BridgeOutgoing =
  | { id: number; result: unknown }
  | { event: string; payload: unknown };
