// The fleet's MQTT messages: one zod schema per payload, the single source the terminal agent, the load
// generator and the fleet console validate with (at both ends). backend-client/asyncapi.yaml describes the same
// topics; its payload schemas are generated from these (asyncapi-document.ts) and a test keeps the two equal.
// Nothing here may carry anything about a resident: every object is strict, so a field slipped in by mistake is
// refused by the sender's own validation before it leaves the terminal.
import { z } from 'zod';

export const TOPIC_ROOT = 'easydo/v1/terminals';

/** Same shape as config `terminalId` (3-32 of A-Z, 0-9, -): safe as an MQTT topic level and as a username. */
export const TerminalId = z.string().regex(/^[A-Z0-9-]{3,32}$/);
export type TerminalId = z.infer<typeof TerminalId>;

/** Command ids are chosen by the console (a UUID in practice); a topic level too (uploads/{commandId}). */
export const CommandId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const Instant = z.iso.datetime({ offset: true });
const Code = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/);
const Count = z.number().int().min(0);

export const ServiceMode = z.enum(['inService', 'outOfService', 'draining']);
export type ServiceMode = z.infer<typeof ServiceMode>;

export const Location = z.strictObject({
  district: z.string().min(1).max(40),
  street: z.string().min(1).max(40),
  centre: z.string().min(1).max(60),
});
export type Location = z.infer<typeof Location>;

/** Retained on `{root}/{id}/state`; the Last Will is the same message with `online: false`. */
export const TerminalState = z.strictObject({
  terminalId: TerminalId,
  online: z.boolean(),
  service: ServiceMode,
  /** Why the terminal is out of service, as a code a screen can translate (never free text about a person). */
  serviceReason: Code.nullable(),
  version: z.string().min(1).max(40),
  /** Content hash of the running configuration (config-version.ts); configPush answers with the new one. */
  configVersion: z.string().regex(/^[a-f0-9]{16}$/),
  mode: z.enum(['kiosk', 'counter']),
  location: Location,
  at: Instant,
});
export type TerminalState = z.infer<typeof TerminalState>;

export const DeviceHealth = z.strictObject({
  id: z.string().min(1).max(40),
  kind: z.enum(['idReader', 'receiptPrinter', 'a4Printer', 'scanner', 'documentCamera', 'qrScanner']),
  status: z.enum(['online', 'offline', 'noDevice', 'hardwareError', 'userError', 'busy', 'starting']),
  required: z.boolean(),
  /** The driver's fault code, if any. */
  fault: Code.nullable(),
  /** Codes of the device's open alerts (paperNearEnd...). */
  alerts: z.array(Code).max(20),
  counters: z.record(z.string().regex(/^[A-Za-z0-9_.]{1,40}$/), z.number()),
});
export type DeviceHealth = z.infer<typeof DeviceHealth>;

/** QoS 0 on `{root}/{id}/heartbeat`, every `intervalSeconds`: how the machine is, never who used it. */
export const Heartbeat = z.strictObject({
  terminalId: TerminalId,
  at: Instant,
  seq: Count,
  intervalSeconds: z.number().int().min(1).max(3600),
  service: ServiceMode,
  devices: z.array(DeviceHealth).max(20),
  counters: z.strictObject({
    sessionsStarted: Count,
    sessionOpen: z.boolean(),
    receiptsPrinted: Count,
    paper: z.enum(['ok', 'low', 'out', 'unknown']),
    commandsExecuted: Count,
    alertsRaised: Count,
  }),
  outbox: z.strictObject({ depth: Count, oldestPendingAt: Instant.nullable() }),
  host: z.strictObject({
    cpuLoad1m: z.number().min(0),
    cpuCount: z.number().int().min(1),
    memoryTotalBytes: Count,
    memoryFreeBytes: Count,
    rssBytes: Count,
    diskTotalBytes: Count.nullable(),
    diskFreeBytes: Count.nullable(),
    hostUptimeSeconds: Count,
    appUptimeSeconds: Count,
  }),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

/** QoS 1 on `{root}/{id}/alerts`, sent at once; `cleared: true` closes the alert with the same id. */
export const Alert = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.:-]{1,120}$/),
  terminalId: TerminalId,
  at: Instant,
  severity: z.enum(['info', 'warning', 'critical']),
  code: Code,
  device: z.string().min(1).max(40).optional(),
  cleared: z.boolean().optional(),
});
export type Alert = z.infer<typeof Alert>;

export const COMMAND_NAMES = ['drain', 'outOfService', 'inService', 'reloadRenderer', 'restartApp', 'configPush', 'logBundle', 'screenshot', 'updateCheck'] as const;
export const CommandName = z.enum(COMMAND_NAMES);
export type CommandName = z.infer<typeof CommandName>;

const NoArgs = z.strictObject({});
/** Arguments per command name; a name outside this list is acked `unsupported`, not dropped. */
export const COMMAND_ARGS = {
  drain: NoArgs,
  outOfService: z.strictObject({ reason: Code }),
  inService: NoArgs,
  reloadRenderer: NoArgs,
  restartApp: NoArgs,
  /** The public config fields to change (same shape as admin's config save); secrets never travel this way. */
  configPush: z.strictObject({
    values: z.record(z.string(), z.unknown()),
    /** Refused unless the terminal runs this version (the console's view was current). */
    ifConfigVersion: z.string().regex(/^[a-f0-9]{16}$/).optional(),
  }),
  logBundle: NoArgs,
  screenshot: NoArgs,
  /** Check the update channel now (core/src/services/update); the install still waits for its window and gates. */
  updateCheck: NoArgs,
} as const satisfies Record<CommandName, z.ZodType>;

