// Channels and events of counter mode (clerks, queue, intake, verification, documents, workload).
// Add entries here; channels.ts merges them into the one contract table.
import type { ChannelSpec, EventSpec } from '../define';

export const counterChannels = {} satisfies Record<string, ChannelSpec>;
export const counterEvents = {} satisfies Record<string, EventSpec>;
