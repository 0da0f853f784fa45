// The console's own records: what it keeps about terminals, alerts, commands, operators and its audit. Plain
// data, shared by the store implementations, the ingest and the REST layer.
import type { AckStatus, CommandName, DeviceHealth, Heartbeat, ServiceMode } from '@easydo/core/services/fleet/messages';

export type Role = 'street' | 'city';

/** A street operator sees one street of one district; a city operator sees everything (both fields null). */
export interface Operator {
  username: string;
  role: Role;
  district: string | null;
  street: string | null;
}

export interface OperatorRecord extends Operator {
  passwordHash: string;
  failedAttempts: number;
  /** ISO instant until which sign-in is refused, or null. */
  lockedUntil: string | null;
}

export interface TerminalRecord {
  terminalId: string;
  online: boolean;
  service: ServiceMode;
  serviceReason: string | null;
  version: string;
  configVersion: string;
  mode: 'kiosk' | 'counter';
  district: string;
  street: string;
  centre: string;
  /** `at` of the last state message. */
  stateAt: string;
  lastHeartbeatAt: string | null;
  heartbeatIntervalSeconds: number | null;
  devices: DeviceHealth[];
  outboxDepth: number | null;
  paper: Heartbeat['counters']['paper'] | null;
}

export interface HistoryPoint {
  at: string;
  outboxDepth: number;
  /** Every device by id → its status at that heartbeat. */
  devices: Record<string, DeviceHealth['status']>;
  cpuLoad1m: number;
  memoryFreeBytes: number;
}

export interface AlertRecord {
  terminalId: string;
  alertId: string;
  at: string;
  receivedAt: string;
  severity: 'info' | 'warning' | 'critical';
  code: string;
  device: string | null;
  clearedAt: string | null;
  ackedBy: string | null;
  ackedAt: string | null;
}

export type CommandStatus = 'pending' | 'sent' | AckStatus;

export interface CommandRecord {
  commandId: string;
  terminalId: string;
  name: CommandName;
  args: Record<string, unknown>;
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
  status: CommandStatus;
  reason: string | null;
  result: Record<string, unknown> | null;
  updatedAt: string;
  actionId: string | null;
}

export interface ActionRecord {
  actionId: string;
  name: CommandName;
  args: Record<string, unknown>;
  issuedBy: string;
  issuedAt: string;
  selection: Record<string, unknown>;
  total: number;
}

export interface AuditEntry {
  at: string;
  operator: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

export interface UploadRecord {
  commandId: string;
  terminalId: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
  at: string;
}

/** Which terminals an operator may see. */
export interface Scope {
  district: string | null;
  street: string | null;
}

export const scopeOf = (op: Operator): Scope => (op.role === 'city' ? { district: null, street: null } : { district: op.district, street: op.street });

export function inScope(scope: Scope, t: { district: string; street: string }): boolean {
  return (scope.district === null || scope.district === t.district) && (scope.street === null || scope.street === t.street);
}
