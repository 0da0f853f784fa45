// The journal's SQLite store (better-sqlite3, WAL, synchronous=FULL): every application is on disk with its
// idempotency key before the first network attempt, and its local state (journal-types.ts) survives a crash
// or power cut. A row that cannot be read is quarantined, never thrown at the caller. Synchronous, so it runs
// where blocking is harmless: on the journal's worker thread (journal-worker.ts); the rest of the process
// talks to it through the asynchronous Journal interface (journal.ts). Every statement is prepared once.
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import type { Evaluation, SubmissionReceipt, TrustLevel, UploadCreateRequest } from '../types';
import { Sealer, keyIdFor } from './crypto';
import { JournalError } from './journal-error';
import { migrateJournal } from './journal-migrate';
import type { Journal, JournalFilter } from './journal-api';
import type { JournalCounts, LocalApplication, LocalMaterial, LocalState, NewApplication, NewMaterial, Problem } from './journal-types';

/** content_type marker of a certificate row; its sealed `data` is the certificate number. */
const CERTIFICATE = 'electronic-certificate';

/** States the platform has (the outbox may still owe it the evaluation). */
const DELIVERED: LocalState[] = ['accepted', 'receipt-printed', 'evaluated'];

export interface JournalStoreOptions {
  file: string;
  /** The 32-byte data key (the KeyProvider is asked on the calling side: it may be the OS keystore). */
  key: Uint8Array;
  now?: () => number;
}

interface Row {
  rowid: number; local_id: string; idempotency_key: string; label: string | null; state: LocalState; item_code: string;
  payload: Buffer | null; receipt: Buffer | null; evaluation: Buffer | null; error: Buffer | null;
  evaluation_delivered: number; attempts: number; next_attempt_at: number; key_id: string | null; problem: Problem | null;
  held_from: LocalState | null; created_at: number; submitted_at: number | null; accepted_at: number | null;
  settled_at: number | null; purged_at: number | null;
}
interface MaterialRow { idx: number; code: string; sha256: string; size: number; page_count: number; trust_level: TrustLevel; content_type: UploadCreateRequest['contentType'] | typeof CERTIFICATE; upload_id: string | null }

/** The small sealed columns of a row (material bytes are opened when delivered). */
const SEALED = ['payload', 'receipt', 'evaluation', 'error'] as const;
type SealedColumn = (typeof SEALED)[number];

function localMaterial(m: MaterialRow): LocalMaterial {
  const certificate = m.content_type === CERTIFICATE;
  return {
    idx: m.idx, code: m.code, kind: certificate ? 'certificate' : 'file', sha256: m.sha256, size: m.size, pageCount: m.page_count,
    trustLevel: m.trust_level, contentType: m.content_type === CERTIFICATE ? null : m.content_type, uploadId: m.upload_id,
  };
}

/** The synchronous twin of Journal: what the worker thread serves (checked against the interface below). */
export type JournalStore = { [K in keyof Journal]: Journal[K] extends (...a: infer A) => Promise<infer R> ? (...a: A) => R : never } & {
  /** Runs at open (see buildJournal); exposed for the worker and the tests. */
  checkKeys(): void;
};

