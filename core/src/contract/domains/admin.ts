// Channels and events of admin (maintenance) mode: dashboard, diagnostics, configuration, logs, service state.
// Add entries here; channels.ts merges them into the one contract table.
import type { ChannelSpec, EventSpec } from '../define';

export const adminChannels = {} satisfies Record<string, ChannelSpec>;
export const adminEvents = {} satisfies Record<string, EventSpec>;
