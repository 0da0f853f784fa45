// The platform's remote-help signalling (远程视频帮办): JSON messages on one WebSocket per terminal. A kiosk asks for
// help, every counter seat whose clerk offers remote help sees the queue, one clerk answers, and from then on the
// platform relays the call's WebRTC signalling and the help messages between the two terminals. Media never passes
// here (browser to browser). Both ends validate every message with these schemas (the sandbox hub and the terminal's
// link); remote-help.asyncapi.yaml is generated from them.
import { z } from 'zod';

export const REMOTE_HELP_PATH = '/remote-help/v1/socket';
/** A message larger than this is refused (an SDP with many candidates stays far below). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export const CallId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
export const Language = z.enum(['zh', 'en']);
/** What the call carries: video + audio, audio only (no camera or thin line), or text chat only. */
export const CallMedia = z.enum(['video', 'audio', 'chat']);
export const EndReason = z.enum(['resident', 'helper', 'network', 'no-answer', 'session-ended']);
/** A clerk's platform token (from clerkLogin); the platform resolves it to the clerk, never trusts a staff id. */
const ClerkToken = z.string().min(16).max(256);

/** A masked value: at least one mask character, and never a run of digits long enough to be an ID or phone number. */
export const MaskedText = z.string().max(64).regex(/^(?=.*\*)(?![\s\S]*\d{7})[\s\S]*$/, 'must be masked');
const Text = (max: number) => z.string().max(max);
/** A kiosk control by its test id: kebab ids and the form's `field-<key>` ids (camelCase catalogue keys). */
const ControlId = z.string().regex(/^[A-Za-z0-9-]{1,48}$/);

/**
 * What the clerk sees of the resident's screen: the same masked values the resident sees (never the unmasked
 * card, never the photo, never a page image), the screen's step, and the controls the clerk may point at.
 */
export const MaskedView = z.object({
  step: z.string().regex(/^[A-Za-z]{1,32}$/),
  language: Language,
  item: z.object({ code: Text(32), name: Text(120) }).strict().nullable(),
  card: z.object({ cardType: Text(32), nameMasked: MaskedText, idNumberMasked: MaskedText, expired: z.boolean() }).strict().nullable(),
  fields: z.array(z.object({ key: Text(64), label: Text(80), value: Text(200) }).strict()).max(60),
  pages: z.array(z.object({ pageId: Text(64), material: Text(120), index: z.number().int().min(1).max(99) }).strict()).max(40),
  controls: z.array(z.object({ id: ControlId, label: Text(60) }).strict()).max(40),
}).strict();
export type MaskedView = z.infer<typeof MaskedView>;

/** Why a page should be captured again (the kiosk shows and speaks the words for it). */
export const RetakeReason = z.enum(['blurred', 'cut-off', 'glare', 'wrong-document', 'missing-page', 'other']);

/** WebRTC signalling, relayed untouched between the two browsers (through both terminals' main processes). */
export const Signal = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['offer', 'answer']), sdp: z.string().min(1).max(32_000) }).strict(),
  z.object({ kind: z.literal('ice'), candidate: z.string().max(2_000), sdpMid: z.string().max(64).nullable(), sdpMLineIndex: z.number().int().min(0).max(64).nullable() }).strict(),
  /** The sender fell back (camera missing, no bandwidth): the other end follows. */
  z.object({ kind: z.literal('media'), media: CallMedia }).strict(),
]);
export type Signal = z.infer<typeof Signal>;

/** Help messages inside a call: the kiosk sends its masked view; the clerk points, suggests and pre-checks; both chat. */
export const HelpMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('view'), view: MaskedView }).strict(),
  z.object({ kind: z.literal('highlight'), controlId: ControlId.nullable() }).strict(),
  z.object({ kind: z.literal('suggest'), text: Text(200).min(1) }).strict(),
  z.object({ kind: z.literal('precheck'), pageId: Text(64).min(1), verdict: z.enum(['ok', 'retake']), reason: RetakeReason.optional(), note: Text(120).optional() }).strict()
    .refine((m) => m.verdict === 'ok' || m.reason !== undefined, 'a retake needs a reason')
    .meta({ description: 'A page pre-check. `reason` is required when `verdict` is `retake` (checked by both ends).' }),
  z.object({ kind: z.literal('chat'), text: Text(500).min(1) }).strict(),
]);
export type HelpMessage = z.infer<typeof HelpMessage>;

