// A journal written by the previous build (schema 1: plain acceptance_number and last_error, one constant key
// id for the file) is upgraded in place on open: every row kept, the plain text sealed and gone from the file.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sealer } from '../src/outbox/crypto';
import { openJournal } from '../src/outbox/journal';
import { createKeyFileProvider } from '../src/outbox/key-file-provider';
import { RESIDENT_ID, RESIDENT_NAME, tempDir } from './helpers';

/** Schema 1 exactly as the previous build created it. */
const SCHEMA_V1 = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE applications (
  local_id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, label TEXT UNIQUE, state TEXT NOT NULL, item_code TEXT NOT NULL,
  payload BLOB, receipt BLOB, acceptance_number TEXT, evaluation BLOB, evaluation_delivered INTEGER NOT NULL DEFAULT 1,
  attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL DEFAULT 0, last_error TEXT, created_at INTEGER NOT NULL,
  submitted_at INTEGER, accepted_at INTEGER, purged_at INTEGER
);
CREATE INDEX applications_due ON applications (state, next_attempt_at);
CREATE TABLE materials (
  local_id TEXT NOT NULL REFERENCES applications (local_id) ON DELETE CASCADE, idx INTEGER NOT NULL, code TEXT NOT NULL,
  sha256 TEXT NOT NULL, size INTEGER NOT NULL, page_count INTEGER NOT NULL, trust_level TEXT NOT NULL, content_type TEXT NOT NULL,
  data BLOB, upload_id TEXT, PRIMARY KEY (local_id, idx)
);`;

const NUMBER_ACCEPTED = '440304QR0020400120240101000001';
const NUMBER_PURGED = '440304QR0020400120240101000002';
const ERROR_TEXT = `validation: applicantName ${RESIDENT_NAME} rejected`;

/** Writes a schema-1 file with four rows (pending, accepted, failed, purged) sealed with `key`. */
function writeV1(file: string, key: Uint8Array, legacyKeyId: string): Record<string, string> {
  const sealer = new Sealer(key);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(SCHEMA_V1);
  db.prepare("INSERT INTO meta (key, value) VALUES ('keyId', ?)").run(legacyKeyId);
  const ids: Record<string, string> = {};
  const payload = (id: string) => sealer.sealJson({ itemCode: 'QR00204001', applicant: { type: 'natural_person', idType: 'resident', idNumber: RESIDENT_ID, name: RESIDENT_NAME }, channel: 'kiosk', form: {} }, `${id}:payload`);
  const insert = db.prepare(`INSERT INTO applications (local_id, idempotency_key, label, state, item_code, payload, receipt, acceptance_number, last_error,
    created_at, submitted_at, accepted_at, purged_at) VALUES (?, ?, ?, ?, 'QR00204001', ?, ?, ?, ?, 1, 2, ?, ?)`);
  const row = (label: string, state: string, extra: { receipt?: string; error?: string; purged?: boolean } = {}) => {
    const id = randomUUID();
    ids[label] = id;
    const receipt = extra.receipt ? sealer.sealJson({ acceptanceNumber: extra.receipt }, `${id}:receipt`) : null;
    insert.run(id, randomUUID().replace(/-/g, ''), label, state, extra.purged ? null : payload(id), extra.purged ? null : receipt, extra.receipt ?? null,
      extra.error ?? null, extra.receipt ? 3 : null, extra.purged ? 4 : null);
  };
  row('pending', 'submitted-locally', { error: `network: ${RESIDENT_NAME}` });
  row('accepted', 'accepted', { receipt: NUMBER_ACCEPTED });
  row('failed', 'failed', { error: ERROR_TEXT });
  row('purged', 'accepted', { receipt: NUMBER_PURGED, purged: true });
  db.prepare("INSERT INTO materials (local_id, idx, code, sha256, size, page_count, trust_level, content_type, data) VALUES (?, 0, 'ID_CARD', '', 4, 1, 'C', 'image/png', ?)")
    .run(ids['pending'], sealer.seal(`page ${RESIDENT_ID}`, `${ids['pending']}:material:0`));
  db.close();
  return ids;
}

const fileBytes = (file: string) => Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));

describe('journal schema migration', () => {
  it('upgrades a schema-1 file in place: all rows kept, acceptance numbers and error text sealed, no plain copy left', async () => {
    const dir = tempDir('journal-migrate');
    const file = join(dir, 'j.db');
    const keyProvider = createKeyFileProvider(join(dir, 'k'));
    const ids = writeV1(file, await keyProvider.getKey(), 'file:0123456789abcdef');
    expect(fileBytes(file).indexOf(Buffer.from(NUMBER_ACCEPTED))).toBeGreaterThan(-1); // the old file really holds it plain

    const j = await openJournal({ file, keyProvider });
    try {
      expect((await j.list()).map((a) => a.label)).toEqual(['pending', 'accepted', 'failed', 'purged']);
      expect(await j.get(ids['pending']!)).toMatchObject({ state: 'submitted-locally', problem: null, lastError: `network: ${RESIDENT_NAME}` });
      expect((await j.get(ids['pending']!)).submission?.applicant.idNumber).toBe(RESIDENT_ID);
      expect((await j.materialData(ids['pending']!, 0)).toString()).toContain(RESIDENT_ID);
      expect(await j.get(ids['accepted']!)).toMatchObject({ state: 'accepted', acceptanceNumber: NUMBER_ACCEPTED });
      expect(await j.get(ids['failed']!)).toMatchObject({ state: 'failed', problem: 'refused', lastError: ERROR_TEXT });
      expect(await j.get(ids['purged']!)).toMatchObject({ state: 'accepted', acceptanceNumber: null });
      expect(await j.counts()).toMatchObject({ pending: 1, delivered: 2, failed: 1, quarantined: 0 });
      expect((await j.dueForDelivery(Number.POSITIVE_INFINITY)).map((a) => a.localId)).toEqual([ids['pending']]);
      await j.checkpoint();
      const bytes = fileBytes(file);
      for (const needle of [NUMBER_ACCEPTED, NUMBER_PURGED, ERROR_TEXT, RESIDENT_NAME]) expect(bytes.indexOf(Buffer.from(needle)), needle.slice(0, 8)).toBe(-1);
    } finally {
      await j.close();
    }
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT value FROM meta WHERE key = 'schemaVersion'").pluck().get()).toBe('2');
    expect((raw.prepare('PRAGMA table_info(applications)').all() as { name: string }[]).map((c) => c.name)).not.toContain('acceptance_number');
    raw.close();
    // Opening again is a no-op: same rows, same states.
    const again = await openJournal({ file, keyProvider });
    expect(await again.counts()).toMatchObject({ pending: 1, delivered: 2, failed: 1, quarantined: 0 });
    await again.close();
  });

  it('a schema-1 file whose constant key id hid a regenerated key: rows are quarantined, not thrown at, not dropped', async () => {
    const dir = tempDir('journal-migrate-key');
    const file = join(dir, 'j.db');
    const oldKey = createKeyFileProvider(join(dir, 'old'));
    writeV1(file, await oldKey.getKey(), 'safe-storage-v1');
    const j = await openJournal({ file, keyProvider: createKeyFileProvider(join(dir, 'regenerated')) });
    try {
      expect(await j.counts()).toMatchObject({ pending: 0, quarantined: 3 });
      expect((await j.list()).filter((a) => a.state === 'quarantined').every((a) => a.problem === 'wrong-key')).toBe(true);
      expect(await j.findByLabel('purged')).toMatchObject({ state: 'accepted' }); // nothing sealed left, nothing to quarantine
    } finally {
      await j.close();
    }
    // With the old key back, every row returns as it was.
    const back = await openJournal({ file, keyProvider: oldKey });
    expect(await back.counts()).toMatchObject({ pending: 1, delivered: 2, failed: 1, quarantined: 0 });
    // The old error text could not be sealed under the key that wrote its row (the upgrade only had the new one): dropped.
    expect(await back.findByLabel('failed')).toMatchObject({ problem: 'refused', lastError: null });
    expect(await back.findByLabel('accepted')).toMatchObject({ acceptanceNumber: NUMBER_ACCEPTED });
    expect((await back.findByLabel('pending'))!.submission?.applicant.idNumber).toBe(RESIDENT_ID);
    await back.close();
  });
});
