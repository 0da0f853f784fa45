// FleetStore on SQLite (better-sqlite3, WAL, one file): the embedded default for a street or a small city.
import Database from 'better-sqlite3';
import type { Alert, CommandAck, TerminalState } from '@easydo/core/services/fleet/messages';
import type { ActionRecord, AlertRecord, AuditEntry, CommandRecord, CommandStatus, HistoryPoint, OperatorRecord, Scope, TerminalRecord, UploadRecord } from './model';
import type { AlertWriteResult, FleetStore, HeartbeatWrite, SessionRecord } from './store';
import { DDL, SCHEMA_VERSION } from './sqlite-schema';
import { rowReader, type Row } from './sqlite-rows';

const FINAL: readonly CommandStatus[] = ['done', 'refused', 'failed', 'expired', 'unsupported'];
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function scopeWhere(scope: Scope, alias = ''): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (scope.district !== null) {
    parts.push(`${alias}district = ?`);
    params.push(scope.district);
  }
  if (scope.street !== null) {
    parts.push(`${alias}street = ?`);
    params.push(scope.street);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

const toTerminal = rowReader<TerminalRecord>()({
  text: ['terminalId', 'service', 'version', 'configVersion', 'mode', 'district', 'street', 'centre', 'stateAt'],
  textOrNull: ['serviceReason', 'lastHeartbeatAt'],
  numberOrNull: ['heartbeatIntervalSeconds', 'outboxDepth'],
  flag: ['online'],
  json: ['devices'],
  asIs: ['paper'],
}, { heartbeatIntervalSeconds: 'heartbeat_interval' });

const toAlert = rowReader<AlertRecord>()({
  text: ['terminalId', 'alertId', 'at', 'receivedAt', 'severity', 'code'],
  textOrNull: ['device', 'clearedAt', 'ackedBy', 'ackedAt'],
});

const toCommand = rowReader<CommandRecord>()({
  text: ['commandId', 'terminalId', 'name', 'issuedBy', 'issuedAt', 'expiresAt', 'status', 'updatedAt'],
  textOrNull: ['reason', 'actionId'],
  json: ['args'],
  jsonOrNull: ['result'],
});

const toOperator = rowReader<OperatorRecord>()({
  text: ['username', 'role', 'passwordHash'],
  textOrNull: ['district', 'street', 'lockedUntil'],
  number: ['failedAttempts'],
});

const toAction = rowReader<ActionRecord>()({ text: ['actionId', 'name', 'issuedBy', 'issuedAt'], json: ['args', 'selection'], number: ['total'] });
const toUpload = rowReader<UploadRecord>()({ text: ['commandId', 'terminalId', 'fileName', 'contentType', 'at'], asIs: ['bytes'] });

export function openSqliteStore(file: string): FleetStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(DDL);
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) throw new Error(`fleet store ${file} has schema ${version}, newer than this console (${SCHEMA_VERSION})`);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);

  const q = {
    putState: db.prepare(`INSERT INTO terminals (terminal_id, online, service, service_reason, version, config_version, mode, district, street, centre, state_at)
      VALUES (@terminalId, @online, @service, @serviceReason, @version, @configVersion, @mode, @district, @street, @centre, @at)
      ON CONFLICT (terminal_id) DO UPDATE SET online = excluded.online, service = excluded.service, service_reason = excluded.service_reason,
        version = excluded.version, config_version = excluded.config_version, mode = excluded.mode, district = excluded.district,
        street = excluded.street, centre = excluded.centre, state_at = excluded.state_at
      WHERE excluded.state_at >= terminals.state_at`),
    putHeartbeat: db.prepare(`UPDATE terminals SET last_heartbeat_at = @at, heartbeat_interval = @interval, devices = @devices, outbox_depth = @depth, paper = @paper
      WHERE terminal_id = @terminalId AND (last_heartbeat_at IS NULL OR last_heartbeat_at <= @at)`),
    putHistory: db.prepare('INSERT OR IGNORE INTO history (terminal_id, at, point) VALUES (?, ?, ?)'),
    history: db.prepare('SELECT point FROM history WHERE terminal_id = ? AND at >= ? ORDER BY at'),
    getTerminal: db.prepare('SELECT * FROM terminals WHERE terminal_id = ?'),
    insertAlert: db.prepare(`INSERT OR IGNORE INTO alerts (terminal_id, alert_id, at, received_at, severity, code, device, cleared_at)
      VALUES (@terminalId, @id, @at, @receivedAt, @severity, @code, @device, @clearedAt)`),
    clearAlert: db.prepare('UPDATE alerts SET cleared_at = ? WHERE terminal_id = ? AND alert_id = ? AND cleared_at IS NULL'),
    getAlert: db.prepare('SELECT * FROM alerts WHERE terminal_id = ? AND alert_id = ?'),
    ackAlert: db.prepare('UPDATE alerts SET acked_by = ?, acked_at = ? WHERE terminal_id = ? AND alert_id = ? AND acked_at IS NULL'),
    putCommand: db.prepare(`INSERT INTO commands (command_id, terminal_id, name, args, issued_by, issued_at, expires_at, status, reason, result, updated_at, action_id)
      VALUES (@commandId, @terminalId, @name, @args, @issuedBy, @issuedAt, @expiresAt, @status, @reason, @result, @updatedAt, @actionId)`),
    markSent: db.prepare(`UPDATE commands SET status = 'sent', updated_at = ? WHERE command_id = ? AND status = 'pending'`),
    applyAck: db.prepare(`UPDATE commands SET status = @status, reason = @reason, result = @result, updated_at = @at
      WHERE command_id = @commandId AND terminal_id = @terminalId AND status NOT IN (${FINAL.map((s) => `'${s}'`).join(',')})
        AND NOT (@status = 'received' AND status = 'received')`),
    getCommand: db.prepare('SELECT * FROM commands WHERE command_id = ?'),
    listCommands: db.prepare('SELECT * FROM commands WHERE terminal_id = ? ORDER BY issued_at DESC, command_id LIMIT ?'),
    expire: db.prepare(`UPDATE commands SET status = 'expired', reason = 'no final answer before expiry', updated_at = ?
      WHERE status IN ('pending', 'sent', 'received') AND expires_at < ? RETURNING *`),
    putAction: db.prepare('INSERT INTO actions (action_id, name, args, issued_by, issued_at, selection, total) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    getAction: db.prepare('SELECT * FROM actions WHERE action_id = ?'),
    actionCounts: db.prepare('SELECT status, COUNT(*) AS n FROM commands WHERE action_id = ? GROUP BY status'),
    putUpload: db.prepare('INSERT OR REPLACE INTO uploads (command_id, terminal_id, file_name, content_type, bytes, at) VALUES (?, ?, ?, ?, ?, ?)'),
    getUpload: db.prepare('SELECT * FROM uploads WHERE command_id = ?'),
    parkMessage: db.prepare('INSERT INTO parked_messages (topic, payload, failures, last_error, at) VALUES (?, ?, ?, ?, ?)'),
    getOperator: db.prepare('SELECT * FROM operators WHERE username = ?'),
    putOperator: db.prepare(`INSERT INTO operators (username, role, district, street, password_hash, failed_attempts, locked_until)
      VALUES (@username, @role, @district, @street, @passwordHash, @failedAttempts, @lockedUntil)
      ON CONFLICT (username) DO UPDATE SET role = excluded.role, district = excluded.district, street = excluded.street,
        password_hash = excluded.password_hash, failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until`),
    listOperators: db.prepare('SELECT * FROM operators ORDER BY username'),
    fail: db.prepare('UPDATE operators SET failed_attempts = failed_attempts + 1 WHERE username = ? RETURNING failed_attempts'),
    lock: db.prepare('UPDATE operators SET locked_until = ? WHERE username = ?'),
    clearFailures: db.prepare('UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE username = ?'),
    putSession: db.prepare('INSERT INTO sessions (token_hash, username, expires_at) VALUES (?, ?, ?)'),
    getSession: db.prepare('SELECT username, expires_at FROM sessions WHERE token_hash = ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    audit: db.prepare('INSERT INTO audit (at, operator, action, target, detail) VALUES (?, ?, ?, ?, ?)'),
    listAudit: db.prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT ?'),
    listAuditBy: db.prepare('SELECT * FROM audit WHERE operator = ? ORDER BY seq DESC LIMIT ?'),
  };

  const putHeartbeats = db.transaction((writes: HeartbeatWrite[]) => {
    for (const { heartbeat: h, sample } of writes) {
      q.putHeartbeat.run({ terminalId: h.terminalId, at: h.at, interval: h.intervalSeconds, devices: JSON.stringify(h.devices), depth: h.outbox.depth, paper: h.counters.paper });
      if (!sample) continue;
      const devices: HistoryPoint['devices'] = {};
      for (const d of h.devices) devices[d.id] = d.status;
      const point: HistoryPoint = { at: h.at, outboxDepth: h.outbox.depth, devices, cpuLoad1m: h.host.cpuLoad1m, memoryFreeBytes: h.host.memoryFreeBytes };
      q.putHistory.run(h.terminalId, h.at, JSON.stringify(point));
    }
  });

  const putAlert = db.transaction((a: Alert, receivedAt: string): AlertWriteResult => {
    if (a.cleared) {
      if (q.clearAlert.run(a.at, a.terminalId, a.id).changes > 0) return 'cleared';
      const known = q.getAlert.get(a.terminalId, a.id);
      if (known) return 'duplicate';
      // The clear overtook the raise (or the raise was before this console existed): keep it, already cleared.
      q.insertAlert.run({ terminalId: a.terminalId, id: a.id, at: a.at, receivedAt, severity: a.severity, code: a.code, device: a.device ?? null, clearedAt: a.at });
      return 'unknown-clear';
    }
    const r = q.insertAlert.run({ terminalId: a.terminalId, id: a.id, at: a.at, receivedAt, severity: a.severity, code: a.code, device: a.device ?? null, clearedAt: null });
    return r.changes > 0 ? 'new' : 'duplicate';
  });

  return {
    async putState(s: TerminalState) {
      q.putState.run({ ...s, online: s.online ? 1 : 0, ...s.location });
    },
    async putHeartbeats(writes) {
      if (writes.length) putHeartbeats(writes);
    },
    async listTerminals(scope) {
      const w = scopeWhere(scope);
      return (db.prepare(`SELECT * FROM terminals WHERE ${w.sql}`).all(...w.params) as Row[]).map(toTerminal);
    },
    async getTerminal(id) {
      const r = q.getTerminal.get(id) as Row | undefined;
      return r ? toTerminal(r) : null;
    },
    async history(id, since) {
      return (q.history.all(id, since) as Row[]).map((r) => JSON.parse(String(r['point'])) as HistoryPoint);
    },
    async putAlert(a, receivedAt) {
      return putAlert(a, receivedAt);
    },
    async getAlert(t, id) {
      const r = q.getAlert.get(t, id) as Row | undefined;
      return r ? toAlert(r) : null;
    },
    async listAlerts(scope, { activeOnly, limit }) {
      const w = scopeWhere(scope, 't.');
      const sql = `SELECT a.* FROM alerts a JOIN terminals t ON t.terminal_id = a.terminal_id WHERE ${w.sql}
        ${activeOnly ? 'AND (a.cleared_at IS NULL OR a.acked_at IS NULL)' : ''} ORDER BY a.received_at DESC, a.alert_id LIMIT ?`;
      return (db.prepare(sql).all(...w.params, limit) as Row[]).map(toAlert);
    },
    async openAlertsByTerminal(scope) {
      const w = scopeWhere(scope, 't.');
      const rows = db.prepare(`SELECT a.* FROM alerts a JOIN terminals t ON t.terminal_id = a.terminal_id WHERE a.cleared_at IS NULL AND ${w.sql}`).all(...w.params) as Row[];
      const out = new Map<string, AlertRecord[]>();
      for (const r of rows.map(toAlert)) out.set(r.terminalId, [...(out.get(r.terminalId) ?? []), r]);
      return out;
    },
    async ackAlert(t, id, username, at) {
      q.ackAlert.run(username, at, t, id);
      const r = q.getAlert.get(t, id) as Row | undefined;
      return r ? toAlert(r) : null;
    },
    async putCommand(c) {
      q.putCommand.run({ ...c, args: JSON.stringify(c.args), result: c.result === null ? null : JSON.stringify(c.result) });
    },
    async markSent(id, at) {
      q.markSent.run(at, id);
    },
    async applyAck(ack: CommandAck) {
      const reason = ack.reason ?? (ack.issues?.length ? ack.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : null);
      const result = ack.result || ack.issues ? JSON.stringify({ ...(ack.result ?? {}), ...(ack.issues ? { issues: ack.issues } : {}) }) : null;
      q.applyAck.run({ commandId: ack.commandId, terminalId: ack.terminalId, status: ack.status, reason, result, at: ack.at });
      const r = q.getCommand.get(ack.commandId) as Row | undefined;
      return r && r['terminal_id'] === ack.terminalId ? toCommand(r) : null;
    },
    async getCommand(id) {
      const r = q.getCommand.get(id) as Row | undefined;
      return r ? toCommand(r) : null;
    },
    async listCommands(t, limit) {
      return (q.listCommands.all(t, limit) as Row[]).map(toCommand);
    },
    async expireCommands(now) {
      return (q.expire.all(now, now) as Row[]).map(toCommand);
    },
    async putAction(a: ActionRecord) {
      q.putAction.run(a.actionId, a.name, JSON.stringify(a.args), a.issuedBy, a.issuedAt, JSON.stringify(a.selection), a.total);
    },
    async getAction(id) {
      const r = q.getAction.get(id) as Row | undefined;
      if (!r) return null;
      return toAction(r);
    },
    async actionCounts(id) {
      const counts = { pending: 0, sent: 0, received: 0, done: 0, refused: 0, failed: 0, expired: 0, unsupported: 0 } as Record<CommandStatus, number>;
      for (const r of q.actionCounts.all(id) as Row[]) counts[r['status'] as CommandStatus] = Number(r['n']);
      return counts;
    },
    async putUpload(u: UploadRecord) {
      q.putUpload.run(u.commandId, u.terminalId, u.fileName, u.contentType, u.bytes, u.at);
    },
    async parkMessage(m) {
      q.parkMessage.run(m.topic, Buffer.from(m.payload), m.failures, m.lastError, m.at);
    },
    async getUpload(id) {
      const r = q.getUpload.get(id) as Row | undefined;
      if (!r) return null;
      return toUpload(r);
    },
    async getOperator(u) {
      const r = q.getOperator.get(u) as Row | undefined;
      return r ? toOperator(r) : null;
    },
    async putOperator(op) {
      q.putOperator.run(op);
    },
    async listOperators() {
      return (q.listOperators.all() as Row[]).map(toOperator);
    },
    async recordSignInFailure(u, lockedUntil) {
      const r = q.fail.get(u) as Row | undefined;
      if (lockedUntil) q.lock.run(lockedUntil, u);
      return r ? Number(r['failed_attempts']) : 0;
    },
    async clearSignInFailures(u) {
      q.clearFailures.run(u);
    },
    async putSession(hash, s: SessionRecord) {
      q.putSession.run(hash, s.username, s.expiresAt);
    },
    async getSession(hash) {
      const r = q.getSession.get(hash) as Row | undefined;
      return r ? { username: String(r['username']), expiresAt: String(r['expires_at']) } : null;
    },
    async deleteSession(hash) {
      q.deleteSession.run(hash);
    },
    async audit(e: AuditEntry) {
      q.audit.run(e.at, e.operator, e.action, e.target, JSON.stringify(e.detail));
    },
    async listAudit(limit, operator) {
      const rows = (operator ? q.listAuditBy.all(operator, limit) : q.listAudit.all(limit)) as Row[];
      return rows.map((r) => ({ at: String(r['at']), operator: String(r['operator']), action: String(r['action']), target: str(r['target']), detail: JSON.parse(String(r['detail'])) as Record<string, unknown> }));
    },
    async prune(before, now) {
      db.transaction(() => {
        db.prepare('DELETE FROM history WHERE at < ?').run(before);
        db.prepare('DELETE FROM alerts WHERE cleared_at IS NOT NULL AND acked_at IS NOT NULL AND cleared_at < ?').run(before);
        db.prepare(`DELETE FROM uploads WHERE at < ?`).run(before);
        db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now);
      })();
    },
    async close() {
      db.close();
    },
  };
}
