// The SQLite tables of the console store. Instants are ISO strings (they sort as text); JSON columns hold
// already-validated data. PostgreSQL takes the same DDL with jsonb/timestamptz/bytea in place of TEXT/BLOB.
export const SCHEMA_VERSION = 1;

export const DDL = `
CREATE TABLE IF NOT EXISTS terminals (
  terminal_id TEXT PRIMARY KEY,
  online INTEGER NOT NULL,
  service TEXT NOT NULL,
  service_reason TEXT,
  version TEXT NOT NULL,
  config_version TEXT NOT NULL,
  mode TEXT NOT NULL,
  district TEXT NOT NULL,
  street TEXT NOT NULL,
  centre TEXT NOT NULL,
  state_at TEXT NOT NULL,
  last_heartbeat_at TEXT,
  heartbeat_interval INTEGER,
  devices TEXT NOT NULL DEFAULT '[]',
  outbox_depth INTEGER,
  paper TEXT
);
CREATE INDEX IF NOT EXISTS terminals_place ON terminals (district, street, centre);
CREATE TABLE IF NOT EXISTS history (
  terminal_id TEXT NOT NULL,
  at TEXT NOT NULL,
  point TEXT NOT NULL,
  PRIMARY KEY (terminal_id, at)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS alerts (
  terminal_id TEXT NOT NULL,
  alert_id TEXT NOT NULL,
  at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  severity TEXT NOT NULL,
  code TEXT NOT NULL,
  device TEXT,
  cleared_at TEXT,
  acked_by TEXT,
  acked_at TEXT,
  PRIMARY KEY (terminal_id, alert_id)
);
CREATE INDEX IF NOT EXISTS alerts_open ON alerts (cleared_at, received_at);
CREATE TABLE IF NOT EXISTS commands (
  command_id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  name TEXT NOT NULL,
  args TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  result TEXT,
  updated_at TEXT NOT NULL,
  action_id TEXT
);
CREATE INDEX IF NOT EXISTS commands_terminal ON commands (terminal_id, issued_at);
CREATE INDEX IF NOT EXISTS commands_action ON commands (action_id);
CREATE INDEX IF NOT EXISTS commands_open ON commands (status, expires_at);
CREATE TABLE IF NOT EXISTS actions (
  action_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  args TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  selection TEXT NOT NULL,
  total INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS uploads (
  command_id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  at TEXT NOT NULL
);
-- Broker messages the store failed to write again and again (ingest.ts, store-retry.ts), kept for an operator.
CREATE TABLE IF NOT EXISTS parked_messages (
  topic TEXT NOT NULL,
  payload BLOB NOT NULL,
  failures INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS operators (
  username TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  district TEXT,
  street TEXT,
  password_hash TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT NOT NULL
);
`;