/**
 * QoS 1 on `{root}/{id}/commands` (console → terminal). The envelope is checked first (so a command with a name
 * this terminal does not know still gets an `unsupported` ack), then the arguments for its name.
 */
export const Command = z.strictObject({
  id: CommandId,
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/),
  args: z.record(z.string(), z.unknown()),
  issuedAt: Instant,
  expiresAt: Instant,
  /** The operator's account name (the console signs operators in). */
  issuedBy: z.string().min(1).max(64),
});
export type Command = z.infer<typeof Command>;

export const AckStatus = z.enum(['received', 'done', 'refused', 'failed', 'expired', 'unsupported']);
export type AckStatus = z.infer<typeof AckStatus>;

export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

/** QoS 1 on `{root}/{id}/acks`. `received` first, then one final status. */
export const CommandAck = z.strictObject({
  commandId: CommandId,
  terminalId: TerminalId,
  status: AckStatus,
  reason: z.string().min(1).max(500).optional(),
  /** Per-field problems of a refused configPush (the admin save's issues). */
  issues: z.array(z.strictObject({ path: z.string().max(120), message: z.string().max(300) })).max(50).optional(),
  result: z
    .strictObject({
      configVersion: z.string().regex(/^[a-f0-9]{16}$/).optional(),
      applied: z.array(z.string().max(120)).max(50).optional(),
      restartNeeded: z.array(z.string().max(120)).max(50).optional(),
      service: ServiceMode.optional(),
      /** An upload follows on `uploads/{commandId}`. */
      upload: z.strictObject({ fileName: z.string().max(200), bytes: Count, contentType: z.string().max(80) }).optional(),
    })
    .optional(),
  at: Instant,
});
export type CommandAck = z.infer<typeof CommandAck>;

/** QoS 1 on `{root}/{id}/uploads/{commandId}`: a logBundle (tar.gz) or screenshot (PNG), base64, size-bounded. */
export const Upload = z.strictObject({
  commandId: CommandId,
  terminalId: TerminalId,
  fileName: z.string().regex(/^[A-Za-z0-9_.-]{1,200}$/),
  contentType: z.enum(['application/gzip', 'image/png']),
  bytes: z.number().int().min(0).max(MAX_UPLOAD_BYTES),
  base64: z.string().max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4),
  at: Instant,
});
export type Upload = z.infer<typeof Upload>;

/** Every payload schema by the name the AsyncAPI document gives it (components.schemas). */
export const FLEET_SCHEMAS = { TerminalState, Heartbeat, Alert, Command, CommandAck, Upload } as const;

export const topics = {
  state: (id: string) => `${TOPIC_ROOT}/${id}/state`,
  heartbeat: (id: string) => `${TOPIC_ROOT}/${id}/heartbeat`,
  alerts: (id: string) => `${TOPIC_ROOT}/${id}/alerts`,
  commands: (id: string) => `${TOPIC_ROOT}/${id}/commands`,
  acks: (id: string) => `${TOPIC_ROOT}/${id}/acks`,
  upload: (id: string, commandId: string) => `${TOPIC_ROOT}/${id}/uploads/${commandId}`,
  /** Console subscriptions (all terminals). */
  all: { state: `${TOPIC_ROOT}/+/state`, heartbeat: `${TOPIC_ROOT}/+/heartbeat`, alerts: `${TOPIC_ROOT}/+/alerts`, acks: `${TOPIC_ROOT}/+/acks`, uploads: `${TOPIC_ROOT}/+/uploads/+` },
} as const;

export type FleetTopicKind = 'state' | 'heartbeat' | 'alerts' | 'commands' | 'acks' | 'uploads';

/** Splits a topic of the tree into terminal id and kind (and command id for uploads); null when it is not one. */
export function parseTopic(topic: string): { terminalId: string; kind: FleetTopicKind; commandId?: string } | null {
  const m = /^easydo\/v1\/terminals\/([A-Z0-9-]{3,32})\/(state|heartbeat|alerts|commands|acks|uploads)(?:\/([A-Za-z0-9_-]{8,64}))?$/.exec(topic);
  if (!m) return null;
  const kind = m[2] as FleetTopicKind;
  if ((kind === 'uploads') !== (m[3] !== undefined)) return null;
  return { terminalId: m[1]!, kind, ...(m[3] ? { commandId: m[3] } : {}) };
}

export class FleetMessageError extends Error {
  constructor(
    readonly topic: string,
    readonly issues: Array<{ path: string; message: string }>,
  ) {
    super(`invalid fleet message on ${topic}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'FleetMessageError';
  }
}

/** Parses a received payload (bytes → JSON → schema); throws FleetMessageError naming the fields. */
export function decode<S extends z.ZodType>(schema: S, topic: string, payload: Uint8Array | string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8'));
  } catch {
    throw new FleetMessageError(topic, [{ path: '', message: 'not JSON' }]);
  }
  const r = schema.safeParse(json);
  if (!r.success) throw new FleetMessageError(topic, r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return r.data;
}

/** Validates before sending: a payload the schema refuses never leaves (the sender's bug, not the wire's). */
export function encode<S extends z.ZodType>(schema: S, topic: string, value: z.input<S>): string {
  const r = schema.safeParse(value);
  if (!r.success) throw new FleetMessageError(topic, r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return JSON.stringify(r.data);
}
