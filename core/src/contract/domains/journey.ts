// Channels and events of the resident's self-service journey (kiosk mode) beyond the foundation:
// owned by the journey work. Add entries here; channels.ts merges them into the one contract table.
import type { ChannelSpec, EventSpec } from '../define';

export const journeyChannels = {} satisfies Record<string, ChannelSpec>;
export const journeyEvents = {} satisfies Record<string, EventSpec>;
