// The console's own records: what it keeps about terminals, alerts, commands, operators and its audit. Plain
// data, shared by the store implementations, the ingest and the REST layer. Where a record is what the API shows
// (operator, alert, command, history point) it is the API's type (fleet/openapi.yaml), not a copy of it.
import type { AckStatus, CommandName, DeviceHealth, Heartbeat, ServiceMode } from '@easydo/core/services/fleet/messages';
import type { AlertItem, CommandItem, CommandStatus as ApiCommandStatus, HistoryPoint as ApiHistoryPoint, Operator as ApiOperator } from '../api/types';

export type Role = ApiOperator['role'];

/** A street operator sees one street of one district; a city operator sees everything (both fields null). */
export type Operator = ApiOperator;

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

/** One point a minute per terminal: every device by id → its status at that heartbeat. */
export type HistoryPoint = ApiHistoryPoint;

export type AlertRecord = AlertItem;

/** The API's command statuses are the terminal's ack statuses plus the console's own two (checked here). */
export type CommandStatus = 'pending' | 'sent' | AckStatus;
const _sameStatuses: [CommandStatus, ApiCommandStatus] extends [ApiCommandStatus, CommandStatus] ? true : never = true;
void _sameStatuses;

export type CommandRecord = CommandItem;

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
