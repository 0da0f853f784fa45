// THE contract: every IPC channel and event between renderer and main. Main's router, the preload, the browser
// shell's bridge and the test harness are all derived from these two tables.
import { z } from 'zod';
import { channel, event } from './define';
import { ALL_MODES } from './modes';
import { Ack, Empty, TerminalInfo } from './schemas/terminal';
import { DeviceSnapshot, ServiceState } from './schemas/device';
import { MaskedCard } from './schemas/card';
import { CatalogueView } from './schemas/catalogue';
import { journeyChannels, journeyEvents } from './domains/journey';
import { identityChannels } from './domains/identity';
import { counterChannels, counterEvents } from './domains/counter';
import { adminChannels, adminEvents } from './domains/admin';
import { remoteHelpCounterChannels, remoteHelpEvents, remoteHelpKioskChannels } from './domains/remote-help';
import { MaintenancePin } from './schemas/maintenance-pin';

const RESIDENT_FACING = ['kiosk', 'counter'] as const;

const foundationChannels = {
  'terminal:info': channel({
    summary: 'Terminal identity, mode of this window, version',
    request: Empty,
    response: TerminalInfo,
    modes: ALL_MODES,
  }),
  'service:state': channel({
    summary: 'Whether the terminal is in service and which features work',
    request: Empty,
    response: ServiceState,
    modes: ALL_MODES,
  }),
  'devices:list': channel({
    summary: 'Every device with status, capabilities, counters and last error',
    request: Empty,
    response: z.array(DeviceSnapshot),
    modes: ['admin'],
  }),
  'catalogue:get': channel({
    summary: 'Service catalogue (from the backend, or the local cache when offline)',
    request: Empty,
    response: CatalogueView,
    modes: ['kiosk', 'counter', 'admin'],
  }),
  'session:current': channel({
    summary: 'The current resident session, masked',
    request: Empty,
    response: z.object({ active: z.boolean(), card: MaskedCard.nullable() }),
    modes: RESIDENT_FACING,
  }),
  'session:end': channel({
    summary: 'End the resident session and wipe everything it held',
    request: z.object({ reason: z.enum(['finished', 'cancelled', 'idle']) }).strict(),
    response: Ack,
    modes: RESIDENT_FACING,
  }),
  'admin:login': channel({
    summary: 'Enter admin mode with the maintenance PIN (lockout after repeated failures)',
    /** `operatorId`: the maintainer's staff number, when the terminal lists maintainers (the audit trail names them). */
    request: z.object({ pin: MaintenancePin, operatorId: z.string().regex(/^\d{3,8}$/).optional() }).strict(),
    response: z.object({ mode: z.literal('admin') }),
    modes: ['kiosk', 'admin'],
  }),
  'admin:logout': channel({
    summary: 'Leave admin mode back to the start mode of this window',
    request: Empty,
    response: Ack,
    modes: ['admin'],
  }),
  'ui:captureScreen': channel({
    summary: 'The window shows (or left) a camera screen; Electron grants the camera only while it does',
    request: z.object({ active: z.boolean() }).strict(),
    response: Ack,
    modes: RESIDENT_FACING,
  }),
  'sim:cards': channel({
    summary: 'Simulator only: the synthetic cards that can be placed on the simulated reader',
    request: Empty,
    response: z.array(z.object({ id: z.string(), label: z.string(), cardType: z.string() })),
    modes: ALL_MODES,
  }),
  'sim:placeCard': channel({
    summary: 'Simulator only: place a synthetic card on the simulated reader',
    /** unreadable: the card lies there but every read fails, as a dirty or askew card does. */
    request: z.object({ cardId: z.string().min(1).max(32), unreadable: z.boolean().optional() }).strict(),
    response: Ack,
    modes: ALL_MODES,
  }),
  'sim:removeCard': channel({
    summary: 'Simulator only: take the card off the simulated reader',
    request: Empty,
    response: Ack,
    modes: ALL_MODES,
  }),
} as const;

export const channels = { ...foundationChannels, ...journeyChannels, ...counterChannels, ...adminChannels, ...remoteHelpKioskChannels, ...remoteHelpCounterChannels, ...identityChannels } as const;

const foundationEvents = {
  'service:changed': event({ summary: 'Service state changed', payload: ServiceState, modes: ALL_MODES }),
  'device:changed': event({ summary: 'A device snapshot changed', payload: DeviceSnapshot, modes: ['admin'] }),
  'card:read': event({ summary: 'A card was read into the session (masked)', payload: MaskedCard, modes: RESIDENT_FACING }),
  'card:removed': event({ summary: 'The card left the reader', payload: z.object({}), modes: RESIDENT_FACING }),
  'card:unreadable': event({ summary: 'A card lies on the reader but could not be read (the screen says how to place it)', payload: z.object({}), modes: RESIDENT_FACING }),
  'session:ended': event({
    summary: 'The resident session ended and was wiped',
    payload: z.object({ reason: z.string() }),
    modes: RESIDENT_FACING,
  }),
  'mode:changed': event({ summary: 'This window changed mode', payload: z.object({ mode: z.string() }), modes: ALL_MODES }),
} as const;

export const events = { ...foundationEvents, ...journeyEvents, ...counterEvents, ...adminEvents, ...remoteHelpEvents } as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelRequest<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ChannelResponse<C extends ChannelName> = z.output<Channels[C]['response']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

export type FoundationChannelName = keyof typeof foundationChannels;
export type JourneyChannelName = keyof typeof journeyChannels;
export type IdentityChannelName = keyof typeof identityChannels;
export type CounterChannelName = keyof typeof counterChannels;
export type AdminChannelName = keyof typeof adminChannels;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
