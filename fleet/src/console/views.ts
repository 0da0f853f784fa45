// Store records → the API's shapes (fleet/openapi.yaml), with the health verdict computed at read time so
// "time since last heartbeat" is always now's.
import { assess, groupWorstFirst, type TerminalHealth } from './health';
import type { AlertRecord, CommandRecord, TerminalRecord } from './model';
import type { AlertItem, CommandItem, TerminalList, TerminalSummary } from '../api/types';

export function summary(t: TerminalRecord, openAlerts: readonly AlertRecord[], nowMs: number): TerminalSummary & { health: TerminalHealth } {
  const health = assess(t, openAlerts, nowMs);
  return {
    terminalId: t.terminalId,
    online: t.online,
    service: t.service,
    serviceReason: t.serviceReason,
    version: t.version,
    configVersion: t.configVersion,
    mode: t.mode,
    district: t.district,
    street: t.street,
    centre: t.centre,
    lastHeartbeatAt: t.lastHeartbeatAt,
    silentSeconds: health.silentSeconds,
    colour: health.colour,
    reasons: health.reasons,
    outboxDepth: t.outboxDepth,
    health,
  };
}

const strip = ({ health: _health, ...rest }: TerminalSummary & { health: TerminalHealth }): TerminalSummary => rest;

export function terminalList(terminals: TerminalRecord[], open: Map<string, AlertRecord[]>, nowMs: number): TerminalList {
  const items = terminals.map((t) => summary(t, open.get(t.terminalId) ?? [], nowMs));
  const groups = groupWorstFirst(items);
  const counts = { red: 0, yellow: 0, green: 0 };
  for (const i of items) counts[i.colour] += 1;
  return {
    at: new Date(nowMs).toISOString(),
    total: items.length,
    counts,
    groups: groups.map((g) => ({ ...g, terminals: g.terminals.map(strip) })),
  };
}

export const terminalSummary = (t: TerminalRecord, open: readonly AlertRecord[], nowMs: number): TerminalSummary => strip(summary(t, open, nowMs));

export const commandItem = (c: CommandRecord): CommandItem => ({ ...c });
export const alertItem = (a: AlertRecord): AlertItem => ({ ...a });
