// Assembles the dashboard and the minute sample from the terminal's parts.
import type { Dashboard, HistoryPoint, OutboxView } from '@easydo/core/contract/schemas/admin-dashboard';
import type { TerminalContext } from '../terminal/context';
import type { HeartbeatService } from './heartbeat';
import { systemStats } from './system-stats';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function outboxView(ctx: TerminalContext): OutboxView {
  const s = ctx.applications.outbox.status();
  return { running: s.running, depth: s.depth, oldestPendingAt: iso(s.oldestPendingAt), lastError: s.lastError, lastSuccessAt: iso(s.lastSuccessAt) };
}

export function buildDashboard(ctx: TerminalContext, heartbeat: HeartbeatService): Dashboard {
  return {
    terminalId: ctx.config().terminalId,
    devices: ctx.devices.list(),
    service: ctx.devices.serviceState(),
    backend: heartbeat.backend(),
    outbox: outboxView(ctx),
    system: systemStats(ctx.dataDir),
    heartbeat: heartbeat.view(),
  };
}

export function samplePoint(ctx: TerminalContext, heartbeat: HeartbeatService, at = new Date()): HistoryPoint {
  const devices = ctx.devices.list();
  return {
    at: at.toISOString(),
    outboxDepth: ctx.applications.outbox.status().depth,
    latencyMs: heartbeat.backend().latencyMs,
    working: devices.filter((d) => d.status === 'online' || d.status === 'busy').length,
    statuses: Object.fromEntries(devices.map((d) => [d.id, d.status])),
  };
}