export function openJournalStore(options: JournalStoreOptions): JournalStore {
  const sealer = new Sealer(options.key);
  const now = options.now ?? Date.now;
  const db = new Database(options.file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    // An upgrade rewrote plain columns: rebuild the file so no free page keeps the old plain text.
    if (migrateJournal(db, sealer, now())) {
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
  } catch (e) {
    db.close();
    throw e;
  }
  const journal = buildJournal(db, sealer, keyIdFor(options.key), now);
  try {
    journal.checkKeys();
  } catch (e) {
    db.close();
    throw e;
  }
  return journal;
}

function buildJournal(db: Database.Database, sealer: Sealer, keyId: string, now: () => number): JournalStore {
  const aad = (localId: string, column: string) => `${localId}:${column}`;
  // Prepared once, here; the few statements built from a fixed fragment (a state change, a list filter) are
  // prepared on first use and kept, so no call prepares anything twice.
  const cache = new Map<string, Database.Statement>();
  const sql = (text: string): Database.Statement => {
    let st = cache.get(text);
    if (!st) cache.set(text, (st = db.prepare(text)));
    return st;
  };
  const q = {
    row: db.prepare('SELECT rowid, * FROM applications WHERE local_id = ?'),
    byLabel: db.prepare('SELECT rowid, * FROM applications WHERE label = ?'),
    materials: db.prepare('SELECT idx, code, sha256, size, page_count, trust_level, content_type, upload_id FROM materials WHERE local_id = ? ORDER BY idx'),
    materialCount: db.prepare('SELECT count(*) FROM materials WHERE local_id = ?').pluck(),
    materialData: db.prepare('SELECT data FROM materials WHERE local_id = ? AND idx = ?').pluck(),
    insertDraft: db.prepare('INSERT INTO applications (local_id, idempotency_key, label, state, item_code, payload, key_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    insertMaterial: db.prepare('INSERT INTO materials (local_id, idx, code, sha256, size, page_count, trust_level, content_type, data) VALUES (?,?,?,?,?,?,?,?,?)'),
    quarantine: db.prepare("UPDATE applications SET held_from = state, state = 'quarantined', problem = ?, settled_at = ? WHERE local_id = ? AND state != 'quarantined'"),
    release: db.prepare(`UPDATE applications SET state = held_from, held_from = NULL,
        problem = CASE held_from WHEN 'failed' THEN 'refused' WHEN 'needs-clerk' THEN 'clerk-token-expired' ELSE NULL END,
        settled_at = CASE WHEN held_from IN ('failed', 'needs-clerk') THEN ? ELSE NULL END
      WHERE local_id = ? AND state = 'quarantined'`),
    adopt: db.prepare('UPDATE applications SET key_id = ? WHERE local_id = ?'),
    keyCheckRows: db.prepare("SELECT rowid, * FROM applications WHERE purged_at IS NULL AND (state != 'quarantined' OR problem = 'wrong-key')"),
    setKeyId: db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('keyId', ?)"),
    setAside: db.prepare(`SELECT rowid, * FROM applications WHERE state IN ('failed', 'needs-clerk', 'quarantined') AND purged_at IS NULL
      ORDER BY settled_at DESC, rowid DESC LIMIT ?`),
    due: db.prepare("SELECT rowid, * FROM applications WHERE state = 'submitted-locally' AND next_attempt_at <= ? AND rowid > ? ORDER BY rowid LIMIT ?"),
    dueEvaluations: db.prepare("SELECT rowid, * FROM applications WHERE state = 'evaluated' AND evaluation_delivered = 0 AND accepted_at IS NOT NULL AND next_attempt_at <= ? ORDER BY rowid LIMIT ?"),
    markUploaded: db.prepare('UPDATE materials SET upload_id = ? WHERE local_id = ? AND idx = ?'),
    scheduleRetry: db.prepare('UPDATE applications SET attempts = attempts + 1, next_attempt_at = ?, error = ? WHERE local_id = ?'),
    evaluationDelivered: db.prepare('UPDATE applications SET evaluation_delivered = 1, error = NULL WHERE local_id = ?'),
    countByState: db.prepare('SELECT state, count(*) AS n FROM applications GROUP BY state'),
    evaluationsPending: db.prepare("SELECT count(*) FROM applications WHERE state = 'evaluated' AND evaluation_delivered = 0").pluck(),
    oldestPending: db.prepare("SELECT min(submitted_at) FROM applications WHERE state = 'submitted-locally'").pluck(),
    purgeable: db.prepare(`SELECT local_id FROM applications WHERE purged_at IS NULL AND (
        (state IN ('accepted', 'receipt-printed', 'evaluated') AND evaluation_delivered = 1 AND accepted_at <= ?)
        OR (state IN ('failed', 'needs-clerk', 'quarantined') AND settled_at <= ?)
        OR (state = 'draft' AND created_at <= ?))`).pluck(),
    purgeMaterials: db.prepare('UPDATE materials SET data = NULL WHERE local_id = ?'),
    purgeRow: db.prepare(`UPDATE applications SET payload = NULL, receipt = NULL, evaluation = NULL, error = NULL, key_id = NULL,
      state = CASE state WHEN 'needs-clerk' THEN 'failed' ELSE state END, purged_at = ? WHERE local_id = ?`),
  };
  const due = (at: number) => (Number.isFinite(at) ? at : Number.MAX_SAFE_INTEGER);

  function row(localId: string): Row {
    const r = q.row.get(localId) as Row | undefined;
    if (!r) throw new JournalError('not_found', 'no such local application');
    return r;
  }

  function open(localId: string, column: string, sealed: Buffer): Buffer {
    try {
      return sealer.open(sealed, aad(localId, column));
    } catch {
      throw new JournalError('unreadable', `sealed ${column.replace(/:\d+$/, '')} of an application does not open`);
    }
  }
  const openJson = <T>(r: Row, column: SealedColumn): T | null => {
    const sealed = r[column];
    return sealed ? JSON.parse(open(r.local_id, column, sealed).toString('utf8')) as T : null;
  };
  const openText = (r: Row, column: SealedColumn): string | null => {
    const sealed = r[column];
    return sealed ? open(r.local_id, column, sealed).toString('utf8') : null;
  };

  function canOpen(r: Row, column: SealedColumn): boolean {
    const sealed = r[column];
    if (!sealed) return true;
    try {
      open(r.local_id, column, sealed);
      return true;
    } catch {
      return false;
    }
  }

  /** Decodes a row; `sealed: false` leaves every sealed value out (a quarantined row). */
  function decode(r: Row, sealed = r.state !== 'quarantined'): LocalApplication {
    const materials = (q.materials.all(r.local_id) as MaterialRow[]).map(localMaterial);
    const receipt = sealed ? openJson<SubmissionReceipt>(r, 'receipt') : null;
    return {
      seq: r.rowid, localId: r.local_id, idempotencyKey: r.idempotency_key, label: r.label, state: r.state, itemCode: r.item_code,
      submission: sealed ? openJson(r, 'payload') : null,
      receipt, acceptanceNumber: receipt?.acceptanceNumber ?? null,
      evaluation: sealed ? openJson<Evaluation>(r, 'evaluation') : null,
      evaluationDelivered: r.evaluation_delivered === 1, materials, attempts: r.attempts, nextAttemptAt: r.next_attempt_at,
      lastError: sealed ? openText(r, 'error') : null, problem: r.problem, heldFrom: r.held_from,
      createdAt: r.created_at, submittedAt: r.submitted_at, acceptedAt: r.accepted_at, settledAt: r.settled_at, purgedAt: r.purged_at,
    };
  }

  function quarantine(localId: string, problem: Extract<Problem, 'unreadable' | 'wrong-key'>): void {
    q.quarantine.run(problem, now(), localId);
  }

  /** Decodes a row, quarantining it (and returning it without sealed values) when a sealed value does not open. */
  function read(r: Row): LocalApplication {
    try {
      return decode(r);
    } catch (e) {
      if (!(e instanceof JournalError && e.code === 'unreadable')) throw e;
      quarantine(r.local_id, 'unreadable');
      return decode(row(r.local_id), false);
    }
  }
  const readable = (rows: Row[]) => rows.map(read).filter((a) => a.state !== 'quarantined');

  function setState(localId: string, from: LocalState[], to: LocalState, extra: string = '', params: unknown[] = []): void {
    const r = row(localId);
    if (!from.includes(r.state)) throw new JournalError('wrong_state', `cannot go from ${r.state} to ${to}`);
    sql(`UPDATE applications SET state = ?${extra} WHERE local_id = ?`).run(to, ...params, localId);
  }

  /** Re-seals the submission with or without a clerk token (the token is a credential: keep it no longer than needed). */
  function resealPayload(r: Row, clerkToken: string | undefined): Buffer {
    const submission = openJson<Omit<NewApplication, 'label'>>(r, 'payload');
    if (!submission) throw new JournalError('purged', 'the application is past its retention period');
    const { clerkToken: _old, ...rest } = submission;
    return sealer.sealJson(clerkToken ? { ...rest, clerkToken } : rest, aad(r.local_id, 'payload'));
  }

  /** The list filter as SQL: every condition is a fixed fragment with a bound value, so the statement is cached. */
  function listQuery(filter: JournalFilter): { text: string; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.states) {
      where.push(filter.states.length === 0 ? '0' : `state IN (${filter.states.map(() => '?').join(', ')})`);
      params.push(...filter.states);
    }
    if (filter.trackingCode !== undefined) {
      // trackingCodeOf(localId): the first 10 hex digits of the id, upper case.
      where.push("substr(upper(replace(local_id, '-', '')), 1, 10) = ?");
      params.push(filter.trackingCode.toUpperCase());
    }
    if (filter.withData) where.push('purged_at IS NULL');
    const order = filter.newestFirst ? 'created_at DESC, rowid DESC' : 'created_at, rowid';
    params.push(filter.limit ?? -1);
    return { text: `SELECT rowid, * FROM applications${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`, params };
  }

  const journal: JournalStore = {
    /**
     * Runs at open: rows quarantined for another key come back once that key is in use again (they open);
     * rows written under another key, or whose small sealed values do not open, are quarantined (kept).
     */
    checkKeys(): void {
      // IMMEDIATE (as every read-then-write transaction here): another process may hold the file (the outbox
      // CLI beside the terminal); waiting for its write lock beats failing with SQLITE_BUSY on the upgrade.
      db.transaction(() => {
        const rows = q.keyCheckRows.all() as Row[];
        for (const r of rows) {
          // The payload is sealed first and kept until purge: whether it opens tells which key wrote the row.
          const keyColumn = SEALED.find((c) => r[c] !== null);
          const ours = !keyColumn || canOpen(r, keyColumn);
          if (r.state === 'quarantined') {
            if (!ours) continue; // still another key's row
            q.release.run(now(), r.local_id);
          }
          if (!ours) quarantine(r.local_id, r.key_id === keyId ? 'unreadable' : 'wrong-key');
          else if (!SEALED.every((c) => canOpen(r, c))) quarantine(r.local_id, 'unreadable');
          if (ours && r.key_id !== keyId) q.adopt.run(keyId, r.local_id);
        }
        q.setKeyId.run(keyId);
      }).immediate();
    },

    createDraft(app: NewApplication, localId: string = randomUUID()): LocalApplication {
      const { label, ...submission } = app;
      try {
        q.insertDraft.run(localId, randomUUID().replace(/-/g, ''), label ?? null, 'draft', app.itemCode, sealer.sealJson(submission, aad(localId, 'payload')), keyId, now());
      } catch (e) {
        if (label && String(e).includes('UNIQUE') && String(e).includes('label')) throw new JournalError('duplicate_label', 'label already used');
        if (String(e).includes('UNIQUE') && String(e).includes('local_id')) throw new JournalError('duplicate_id', 'local id already used');
        throw e;
      }
      return decode(row(localId));
    },

    addMaterial(localId: string, material: NewMaterial): LocalMaterial {
      if (row(localId).state !== 'draft') throw new JournalError('wrong_state', 'materials can only be added to a draft');
      const idx = Number(q.materialCount.get(localId));
      // A certificate's number goes in the same sealed column as file bytes: purge and at-rest guarantees cover it.
      const cert = 'electronicCertificateNumber' in material;
      const data = cert ? Buffer.from(material.electronicCertificateNumber, 'utf8') : material.data;
      const m: MaterialRow = cert
        ? { idx, code: material.code, sha256: '', size: 0, page_count: 0, trust_level: material.trustLevel, content_type: CERTIFICATE, upload_id: null }
        : { idx, code: material.code, sha256: createHash('sha256').update(data).digest('hex'), size: data.length, page_count: material.pageCount,
          trust_level: material.trustLevel, content_type: material.contentType, upload_id: null };
      q.insertMaterial.run(localId, idx, m.code, m.sha256, m.size, m.page_count, m.trust_level, m.content_type, sealer.seal(data, aad(localId, `material:${idx}`)));
      return localMaterial(m);
    },

    submitLocally(localId: string): LocalApplication {
      setState(localId, ['draft'], 'submitted-locally', ', submitted_at = ?, next_attempt_at = ?', [now(), now()]);
      return decode(row(localId));
    },

    enqueue(app: NewApplication, materials: NewMaterial[] = [], localId: string = randomUUID()): LocalApplication {
      return db.transaction(() => {
        const draft = journal.createDraft(app, localId);
        for (const m of materials) journal.addMaterial(draft.localId, m);
        return journal.submitLocally(draft.localId);
      }).immediate();
    },

    get: (localId: string): LocalApplication => read(row(localId)),

    findByLabel(label: string): LocalApplication | undefined {
      const r = q.byLabel.get(label) as Row | undefined;
      return r ? read(r) : undefined;
    },

    list(filter: JournalFilter = {}): LocalApplication[] {
      const { text, params } = listQuery(filter);
      return (sql(text).all(...params) as Row[]).map(read);
    },

    setAside(limit = 50): LocalApplication[] {
      return (q.setAside.all(limit) as Row[]).map((r) => decode(r, false));
    },

    dueForDelivery(at: number, afterSeq = 0, limit = 50): LocalApplication[] {
      return readable(q.due.all(due(at), afterSeq, limit) as Row[]);
    },

    dueEvaluations(at: number, limit = 50): LocalApplication[] {
      return readable(q.dueEvaluations.all(due(at), limit) as Row[]);
    },

    materialData(localId: string, idx: number): Buffer {
      const data = q.materialData.get(localId, idx) as Buffer | null | undefined;
      if (!data) throw new JournalError('not_found', 'material data missing (purged?)');
      return open(localId, `material:${idx}`, data);
    },

    certificateNumber(localId: string, idx: number): string {
      return journal.materialData(localId, idx).toString('utf8');
    },

    markMaterialUploaded(localId: string, idx: number, uploadId: string): void {
      q.markUploaded.run(uploadId, localId, idx);
    },

    markAccepted(localId: string, receipt: SubmissionReceipt): LocalApplication {
      setState(localId, ['submitted-locally'], 'accepted', ', receipt = ?, accepted_at = ?, error = NULL, problem = NULL',
        [sealer.sealJson(receipt, aad(localId, 'receipt')), now()]);
      return decode(row(localId));
    },

    scheduleRetry(localId: string, error: string, nextAttemptAt: number): void {
      q.scheduleRetry.run(nextAttemptAt, sealer.seal(error, aad(localId, 'error')), localId);
    },

    markFailed(localId: string, error: string): void {
      setState(localId, ['submitted-locally'], 'failed', ", error = ?, problem = 'refused', settled_at = ?", [sealer.seal(error, aad(localId, 'error')), now()]);
    },

    markNeedsClerk(localId: string, error: string): void {
      const r = row(localId);
      setState(localId, ['submitted-locally'], 'needs-clerk', ", payload = ?, error = ?, problem = 'clerk-token-expired', settled_at = ?",
        [resealPayload(r, undefined), sealer.seal(error, aad(localId, 'error')), now()]);
    },

    reauthorise(localId: string, clerkToken: string): LocalApplication {
      const r = row(localId);
      if (r.state !== 'needs-clerk') throw new JournalError('wrong_state', `cannot re-authorise an application in ${r.state}`);
      setState(localId, ['needs-clerk'], 'submitted-locally', ', payload = ?, error = NULL, problem = NULL, settled_at = NULL, attempts = 0, next_attempt_at = ?',
        [resealPayload(r, clerkToken), now()]);
      return decode(row(localId));
    },

    quarantine(localId: string, problem: Extract<Problem, 'unreadable' | 'wrong-key'> = 'unreadable'): void {
      row(localId);
      quarantine(localId, problem);
    },

    markReceiptPrinted(localId: string): LocalApplication {
      setState(localId, ['accepted', 'receipt-printed'], 'receipt-printed');
      return decode(row(localId));
    },

    recordEvaluation(localId: string, evaluation: Evaluation): LocalApplication {
      setState(localId, ['accepted', 'receipt-printed'], 'evaluated', ', evaluation = ?, evaluation_delivered = 0, next_attempt_at = ?, attempts = 0',
        [sealer.sealJson(evaluation, aad(localId, 'evaluation')), now()]);
      return decode(row(localId));
    },

    markEvaluationDelivered(localId: string): void {
      q.evaluationDelivered.run(localId);
    },

    counts(): JournalCounts {
      const byState: Partial<Record<LocalState, number>> = {};
      for (const r of q.countByState.all() as { state: LocalState; n: number }[]) byState[r.state] = r.n;
      const evaluationsPending = Number(q.evaluationsPending.get());
      const oldest = q.oldestPending.get() as number | null;
      const pending = byState['submitted-locally'] ?? 0;
      return {
        depth: pending + evaluationsPending, oldestPendingAt: oldest ?? null, byState, pending,
        delivered: DELIVERED.reduce((n, s) => n + (byState[s] ?? 0), 0),
        failed: byState.failed ?? 0, quarantined: byState.quarantined ?? 0, needsClerk: byState['needs-clerk'] ?? 0, evaluationsPending,
      };
    },

    purge(retentionMs: number): number {
      const cutoff = now() - retentionMs;
      return db.transaction(() => {
        const ids = q.purgeable.all(cutoff, cutoff, cutoff) as string[];
        const at = now();
        for (const id of ids) {
          q.purgeMaterials.run(id);
          q.purgeRow.run(at, id);
        }
        return ids.length;
      }).immediate();
    },

    checkpoint(): void {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },

    close(): void {
      db.close();
    },
  };
  return journal;
}