/** What a helper is shown of a waiting call. */
export const QueuedCall = z.object({
  callId: CallId,
  terminalId: Text(64),
  centreName: Text(120),
  language: Language,
  media: CallMedia,
  requestedAt: z.iso.datetime(),
}).strict();
export type QueuedCall = z.infer<typeof QueuedCall>;

export const HelperInfo = z.object({ staffId: Text(16), displayName: Text(40), windowNo: Text(16) }).strict();
export type HelperInfo = z.infer<typeof HelperInfo>;

/** Terminal → platform. */
export const ClientMessage = z.discriminatedUnion('type', [
  /** A clerk at this counter starts or stops offering remote help. */
  z.object({ type: z.literal('helper.available'), clerkToken: ClerkToken, available: z.boolean() }).strict(),
  /** A resident agreed to a call (consent is part of the request: the kiosk asks before it sends). */
  z.object({ type: z.literal('call.request'), callId: CallId, language: Language, media: CallMedia, centreName: Text(120), consent: z.literal(true) }).strict(),
  z.object({ type: z.literal('call.cancel'), callId: CallId }).strict(),
  z.object({ type: z.literal('call.answer'), callId: CallId, clerkToken: ClerkToken }).strict(),
  z.object({ type: z.literal('call.signal'), callId: CallId, signal: Signal }).strict(),
  z.object({ type: z.literal('call.help'), callId: CallId, help: HelpMessage }).strict(),
  z.object({ type: z.literal('call.end'), callId: CallId, reason: EndReason }).strict(),
  /** 好差评 for the helper, from the resident at the end of the call (1 非常不满意 … 5 非常满意). */
  z.object({ type: z.literal('call.rate'), callId: CallId, level: z.number().int().min(1).max(5) }).strict(),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ErrorCode = z.enum(['bad_message', 'unauthorized', 'unknown_call', 'call_taken', 'not_in_call', 'too_large']);

/** Platform → terminal. */
export const ServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), terminalId: Text(64) }).strict(),
  z.object({ type: z.literal('helper.status'), staffId: Text(16), available: z.boolean() }).strict(),
  /** Every waiting call, oldest first (sent to every available helper whenever it changes). */
  z.object({ type: z.literal('queue'), calls: z.array(QueuedCall).max(200), at: z.iso.datetime() }).strict(),
  /** To the kiosk: the call is waiting; how many helpers are offering help right now. */
  z.object({ type: z.literal('call.queued'), callId: CallId, position: z.number().int().min(1), helpersAvailable: z.number().int().min(0) }).strict(),
  /** To the kiosk: a clerk answered. */
  z.object({ type: z.literal('call.answered'), callId: CallId, helper: HelperInfo }).strict(),
  /** To the clerk who answered: the call is theirs. */
  z.object({ type: z.literal('call.joined'), callId: CallId, staffId: Text(16), call: QueuedCall }).strict(),
  z.object({ type: z.literal('call.signal'), callId: CallId, signal: Signal }).strict(),
  z.object({ type: z.literal('call.help'), callId: CallId, help: HelpMessage }).strict(),
  z.object({ type: z.literal('call.ended'), callId: CallId, reason: EndReason, handledMs: z.number().int().min(0), waitedMs: z.number().int().min(0) }).strict(),
  z.object({ type: z.literal('call.rated'), callId: CallId, level: z.number().int().min(1).max(5) }).strict(),
  z.object({ type: z.literal('error'), code: ErrorCode, message: Text(200), callId: CallId.optional() }).strict(),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** Schemas the AsyncAPI document names. */
export const REMOTE_HELP_SCHEMAS = { ClientMessage, ServerMessage, MaskedView, Signal, HelpMessage, QueuedCall, HelperInfo } as const;

/** Parse one text frame; null when it is not JSON or not a message of this protocol. */
export function parseFrame<T extends z.ZodType>(schema: T, data: string): z.infer<T> | null {
  if (Buffer.byteLength(data, 'utf8') > MAX_MESSAGE_BYTES) return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const r = schema.safeParse(json);
  return r.success ? r.data : null;
}
