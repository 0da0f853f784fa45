// 远程视频帮办 between a kiosk and the counters: what the screens send and receive. The platform's own message
// schemas are backend-client/src/remote-help/messages.ts; these mirror the parts a renderer sees (the contract
// imports nothing but zod). A renderer never sends a masked view itself: it reports its screen (step, controls,
// fields as shown) and main adds the masked card and checks the result before anything leaves the terminal.
import { z } from 'zod';

export const HelpMedia = z.enum(['video', 'audio', 'chat']);
export type HelpMedia = z.infer<typeof HelpMedia>;
export const HelpEndReason = z.enum(['resident', 'helper', 'network', 'no-answer', 'session-ended']);
export type HelpEndReason = z.infer<typeof HelpEndReason>;
export const RetakeReason = z.enum(['blurred', 'cut-off', 'glare', 'wrong-document', 'missing-page', 'other']);
export type RetakeReason = z.infer<typeof RetakeReason>;
/** A control the clerk may point at, by the kiosk's test id: kebab ids and the form's `field-<key>` ids, whose
 *  catalogue keys are camelCase (`field-spouseName`). The platform's messages.ts holds the same pattern. */
export const CONTROL_ID_PATTERN = /^[A-Za-z0-9-]{1,48}$/;
export const ControlId = z.string().regex(CONTROL_ID_PATTERN);
const Text = (max: number) => z.string().max(max);

export const HelpSignal = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['offer', 'answer']), sdp: z.string().min(1).max(32_000) }).strict(),
  z.object({ kind: z.literal('ice'), candidate: z.string().max(2_000), sdpMid: z.string().max(64).nullable(), sdpMLineIndex: z.number().int().min(0).max(64).nullable() }).strict(),
  z.object({ kind: z.literal('media'), media: HelpMedia }).strict(),
]);
export type HelpSignal = z.infer<typeof HelpSignal>;

/** What the kiosk screen reports of itself (no card: main adds the masked one). */
export const HelpScreenReport = z.object({
  step: z.string().regex(/^[A-Za-z]{1,32}$/),
  language: z.enum(['zh', 'en']),
  item: z.object({ code: Text(32), name: Text(120) }).strict().nullable(),
  fields: z.array(z.object({ key: Text(64), label: Text(80), value: Text(200) }).strict()).max(60),
  pages: z.array(z.object({ pageId: Text(64), material: Text(120), index: z.number().int().min(1).max(99) }).strict()).max(40),
  controls: z.array(z.object({ id: ControlId, label: Text(60) }).strict()).max(40),
}).strict();
export type HelpScreenReport = z.infer<typeof HelpScreenReport>;

/** What the clerk sees: the report plus the masked card. */
export const HelpView = HelpScreenReport.extend({
  card: z.object({ cardType: Text(32), nameMasked: Text(64), idNumberMasked: Text(64), expired: z.boolean() }).strict().nullable(),
});
export type HelpView = z.infer<typeof HelpView>;

export const HelperInfo = z.object({ staffId: Text(16), displayName: Text(40), windowNo: Text(16) }).strict();

/** The resident's side of a call. `waiting`: rung at the counters; `connected`: a clerk answered. */
export const HelpCallState = z.object({
  phase: z.enum(['idle', 'connecting', 'waiting', 'connected', 'ended']),
  callId: z.string().nullable(),
  media: HelpMedia,
  helper: HelperInfo.nullable(),
  helpersAvailable: z.number().int().min(0).nullable(),
  /** How long the kiosk rings before it says nobody answered (config). */
  ringSeconds: z.number().int().positive(),
  endReason: HelpEndReason.nullable(),
  /** Whether the call that ended may still be rated (answered, not yet rated). */
  canRate: z.boolean(),
  /** Announced before the call: nothing of it is recorded unless a configured policy says so. */
  recording: z.literal('none'),
});
export type HelpCallState = z.infer<typeof HelpCallState>;

/** What the clerk sends the kiosk during a call (shown on the kiosk; pre-check marks are spoken too). */
export const HelpGuidance = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('highlight'), controlId: ControlId.nullable() }).strict(),
  z.object({ kind: z.literal('suggest'), text: Text(200).min(1) }).strict(),
  z.object({ kind: z.literal('precheck'), pageId: Text(64).min(1), verdict: z.enum(['ok', 'retake']), reason: RetakeReason.optional(), note: Text(120).optional() }).strict(),
  z.object({ kind: z.literal('chat'), text: Text(500).min(1), from: z.enum(['resident', 'helper']) }).strict(),
]);
export type HelpGuidance = z.infer<typeof HelpGuidance>;

export const HelpRequest = z.object({ consent: z.literal(true), media: HelpMedia, language: z.enum(['zh', 'en']) }).strict();
export const HelpChat = z.object({ text: z.string().trim().min(1).max(500) }).strict();
export const HelpRate = z.object({ level: z.number().int().min(1).max(5) }).strict();
export const CallScreen = z.object({ active: z.boolean() }).strict();

/** A waiting call as a counter lists it, with its waiting time. */
export const HelpQueueEntry = z.object({
  callId: z.string(),
  terminalId: Text(64),
  centreName: Text(120),
  language: z.enum(['zh', 'en']),
  media: HelpMedia,
  requestedAt: z.string(),
  waitingSeconds: z.number().int().min(0),
});
export const HelperQueueView = z.object({ available: z.boolean(), connected: z.boolean(), calls: z.array(HelpQueueEntry) });
export type HelperQueueView = z.infer<typeof HelperQueueView>;

/** The clerk's side of a call. */
export const HelperCallState = z.object({
  phase: z.enum(['idle', 'connected', 'ended']),
  callId: z.string().nullable(),
  call: HelpQueueEntry.nullable(),
  endReason: HelpEndReason.nullable(),
  rating: z.number().int().min(1).max(5).nullable(),
});
export type HelperCallState = z.infer<typeof HelperCallState>;

export const PrecheckRequest = z.object({ pageId: Text(64).min(1), verdict: z.enum(['ok', 'retake']), reason: RetakeReason.optional(), note: Text(120).optional() }).strict()
  .refine((m) => m.verdict === 'ok' || m.reason !== undefined, 'a retake needs a reason');

/** Remote help in the clerk's workload today. */
export const HelpWorkload = z.object({
  calls: z.number().int().min(0),
  averageWaitSeconds: z.number().min(0).nullable(),
  averageHandlingSeconds: z.number().min(0).nullable(),
  ratings: z.array(z.object({ level: z.number().int().min(1).max(5), count: z.number().int().min(0) })),
});
export type HelpWorkload = z.infer<typeof HelpWorkload>;

/** The STUN/TURN servers the call screen's RTCPeerConnection uses (config `remoteHelp.iceServers`). */
export const IceServers = z.array(z.object({ urls: z.array(z.string()), username: z.string().optional(), credential: z.string().optional() }));
