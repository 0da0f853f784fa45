// The fleet heartbeat built from the ports: devices (status, fault and alert codes, counters), the terminal's
// counters, outbox depth and host figures. Only machine facts; the strict schema refuses anything else.
import type { DeviceSnapshot, ServiceState } from '@easydo/core/contract/schemas/device';
import type { FleetPorts } from './ports';
import type { DeviceHealth, Heartbeat, ServiceMode } from './messages';

export function paperOf(devices: DeviceSnapshot[]): Heartbeat['counters']['paper'] {
  const printer = devices.find((d) => d.kind === 'receiptPrinter');
  if (!printer) return 'unknown';
  if (printer.detail.paper === 'out') return 'out';
  if (printer.alerts.some((a) => a.code === 'paperNearEnd') || printer.detail.paper === 'nearEnd') return 'low';
  return printer.detail.paper === 'unknown' || printer.detail.paper === undefined ? 'unknown' : 'ok';
}

/** inService / draining (closed to new visits, a visit still open) / outOfService. */
export function serviceMode(state: ServiceState, sessionOpen: boolean): ServiceMode {
  if (state.inService) return 'inService';
  return state.manual && sessionOpen ? 'draining' : 'outOfService';
}

function deviceHealth(d: DeviceSnapshot): DeviceHealth {
  const counters: Record<string, number> = {};
  for (const [k, v] of Object.entries(d.counters)) if (/^[A-Za-z0-9_.]{1,40}$/.test(k) && Number.isFinite(v)) counters[k] = v;
  const code = (s: string) => s.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 64);
  return {
    id: d.id.slice(0, 40),
    kind: d.kind,
    status: d.status,
    required: d.required,
    fault: d.lastError ? code(d.lastError.code) : null,
    alerts: d.alerts.slice(0, 20).map((a) => code(a.code)),
    counters,
  };
}

export interface HeartbeatContext {
  terminalId: string;
  seq: number;
  intervalSeconds: number;
  commandsExecuted: number;
  alertsRaised: number;
  at: Date;
}

export function buildFleetHeartbeat(ports: FleetPorts, c: HeartbeatContext): Heartbeat {
  const devices = ports.devices.list();
  const outbox = ports.outbox();
  const sessionOpen = ports.sessions.isOpen();
  return {
    terminalId: c.terminalId,
    at: c.at.toISOString(),
    seq: c.seq,
    intervalSeconds: c.intervalSeconds,
    service: serviceMode(ports.devices.serviceState(), sessionOpen),
    devices: devices.slice(0, 20).map(deviceHealth),
    counters: {
      sessionsStarted: ports.sessions.started(),
      sessionOpen,
      receiptsPrinted: ports.receiptsPrinted(),
      paper: paperOf(devices),
      commandsExecuted: c.commandsExecuted,
      alertsRaised: c.alertsRaised,
    },
    outbox: { depth: outbox.depth, oldestPendingAt: outbox.oldestPendingAt === null ? null : new Date(outbox.oldestPendingAt).toISOString() },
    host: ports.host(),
  };
}
