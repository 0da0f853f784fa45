// The terminal journal's tables. Personal data lives only in sealed BLOB columns (payload, receipt,
// evaluation, material data); the plain columns hold what the outbox needs to schedule work.
export const JOURNAL_SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS applications (
  local_id TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  label TEXT UNIQUE,
  state TEXT NOT NULL,
  item_code TEXT NOT NULL,
  payload BLOB,
  receipt BLOB,
  acceptance_number TEXT,
  evaluation BLOB,
  evaluation_delivered INTEGER NOT NULL DEFAULT 1,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  submitted_at INTEGER,
  accepted_at INTEGER,
  purged_at INTEGER
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
