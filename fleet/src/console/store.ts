// The console's store, behind one interface so the SQL layer can be swapped: SQLite (sqlite-store.ts) is the
// embedded default; a city runs the same interface on PostgreSQL (docs/ARCHITECTURE.md, "Fleet console").
// Every method is async although better-sqlite3 is not, so a network database fits without touching callers.
import type { Alert, CommandAck, Heartbeat, TerminalState } from '@easydo/core/services/fleet/messages';
import type {
  ActionRecord,
  AlertRecord,
  AuditEntry,
  CommandRecord,
  CommandStatus,
  HistoryPoint,
  OperatorRecord,
  Scope,
  TerminalRecord,
  UploadRecord,
} from './model';

export interface HeartbeatWrite {
  heartbeat: Heartbeat;
  /** Also keep it as a history point (the store keeps at most one point per terminal per sample interval). */
  sample: boolean;
}

export type AlertWriteResult = 'new' | 'duplicate' | 'cleared' | 'unknown-clear';

export interface SessionRecord {
  username: string;
  expiresAt: string;
}

export interface ParkedMessage {
  topic: string;
  payload: Uint8Array;
  failures: number;
  lastError: string;
  at: string;
}

export interface FleetStore {
  // Terminals (from MQTT)
  putState(state: TerminalState): Promise<void>;
  putHeartbeats(writes: HeartbeatWrite[]): Promise<void>;
  listTerminals(scope: Scope): Promise<TerminalRecord[]>;
  getTerminal(terminalId: string): Promise<TerminalRecord | null>;
  history(terminalId: string, sinceIso: string): Promise<HistoryPoint[]>;

  // Alerts
  putAlert(alert: Alert, receivedAt: string): Promise<AlertWriteResult>;
  getAlert(terminalId: string, alertId: string): Promise<AlertRecord | null>;
  listAlerts(scope: Scope, options: { activeOnly: boolean; limit: number }): Promise<AlertRecord[]>;
  openAlertsByTerminal(scope: Scope): Promise<Map<string, AlertRecord[]>>;
  ackAlert(terminalId: string, alertId: string, username: string, at: string): Promise<AlertRecord | null>;

  // Commands and fleet actions
  putCommand(command: CommandRecord): Promise<void>;
  /** pending → sent once the broker took the command (never overwrites an ack that came first). */
  markSent(commandId: string, at: string): Promise<void>;
  /** Applies an ack unless the command already has a final status; returns the updated record (null: unknown id). */
  applyAck(ack: CommandAck): Promise<CommandRecord | null>;
  getCommand(commandId: string): Promise<CommandRecord | null>;
  listCommands(terminalId: string, limit: number): Promise<CommandRecord[]>;
  /** Marks commands past their expiry that have no final status as `expired`; returns them. */
  expireCommands(nowIso: string): Promise<CommandRecord[]>;
  putAction(action: ActionRecord): Promise<void>;
  getAction(actionId: string): Promise<ActionRecord | null>;
  actionCounts(actionId: string): Promise<Record<CommandStatus, number>>;

  // Uploads (logBundle, screenshot)
  putUpload(upload: UploadRecord): Promise<void>;

  /** A broker message the store failed to write again and again, kept aside for an operator (optional). */
  parkMessage?(message: ParkedMessage): Promise<void>;
  getUpload(commandId: string): Promise<UploadRecord | null>;

  // Operators, sessions, audit
  getOperator(username: string): Promise<OperatorRecord | null>;
  putOperator(op: OperatorRecord): Promise<void>;
  listOperators(): Promise<OperatorRecord[]>;
  recordSignInFailure(username: string, lockedUntil: string | null): Promise<number>;
  clearSignInFailures(username: string): Promise<void>;
  putSession(tokenHash: string, session: SessionRecord): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
  listAudit(limit: number, operator?: string): Promise<AuditEntry[]>;

  /** Drops history, cleared alerts and finished commands older than the instant; expired sessions. */
  prune(beforeIso: string, nowIso: string): Promise<void>;
  close(): Promise<void>;
}
