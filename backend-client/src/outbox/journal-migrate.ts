// Brings a journal file to the current schema version without losing a row. Version 1 (no `schemaVersion`
// in meta) kept the acceptance number and the last error text in plain columns and had one key id for the
// whole file; version 2 drops the plain number (the sealed receipt holds it), seals the error text, records
// the key id per row and adds the problem code.
import type Database from 'better-sqlite3';
import type { Sealer } from './crypto';
import { JournalError } from './journal-error';
import { JOURNAL_SCHEMA, META_SCHEMA, SCHEMA_VERSION } from './journal-schema';

const aad = (localId: string, column: string) => `${localId}:${column}`;

function opens(sealer: Sealer, sealed: Buffer | null, ad: string): boolean {
  if (!sealed) return true;
  try {
    sealer.open(sealed, ad);
    return true;
  } catch {
    return false;
  }
}

function version(db: Database.Database): number {
  const v = db.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").pluck().get() as string | undefined;
  if (v !== undefined) return Number(v);
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'applications'").get();
  return hasTable ? 1 : 0;
}

function setVersion(db: Database.Database, v: number): void {
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schemaVersion', ?)").run(String(v));
}

function v1ToV2(db: Database.Database, sealer: Sealer, now: number): void {
  for (const col of ['key_id TEXT', 'error BLOB', 'problem TEXT', 'held_from TEXT', 'settled_at INTEGER']) {
    db.exec(`ALTER TABLE applications ADD COLUMN ${col}`);
  }
  const legacyKeyId = (db.prepare("SELECT value FROM meta WHERE key = 'keyId'").pluck().get() as string | undefined) ?? null;
  const rows = db.prepare('SELECT local_id, state, payload, last_error, purged_at FROM applications').all() as
    { local_id: string; state: string; payload: Buffer | null; last_error: string | null; purged_at: number | null }[];
  const update = db.prepare('UPDATE applications SET error = ?, key_id = ?, problem = ?, settled_at = ? WHERE local_id = ?');
  for (const r of rows) {
    const live = r.purged_at === null;
    const failed = r.state === 'failed';
    // The error text is only a diagnostic: sealed when this key wrote the row, dropped otherwise (one key per row).
    const sealable = live && r.last_error !== null && opens(sealer, r.payload, aad(r.local_id, 'payload'));
    update.run(
      sealable ? sealer.seal(r.last_error!, aad(r.local_id, 'error')) : null,
      live ? legacyKeyId : null,
      // v1 only failed on a permanent refusal; when is unknown, so its retention starts now (never early).
      failed ? 'refused' : null,
      failed ? now : null,
      r.local_id,
    );
  }
  db.exec('ALTER TABLE applications DROP COLUMN acceptance_number');
  db.exec('ALTER TABLE applications DROP COLUMN last_error');
}

/** Creates or upgrades the schema. Returns true when an upgrade rewrote rows (the caller then vacuums). */
export function migrateJournal(db: Database.Database, sealer: Sealer, now: number): boolean {
  db.exec(META_SCHEMA);
  if (version(db) === SCHEMA_VERSION) {
    db.exec(JOURNAL_SCHEMA);
    return false;
  }
  // IMMEDIATE, and the version read again inside: a second process opening the file at the same moment waits,
  // then finds the work done.
  return db.transaction(() => {
    const from = version(db);
    if (from > SCHEMA_VERSION) throw new JournalError('newer_schema', `journal schema ${from} is newer than this build (${SCHEMA_VERSION})`);
    if (from === 1) v1ToV2(db, sealer, now);
    db.exec(JOURNAL_SCHEMA);
    setVersion(db, SCHEMA_VERSION);
    return from === 1;
  }).immediate();
}
