// Admin operations: diagnostics, configuration, logs, audit, bundle, service state, simulator controls.
import { z } from 'zod';
import { MaskedCard } from './card';
import { DeviceSnapshot } from './device';

/** Images travel as base64 (JSON-safe over the browser bridge), bounded. */
const Base64Image = z.string().max(12_000_000);

export const TestReadRequest = z.object({ timeoutMs: z.number().int().min(1000).max(120_000).default(30_000) }).strict();
export const TestReadResult = z.object({ card: MaskedCard, durationMs: z.number() });

export const TestPrintResult = z.object({
  jobId: z.string(),
  /** Present when the printer is the virtual one: the rendered receipt. */
  virtualPng: Base64Image.nullable(),
  virtualText: z.array(z.string()).nullable(),
});

export const TestScanResult = z.object({ pages: z.number().int(), format: z.string(), image: Base64Image, device: z.string() });

export const DeviceActionRequest = z.object({ deviceId: z.string().min(1).max(64), action: z.enum(['reset', 'reopen']) }).strict();
export const DeviceActionResult = z.object({ snapshot: DeviceSnapshot, message: z.string() });

export const ConfigView = z.object({
  /** The configuration without secrets (secretSet / pinSet say whether they exist). */
  config: z.record(z.string(), z.json()),
  hasPrevious: z.boolean(),
  /** Settings that need a restart to take effect. */
  restartPaths: z.array(z.string()),
});

export const ConfigSaveRequest = z
  .object({
    values: z.record(z.string(), z.json()),
    /** Write-only: never sent back. Empty or absent keeps the current one. */
    terminalSecret: z.string().max(256).optional(),
    adminPin: z.string().max(12).optional(),
  })
  .strict();
export const ConfigSaveResult = z.object({ applied: z.array(z.string()), restartNeeded: z.array(z.string()) });

export const LogQueryRequest = z
  .object({
    level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).optional(),
    text: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(2000).default(300),
  })
  .strict();
export const LogEntryView = z.object({ seq: z.number(), time: z.string(), level: z.string(), msg: z.string(), fields: z.string() });
export const LogQueryResult = z.object({ entries: z.array(LogEntryView), source: z.enum(['ring', 'none']) });

export const AuditEntryView = z.object({ at: z.string(), action: z.string(), detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])) });

export const BundleResult = z.object({ fileName: z.string(), path: z.string(), bytes: z.number(), base64: z.string().max(30_000_000) });

export const ServiceSetRequest = z.object({ inService: z.boolean(), reason: z.string().trim().max(120).default('') }).strict();

export const DrainResultView = z.object({
  delivered: z.number(), evaluationsDelivered: z.number(), failed: z.number(), retryLater: z.number(),
  /** Set aside in this pass: unreadable, or the clerk's token refused. */
  quarantined: z.number(), needsClerk: z.number(),
});

export const SimPrinterStateRequest = z.object({ state: z.enum(['ok', 'near-end', 'out', 'cover-open']) }).strict();
export const SimReaderConnectionRequest = z.object({ connected: z.boolean() }).strict();
/** Take the embedded sandbox down (every request's connection dropped) or bring it back; without `down`, only read. */
export const SimBackendRequest = z.object({ down: z.boolean().optional() }).strict();
export const SimBackendState = z.object({ down: z.boolean() }).strict();
