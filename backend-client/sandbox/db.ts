// The sandbox's SQLite store: schema and seeding. One file per sandbox; survives restarts so
// idempotency holds across a restarted backend too.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { seedCatalogue } from './seed/catalogue';
import { SEED_CLERKS } from './seed/clerks';
import { hashPassword } from './passwords';
import type { Catalogue, ResidentRecord } from '../src/types';

export type SandboxDb = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS residents (id_number TEXT PRIMARY KEY, name TEXT NOT NULL, library_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clerks (staff_id TEXT PRIMARY KEY, name TEXT NOT NULL, window_no TEXT NOT NULL,
  dept_code TEXT NOT NULL, dept_name TEXT NOT NULL, pw_hash TEXT NOT NULL,
  failed_count INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS clerk_sessions (token_hash TEXT PRIMARY KEY, staff_id TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS card_sessions (token_hash TEXT PRIMARY KEY, id_number TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS nonces (terminal_id TEXT NOT NULL, nonce TEXT NOT NULL, seen_at INTEGER NOT NULL,
  PRIMARY KEY (terminal_id, nonce));
CREATE TABLE IF NOT EXISTS uploads (upload_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
  content_type TEXT NOT NULL, data BLOB NOT NULL, complete INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS applications (
  acceptance_number TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL, receipt_json TEXT NOT NULL, item_code TEXT NOT NULL, id_number TEXT NOT NULL,
  form_json TEXT NOT NULL, materials_json TEXT NOT NULL, channel TEXT NOT NULL, clerk_staff_id TEXT,
  outcome TEXT NOT NULL, synthetic_seq INTEGER, submitted_at INTEGER NOT NULL,
  UNIQUE (terminal_id, idempotency_key));
CREATE INDEX IF NOT EXISTS applications_by_id ON applications (id_number);
CREATE TABLE IF NOT EXISTS evaluations (evaluation_id TEXT PRIMARY KEY, acceptance_number TEXT NOT NULL UNIQUE,
  level TEXT NOT NULL, indicators_json TEXT NOT NULL, comment TEXT, channel TEXT NOT NULL, clerk_staff_id TEXT,
  recorded_at INTEGER NOT NULL, reasons_json TEXT, reason_text TEXT, callback_phone TEXT);
CREATE TABLE IF NOT EXISTS receipt_sms (message_id TEXT PRIMARY KEY, acceptance_number TEXT NOT NULL, phone TEXT NOT NULL,
  body TEXT NOT NULL, sent_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS heartbeats (terminal_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL, body_json TEXT NOT NULL);
`;

interface SeedResident {
  idNumber: string;
  name: string;
  library: Omit<ResidentRecord, 'found'>;
}

export interface OpenSandboxDbOptions {
  file: string;
  /** Resident seed file; defaults to the copy in sandbox/seed/. */
  residentsFile?: string;
}

export function openSandboxDb({ file, residentsFile }: OpenSandboxDbOptions): SandboxDb {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  addEvaluationFeedbackColumns(db);
  seed(db, residentsFile ?? new URL('./seed/residents.json', import.meta.url));
  return db;
}

/** A sandbox file from before poor-rating feedback was stored gains its columns (reasons, own words, callback phone). */
function addEvaluationFeedbackColumns(db: SandboxDb): void {
  const columns = new Set((db.prepare('PRAGMA table_info(evaluations)').all() as { name: string }[]).map((c) => c.name));
  for (const c of ['reasons_json', 'reason_text', 'callback_phone']) if (!columns.has(c)) db.exec(`ALTER TABLE evaluations ADD COLUMN ${c} TEXT`);
}

function seed(db: SandboxDb, residentsFile: string | URL): void {
  const catalogue = seedCatalogue();
  const body = JSON.stringify(catalogue);
  const version = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const existing = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get('catalogueVersion') as string | undefined;
  const tx = db.transaction(() => {
    if (existing !== version) {
      const full: Catalogue = { version, generatedAt: new Date().toISOString(), ...catalogue };
      db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('catalogueVersion', version);
      db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('catalogue', JSON.stringify(full));
    }
    const residents = (JSON.parse(readFileSync(residentsFile, 'utf8')) as { residents: SeedResident[] }).residents;
    const insResident = db.prepare('INSERT OR REPLACE INTO residents (id_number, name, library_json) VALUES (?, ?, ?)');
    for (const r of residents) insResident.run(r.idNumber, r.name, JSON.stringify(r.library));
    const hasClerk = db.prepare('SELECT 1 FROM clerks WHERE staff_id = ?').pluck();
    const insClerk = db.prepare('INSERT INTO clerks (staff_id, name, window_no, dept_code, dept_name, pw_hash) VALUES (?, ?, ?, ?, ?, ?)');
    for (const c of SEED_CLERKS) {
      if (!hasClerk.get(c.staffId)) insClerk.run(c.staffId, c.name, c.windowNo, c.department.code, c.department.name, hashPassword(c.devPassword));
    }
  });
  tx();
}

export function loadCatalogue(db: SandboxDb): Catalogue {
  return JSON.parse(db.prepare("SELECT value FROM meta WHERE key = 'catalogue'").pluck().get() as string) as Catalogue;
}

export interface SandboxStats {
  applications: number;
  distinctSyntheticSeq: number;
  duplicateIdempotencyKeys: number;
  evaluations: number;
  uploads: number;
}

export function sandboxStats(db: SandboxDb): SandboxStats {
  const n = (sql: string) => Number(db.prepare(sql).pluck().get() ?? 0);
  return {
    applications: n('SELECT count(*) FROM applications'),
    distinctSyntheticSeq: n('SELECT count(DISTINCT synthetic_seq) FROM applications WHERE synthetic_seq IS NOT NULL'),
    duplicateIdempotencyKeys: n('SELECT count(*) - count(DISTINCT terminal_id || idempotency_key) FROM applications'),
    evaluations: n('SELECT count(*) FROM evaluations'),
    uploads: n('SELECT count(*) FROM uploads WHERE complete = 1'),
  };
}
