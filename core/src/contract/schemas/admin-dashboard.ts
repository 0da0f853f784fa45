// What the maintenance dashboard shows: devices (the foundation's snapshot), backend reachability, the outbox,
// the machine, the heartbeat, and the last 24 h as minute samples.
import { z } from 'zod';
import { DeviceSnapshot, ServiceState } from './device';

export const BackendHealth = z.object({
  url: z.string(),
  reachable: z.boolean().nullable(),
  latencyMs: z.number().nullable(),
  checkedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type BackendHealth = z.infer<typeof BackendHealth>;

/** An application the outbox set aside for a person. No personal data: ids, item, state and a problem code. */
export const SetAsideApplication = z.object({
  trackingCode: z.string(),
  itemCode: z.string(),
  state: z.enum(['failed', 'needs-clerk', 'quarantined']),
  problem: z.enum(['refused', 'clerk-token-expired', 'unreadable', 'wrong-key']).nullable(),
  /** A quarantined application's state before. */
  heldFrom: z.string().nullable(),
  since: z.string().nullable(),
});
export type SetAsideApplication = z.infer<typeof SetAsideApplication>;

export const OutboxView = z.object({
  running: z.boolean(),
  depth: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  pending: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  quarantined: z.number().int(),
  needsClerk: z.number().int(),
  /** The newest applications waiting for a person (at most 50). */
  setAside: z.array(SetAsideApplication).max(50),
});
export type OutboxView = z.infer<typeof OutboxView>;

export const SystemView = z.object({
  hostUptimeSeconds: z.number(),
  appUptimeSeconds: z.number(),
  memory: z.object({ totalBytes: z.number(), freeBytes: z.number(), rssBytes: z.number() }),
  disk: z.object({ totalBytes: z.number(), freeBytes: z.number() }).nullable(),
  loadAverage: z.array(z.number()),
});
export type SystemView = z.infer<typeof SystemView>;

export const HeartbeatView = z.object({
  lastSentAt: z.string().nullable(),
  lastError: z.string().nullable(),
  alertsSent: z.number().int(),
});

export const Dashboard = z.object({
  terminalId: z.string(),
  devices: z.array(DeviceSnapshot),
  service: ServiceState,
  backend: BackendHealth,
  outbox: OutboxView,
  system: SystemView,
  heartbeat: HeartbeatView,
});
export type Dashboard = z.infer<typeof Dashboard>;

export const HistoryPoint = z.object({
  at: z.string(),
  outboxDepth: z.number(),
  latencyMs: z.number().nullable(),
  /** Working (online/busy) devices at that minute, and every device's status. */
  working: z.number(),
  statuses: z.record(z.string(), z.string()),
});
export type HistoryPoint = z.infer<typeof HistoryPoint>;
