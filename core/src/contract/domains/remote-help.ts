// Channels and events of 远程视频帮办: the resident's side (kiosk) and the clerk's side (counter). channels.ts merges
// both tables into the one contract; the kiosk side is wired in core (core/src/services/remote-help), the clerk's
// in counter (counter/src/services/remote-help).
import { channel, event, type ChannelSpec, type EventSpec } from '../define';
import { Ack, Empty } from '../schemas/terminal';
import {
  CallScreen, ControlId, IceServers, HelpCallState, HelpChat, HelpGuidance, HelperCallState, HelperQueueView, HelpRate, HelpRequest, HelpScreenReport, HelpSignal,
  HelpView, HelpWorkload, PrecheckRequest,
} from '../schemas/remote-help';
import { z } from 'zod';

const KIOSK = ['kiosk'] as const;
const COUNTER = ['counter'] as const;
const CLERK = ['clerk'] as const;

export const remoteHelpKioskChannels = {
  'help:state': channel({ summary: "The resident's remote-help call, if any", request: Empty, response: HelpCallState, modes: KIOSK }),
  'help:request': channel({ summary: 'The resident agreed: ring the counters that offer remote help', request: HelpRequest, response: HelpCallState, modes: KIOSK, residentActivity: true }),
  'help:hangUp': channel({ summary: 'The resident ends (or stops waiting for) the call', request: Empty, response: HelpCallState, modes: KIOSK, residentActivity: true }),
  'help:signal': channel({ summary: "WebRTC signalling from the kiosk's browser to the clerk's", request: z.object({ signal: HelpSignal }).strict(), response: Ack, modes: KIOSK }),
  'help:screen': channel({ summary: 'The kiosk screen as the resident sees it (main adds the masked card and checks it)', request: HelpScreenReport, response: Ack, modes: KIOSK }),
  'help:chat': channel({ summary: 'A text message from the resident to the clerk', request: HelpChat, response: Ack, modes: KIOSK, residentActivity: true }),
  'help:rate': channel({ summary: '好差评 for the helper after the call', request: HelpRate, response: HelpCallState, modes: KIOSK, residentActivity: true }),
  'help:iceServers': channel({ summary: "STUN/TURN servers for the call's media (config remoteHelp.iceServers)", request: Empty, response: IceServers, modes: ['kiosk', 'counter'] }),
  'help:callScreen': channel({ summary: 'The call screen opened or closed: camera and microphone are granted only while it is open', request: CallScreen, response: Ack, modes: ['kiosk', 'counter'] }),
} satisfies Record<string, ChannelSpec>;

export const remoteHelpCounterChannels = {
  'helper:offer': channel({ summary: 'The clerk starts or stops offering remote help', request: z.object({ available: z.boolean() }).strict(), response: HelperQueueView, modes: COUNTER, requires: CLERK }),
  'helper:queue': channel({ summary: 'Calls waiting for a helper, with waiting times', request: Empty, response: HelperQueueView, modes: COUNTER, requires: CLERK }),
  'helper:answer': channel({ summary: 'Answer a waiting call', request: z.object({ callId: z.string().min(8).max(64) }).strict(), response: HelperCallState, modes: COUNTER, requires: CLERK }),
  'helper:call': channel({ summary: "The clerk's call, if any", request: Empty, response: HelperCallState, modes: COUNTER, requires: CLERK }),
  'helper:signal': channel({ summary: "WebRTC signalling from the clerk's browser to the kiosk's", request: z.object({ signal: HelpSignal }).strict(), response: Ack, modes: COUNTER, requires: CLERK }),
  'helper:highlight': channel({ summary: 'Point at a control on the kiosk screen (null clears)', request: z.object({ controlId: ControlId.nullable() }).strict(), response: Ack, modes: COUNTER, requires: CLERK }),
  'helper:suggest': channel({ summary: 'Suggest the next step (shown on the kiosk; the resident decides)', request: z.object({ text: z.string().trim().min(1).max(200) }).strict(), response: Ack, modes: COUNTER, requires: CLERK }),
  'helper:precheck': channel({ summary: 'Pre-check a scanned page: 合格, or 需重拍 with a reason the kiosk shows and speaks', request: PrecheckRequest, response: Ack, modes: COUNTER, requires: CLERK }),
  'helper:chat': channel({ summary: 'A text message from the clerk to the resident', request: HelpChat, response: Ack, modes: COUNTER, requires: CLERK }),
  'helper:hangUp': channel({ summary: 'The clerk ends the call', request: Empty, response: HelperCallState, modes: COUNTER, requires: CLERK }),
  'helper:workload': channel({ summary: "Remote help in the clerk's workload today", request: Empty, response: HelpWorkload, modes: COUNTER, requires: CLERK }),
} satisfies Record<string, ChannelSpec>;

export const remoteHelpEvents = {
  'help:changed': event({ summary: "The resident's call changed (ringing, answered, ended)", payload: HelpCallState, modes: KIOSK }),
  'help:signal': event({ summary: "WebRTC signalling from the clerk's browser", payload: z.object({ signal: HelpSignal }), modes: KIOSK }),
  'help:guidance': event({ summary: 'The clerk pointed, suggested, pre-checked a page or wrote', payload: HelpGuidance, modes: KIOSK }),
  'helper:queueChanged': event({ summary: 'Calls waiting for a helper changed', payload: HelperQueueView, modes: COUNTER }),
  'helper:callChanged': event({ summary: "The clerk's call changed", payload: HelperCallState, modes: COUNTER }),
  'helper:signal': event({ summary: "WebRTC signalling from the kiosk's browser", payload: z.object({ signal: HelpSignal }), modes: COUNTER }),
  'helper:view': event({ summary: "The kiosk screen, masked (never the unmasked card, never the photo)", payload: HelpView, modes: COUNTER }),
  'helper:chat': event({ summary: 'A text message from the resident', payload: z.object({ text: z.string().max(500) }), modes: COUNTER }),
} satisfies Record<string, EventSpec>;

export type RemoteHelpKioskChannelName = keyof typeof remoteHelpKioskChannels;
export type RemoteHelpCounterChannelName = keyof typeof remoteHelpCounterChannels;
