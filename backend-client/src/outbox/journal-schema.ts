// The terminal journal's tables (schema version 2). Whatever identifies a person lives only in sealed BLOB
// columns (payload, receipt with the acceptance number, evaluation, last error text, material data); the plain
// columns hold what the outbox needs to schedule work and what an operator may see (state, problem code).
export const SCHEMA_VERSION = 2;

export const META_SCHEMA = 'CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);';

export const JOURNAL_SCHEMA = `
CREATE TABLE IF NOT EXISTS applications (
  local_id TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  label TEXT UNIQUE,
  state TEXT NOT NULL,
  item_code TEXT NOT NULL,
  payload BLOB,
  receipt BLOB,
  evaluation BLOB,
  evaluation_delivered INTEGER NOT NULL DEFAULT 1,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  submitted_at INTEGER,
  accepted_at INTEGER,
  purged_at INTEGER,
  key_id TEXT,
  error BLOB,
  problem TEXT,
  held_from TEXT,
  settled_at INTEGER
);
CREATE INDEX IF NOT EXISTS applications_due ON applications (state, next_attempt_at);
CREATE TABLE IF NOT EXISTS materials (
  local_id TEXT NOT NULL REFERENCES applications (local_id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  code TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  page_count INTEGER NOT NULL,
  trust_level TEXT NOT NULL,
  content_type TEXT NOT NULL,
  data BLOB,
  upload_id TEXT,
  PRIMARY KEY (local_id, idx)
);
`;
