// Red / yellow / green for a terminal, with the reasons in codes a screen translates, and the worst-first order
// the operations centre works through: colour, then the longest silence, then the id.
import type { Colour } from '../api/types';
import type { AlertRecord, TerminalRecord } from './model';

export type { Colour };

export interface TerminalHealth {
  colour: Colour;
  /** Why, most serious first (codes: offline, silent, outOfService, draining, alert:<code>, device:<id>:<status>, outbox, paperLow). */
  reasons: string[];
  /** Seconds since the last heartbeat (null: none yet). */
  silentSeconds: number | null;
}

/** A heartbeat later than this many intervals means the terminal is unwell even if the broker still holds it. */
const LATE_INTERVALS = 2;
const SILENT_INTERVALS = 4;
export const OUTBOX_WARN_DEPTH = 20;

export function assess(t: TerminalRecord, openAlerts: readonly AlertRecord[], nowMs: number): TerminalHealth {
  const red: string[] = [];
  const yellow: string[] = [];
  const silentSeconds = t.lastHeartbeatAt === null ? null : Math.max(0, Math.round((nowMs - Date.parse(t.lastHeartbeatAt)) / 1000));
  const interval = t.heartbeatIntervalSeconds ?? 60;
  // Before its first heartbeat a terminal is judged from its state message (it may have just connected).
  const quiet = silentSeconds ?? Math.max(0, Math.round((nowMs - Date.parse(t.stateAt)) / 1000));
  if (!t.online) red.push('offline');
  else if (quiet > interval * SILENT_INTERVALS) red.push('silent');
  else if (quiet > interval * LATE_INTERVALS) yellow.push('late');
  if (t.service === 'outOfService') red.push('outOfService');
  if (t.service === 'draining') yellow.push('draining');
  for (const a of openAlerts) (a.severity === 'critical' ? red : a.severity === 'warning' ? yellow : []).push(`alert:${a.code}`);
  for (const d of t.devices) {
    if (d.status === 'online' || d.status === 'busy' || d.status === 'starting') continue;
    (d.required ? red : yellow).push(`device:${d.id}:${d.status}`);
  }
  if ((t.outboxDepth ?? 0) >= OUTBOX_WARN_DEPTH) yellow.push('outbox');
  if (t.paper === 'low') yellow.push('paperLow');
  const colour: Colour = red.length ? 'red' : yellow.length ? 'yellow' : 'green';
  return { colour, reasons: [...new Set([...red, ...yellow])], silentSeconds };
}

const RANK: Record<Colour, number> = { red: 2, yellow: 1, green: 0 };

export function worstFirst<T extends { terminalId: string; health: TerminalHealth }>(a: T, b: T): number {
  return (
    RANK[b.health.colour] - RANK[a.health.colour] ||
    b.health.reasons.length - a.health.reasons.length ||
    (b.health.silentSeconds ?? Number.MAX_SAFE_INTEGER) - (a.health.silentSeconds ?? Number.MAX_SAFE_INTEGER) ||
    a.terminalId.localeCompare(b.terminalId)
  );
}

export interface Group<T> {
  district: string;
  street: string;
  centre: string;
  colour: Colour;
  counts: Record<Colour, number>;
  terminals: T[];
}

/** Groups by district/street/centre; each group sorted worst-first and the groups ordered by their worst member. */
export function groupWorstFirst<T extends { terminalId: string; district: string; street: string; centre: string; health: TerminalHealth }>(items: T[]): Group<T>[] {
  const sorted = [...items].sort(worstFirst);
  const groups = new Map<string, Group<T>>();
  for (const t of sorted) {
    const key = JSON.stringify([t.district, t.street, t.centre]);
    let g = groups.get(key);
    if (!g) {
      // The first member seen is the group's worst, since the list is already sorted.
      g = { district: t.district, street: t.street, centre: t.centre, colour: t.health.colour, counts: { red: 0, yellow: 0, green: 0 }, terminals: [] };
      groups.set(key, g);
    }
    g.counts[t.health.colour] += 1;
    g.terminals.push(t);
  }
  return [...groups.values()];
}
