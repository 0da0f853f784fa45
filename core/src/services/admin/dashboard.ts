// Assembles the dashboard and the minute sample from the terminal's parts.
import type { Dashboard, HistoryPoint, OutboxView, SetAsideApplication } from '@easydo/core/contract/schemas/admin-dashboard';
import { trackingCodeOf, type DomainDesk } from '../applications/application-desk';
import type { AdminContext } from './admin-context';
import type { HeartbeatService } from './heartbeat';
import { redactedDevice, redactedService, scrubbedError } from './redacted-errors';
import { systemStats } from './system-stats';

type DashboardContext = Pick<AdminContext, 'config' | 'dataDir' | 'devices' | 'applications'>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The outbox as the dashboard shows it: counts, and the applications waiting for a person (no personal data). */
export async function outboxView(ctx: { applications: Pick<DomainDesk, 'delivery' | 'records'> }): Promise<OutboxView> {
  const s = await ctx.applications.delivery.status();
  const setAside = (await ctx.applications.records.setAside(50)).map((a) => ({
    trackingCode: trackingCodeOf(a.localId),
    itemCode: a.itemCode,
    state: a.state as SetAsideApplication['state'],
    problem: a.problem,
    heldFrom: a.heldFrom,
    since: iso(a.settledAt),
  }));
  return {
    running: s.running, depth: s.depth, oldestPendingAt: iso(s.oldestPendingAt), lastError: scrubbedError(s.lastError), lastSuccessAt: iso(s.lastSuccessAt),
    pending: s.pending, delivered: s.delivered, failed: s.failed, quarantined: s.quarantined, needsClerk: s.needsClerk, setAside,
  };
}

export async function buildDashboard(ctx: DashboardContext, heartbeat: HeartbeatService): Promise<Dashboard> {
  return {
    terminalId: ctx.config().terminalId,
    devices: ctx.devices.list().map(redactedDevice),
    service: redactedService(ctx.devices.serviceState()),
    backend: heartbeat.backend(),
    outbox: await outboxView(ctx),
    system: systemStats(ctx.dataDir),
    heartbeat: heartbeat.view(),
  };
}

export function samplePoint(ctx: DashboardContext, heartbeat: HeartbeatService, at = new Date()): HistoryPoint {
  const devices = ctx.devices.list();
  return {
    at: at.toISOString(),
    outboxDepth: ctx.applications.delivery.lastStatus().depth,
    latencyMs: heartbeat.backend().latencyMs,
    working: devices.filter((d) => d.status === 'online' || d.status === 'busy').length,
    statuses: Object.fromEntries(devices.map((d) => [d.id, d.status])),
  };
}
