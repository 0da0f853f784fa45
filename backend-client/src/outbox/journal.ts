// The terminal's application journal (better-sqlite3, WAL, synchronous=FULL): every application is on
// disk with its idempotency key before the first network attempt, and its local state
// draft → submitted-locally → accepted → receipt-printed → evaluated survives a crash or power cut.
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import type { Applicant, ApplicationSubmission, Evaluation, SubmissionReceipt, TrustLevel, UploadCreateRequest } from '../types';
import { Sealer, type KeyProvider } from './crypto';
import { JOURNAL_SCHEMA } from './journal-schema';

export type LocalState = 'draft' | 'submitted-locally' | 'accepted' | 'receipt-printed' | 'evaluated' | 'failed';

export interface NewFileMaterial {
  code: string;
  pageCount: number;
  trustLevel: TrustLevel;
  contentType: UploadCreateRequest['contentType'];
  data: Uint8Array;
}

/** A material satisfied by an electronic certificate (电子证照): nothing to upload, the number travels sealed. */
export interface NewCertificateMaterial {
  code: string;
  trustLevel: 'A';
  electronicCertificateNumber: string;
}

export type NewMaterial = NewFileMaterial | NewCertificateMaterial;

/** content_type marker of a certificate row; its sealed `data` is the certificate number. */
const CERTIFICATE = 'electronic-certificate';

export interface NewApplication {
  itemCode: string;
  applicant: Applicant;
  channel: ApplicationSubmission['channel'];
  form: ApplicationSubmission['form'];
  /** Counter mode: the clerk's token, sealed with the rest. */
  clerkToken?: string;
  /** Optional non-personal, unique tag (e.g. `synthetic:17`) to find an application again. */
  label?: string;
}

export interface LocalMaterial {
  idx: number;
  code: string;
  /** 'certificate': no file (sha256 '', size and pageCount 0); the number comes from certificateNumber(). */
  kind: 'file' | 'certificate';
  sha256: string;
  size: number;
  pageCount: number;
  trustLevel: TrustLevel;
  contentType: UploadCreateRequest['contentType'] | null;
  uploadId: string | null;
}

export interface LocalApplication {
  /** Insertion order (SQLite rowid): the delivery order and the outbox's cursor. */
  seq: number;
  localId: string;
  idempotencyKey: string;
  label: string | null;
  state: LocalState;
  itemCode: string;
  /** Decrypted submission data; null once purged. */
  submission: (Omit<NewApplication, 'label'>) | null;
  receipt: SubmissionReceipt | null;
  acceptanceNumber: string | null;
  evaluation: Evaluation | null;
  evaluationDelivered: boolean;
  materials: LocalMaterial[];
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  submittedAt: number | null;
  acceptedAt: number | null;
  purgedAt: number | null;
}

export interface JournalOptions {
  file: string;
  keyProvider: KeyProvider;
  now?: () => number;
}

export interface JournalCounts {
  /** Applications waiting for delivery plus evaluations waiting for delivery. */
  depth: number;
  oldestPendingAt: number | null;
  byState: Partial<Record<LocalState, number>>;
}

interface Row {
  rowid: number; local_id: string; idempotency_key: string; label: string | null; state: LocalState; item_code: string;
  payload: Buffer | null; receipt: Buffer | null; acceptance_number: string | null; evaluation: Buffer | null;
  evaluation_delivered: number; attempts: number; next_attempt_at: number; last_error: string | null;
  created_at: number; submitted_at: number | null; accepted_at: number | null; purged_at: number | null;
}
interface MaterialRow { idx: number; code: string; sha256: string; size: number; page_count: number; trust_level: TrustLevel; content_type: UploadCreateRequest['contentType'] | typeof CERTIFICATE; upload_id: string | null }

function localMaterial(m: MaterialRow): LocalMaterial {
  const certificate = m.content_type === CERTIFICATE;
  return {
    idx: m.idx, code: m.code, kind: certificate ? 'certificate' : 'file', sha256: m.sha256, size: m.size, pageCount: m.page_count,
    trustLevel: m.trust_level, contentType: m.content_type === CERTIFICATE ? null : m.content_type, uploadId: m.upload_id,
  };
}

export class JournalError extends Error {
  constructor(readonly code: 'not_found' | 'wrong_state' | 'wrong_key' | 'duplicate_label', message: string) {
    super(message);
  }
}

export type Journal = ReturnType<typeof buildJournal>;

export async function openJournal(options: JournalOptions): Promise<Journal> {
  const key = await options.keyProvider.getKey();
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(JOURNAL_SCHEMA);
  const keyId = options.keyProvider.keyId;
  const stored = db.prepare("SELECT value FROM meta WHERE key = 'keyId'").pluck().get() as string | undefined;
  if (stored && stored !== keyId) {
    db.close();
    throw new JournalError('wrong_key', 'journal was written with another key');
  }
  if (!stored) db.prepare("INSERT INTO meta (key, value) VALUES ('keyId', ?)").run(keyId);
  return buildJournal(db, new Sealer(key), options.now ?? Date.now);
}

function buildJournal(db: Database.Database, sealer: Sealer, now: () => number) {
  const aad = (localId: string, column: string) => `${localId}:${column}`;
  const getRow = db.prepare('SELECT rowid, * FROM applications WHERE local_id = ?');
  const getMaterials = db.prepare('SELECT idx, code, sha256, size, page_count, trust_level, content_type, upload_id FROM materials WHERE local_id = ? ORDER BY idx');

  function row(localId: string): Row {
    const r = getRow.get(localId) as Row | undefined;
    if (!r) throw new JournalError('not_found', 'no such local application');
    return r;
  }

  function decode(r: Row): LocalApplication {
    const materials = (getMaterials.all(r.local_id) as MaterialRow[]).map(localMaterial);
    const receipt = r.receipt ? sealer.openJson<SubmissionReceipt>(r.receipt, aad(r.local_id, 'receipt')) : null;
    return {
      seq: r.rowid, localId: r.local_id, idempotencyKey: r.idempotency_key, label: r.label, state: r.state, itemCode: r.item_code,
      submission: r.payload ? sealer.openJson(r.payload, aad(r.local_id, 'payload')) : null,
      receipt, acceptanceNumber: r.acceptance_number,
      evaluation: r.evaluation ? sealer.openJson<Evaluation>(r.evaluation, aad(r.local_id, 'evaluation')) : null,
      evaluationDelivered: r.evaluation_delivered === 1, materials, attempts: r.attempts, nextAttemptAt: r.next_attempt_at,
      lastError: r.last_error, createdAt: r.created_at, submittedAt: r.submitted_at, acceptedAt: r.accepted_at, purgedAt: r.purged_at,
    };
  }

  function setState(localId: string, from: LocalState[], to: LocalState, extra: string = '', params: unknown[] = []): void {
    const r = row(localId);
    if (!from.includes(r.state)) throw new JournalError('wrong_state', `cannot go from ${r.state} to ${to}`);
    db.prepare(`UPDATE applications SET state = ?${extra} WHERE local_id = ?`).run(to, ...params, localId);
  }

  const journal = {
    /** Writes a draft with its idempotency key (created here, once, before any network attempt). */
    createDraft(app: NewApplication): LocalApplication {
      const localId = randomUUID();
      const { label, ...submission } = app;
      try {
        db.prepare('INSERT INTO applications (local_id, idempotency_key, label, state, item_code, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(localId, randomUUID().replace(/-/g, ''), label ?? null, 'draft', app.itemCode, sealer.sealJson(submission, aad(localId, 'payload')), now());
      } catch (e) {
        if (label && String(e).includes('UNIQUE')) throw new JournalError('duplicate_label', 'label already used');
        throw e;
      }
      return decode(row(localId));
    },

    addMaterial(localId: string, material: NewMaterial): LocalMaterial {
      if (row(localId).state !== 'draft') throw new JournalError('wrong_state', 'materials can only be added to a draft');
      const idx = Number(db.prepare('SELECT count(*) FROM materials WHERE local_id = ?').pluck().get(localId));
      // A certificate's number goes in the same sealed column as file bytes: purge and at-rest guarantees cover it.
      const cert = 'electronicCertificateNumber' in material;
      const data = cert ? Buffer.from(material.electronicCertificateNumber, 'utf8') : material.data;
      const m: MaterialRow = cert
        ? { idx, code: material.code, sha256: '', size: 0, page_count: 0, trust_level: material.trustLevel, content_type: CERTIFICATE, upload_id: null }
        : { idx, code: material.code, sha256: createHash('sha256').update(data).digest('hex'), size: data.length, page_count: material.pageCount,
          trust_level: material.trustLevel, content_type: material.contentType, upload_id: null };
      db.prepare('INSERT INTO materials (local_id, idx, code, sha256, size, page_count, trust_level, content_type, data) VALUES (?,?,?,?,?,?,?,?,?)')
        .run(localId, idx, m.code, m.sha256, m.size, m.page_count, m.trust_level, m.content_type, sealer.seal(data, aad(localId, `material:${idx}`)));
      return localMaterial(m);
    },

    /** draft → submitted-locally: from now on the outbox owns delivery. */
    submitLocally(localId: string): LocalApplication {
      setState(localId, ['draft'], 'submitted-locally', ', submitted_at = ?, next_attempt_at = ?', [now(), now()]);
      return decode(row(localId));
    },

    /** Draft, materials and local submission in one transaction (all or nothing after a crash). */
    enqueue(app: NewApplication, materials: NewMaterial[] = []): LocalApplication {
      return db.transaction(() => {
        const draft = journal.createDraft(app);
        for (const m of materials) journal.addMaterial(draft.localId, m);
        return journal.submitLocally(draft.localId);
      })();
    },

    get: (localId: string): LocalApplication => decode(row(localId)),

    findByLabel(label: string): LocalApplication | undefined {
      const r = db.prepare('SELECT rowid, * FROM applications WHERE label = ?').get(label) as Row | undefined;
      return r ? decode(r) : undefined;
    },

    list(states?: LocalState[]): LocalApplication[] {
      const rows = db.prepare('SELECT rowid, * FROM applications ORDER BY created_at, rowid').all() as Row[];
      return rows.filter((r) => !states || states.includes(r.state)).map(decode);
    },

    /** Applications due for delivery at `at` (all pending ones when `at` is Infinity), after cursor `afterSeq`. */
    dueForDelivery(at: number, afterSeq = 0, limit = 50): LocalApplication[] {
      const rows = db.prepare("SELECT rowid, * FROM applications WHERE state = 'submitted-locally' AND next_attempt_at <= ? AND rowid > ? ORDER BY rowid LIMIT ?")
        .all(Number.isFinite(at) ? at : Number.MAX_SAFE_INTEGER, afterSeq, limit) as Row[];
      return rows.map(decode);
    },

    dueEvaluations(at: number, limit = 50): LocalApplication[] {
      const rows = db.prepare("SELECT rowid, * FROM applications WHERE evaluation_delivered = 0 AND acceptance_number IS NOT NULL AND next_attempt_at <= ? ORDER BY rowid LIMIT ?")
        .all(Number.isFinite(at) ? at : Number.MAX_SAFE_INTEGER, limit) as Row[];
      return rows.map(decode);
    },

    materialData(localId: string, idx: number): Buffer {
      const data = db.prepare('SELECT data FROM materials WHERE local_id = ? AND idx = ?').pluck().get(localId, idx) as Buffer | null | undefined;
      if (!data) throw new JournalError('not_found', 'material data missing (purged?)');
      return sealer.open(data, aad(localId, `material:${idx}`));
    },

    /** The electronic certificate number of a certificate material (throws once purged). */
    certificateNumber(localId: string, idx: number): string {
      return journal.materialData(localId, idx).toString('utf8');
    },

    markMaterialUploaded(localId: string, idx: number, uploadId: string): void {
      db.prepare('UPDATE materials SET upload_id = ? WHERE local_id = ? AND idx = ?').run(uploadId, localId, idx);
    },

    markAccepted(localId: string, receipt: SubmissionReceipt): LocalApplication {
      setState(localId, ['submitted-locally'], 'accepted', ', receipt = ?, acceptance_number = ?, accepted_at = ?, last_error = NULL',
        [sealer.sealJson(receipt, aad(localId, 'receipt')), receipt.acceptanceNumber, now()]);
      return decode(row(localId));
    },

    scheduleRetry(localId: string, error: string, nextAttemptAt: number): void {
      db.prepare('UPDATE applications SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE local_id = ?').run(nextAttemptAt, error, localId);
    },

    /** The server refused the application for good (validation): needs a person, not a retry. */
    markFailed(localId: string, error: string): void {
      setState(localId, ['submitted-locally'], 'failed', ', last_error = ?', [error]);
    },

    markReceiptPrinted(localId: string): LocalApplication {
      setState(localId, ['accepted', 'receipt-printed'], 'receipt-printed');
      return decode(row(localId));
    },

    /** Stores the resident's 好差评 locally; the outbox delivers it (once) to the server. */
    recordEvaluation(localId: string, evaluation: Evaluation): LocalApplication {
      setState(localId, ['accepted', 'receipt-printed'], 'evaluated', ', evaluation = ?, evaluation_delivered = 0, next_attempt_at = ?, attempts = 0',
        [sealer.sealJson(evaluation, aad(localId, 'evaluation')), now()]);
      return decode(row(localId));
    },

    markEvaluationDelivered(localId: string): void {
      db.prepare('UPDATE applications SET evaluation_delivered = 1, last_error = NULL WHERE local_id = ?').run(localId);
    },

    counts(): JournalCounts {
      const byState: Partial<Record<LocalState, number>> = {};
      for (const r of db.prepare('SELECT state, count(*) AS n FROM applications GROUP BY state').all() as { state: LocalState; n: number }[]) byState[r.state] = r.n;
      const pendingEvaluations = Number(db.prepare('SELECT count(*) FROM applications WHERE evaluation_delivered = 0').pluck().get());
      const oldest = db.prepare("SELECT min(submitted_at) FROM applications WHERE state = 'submitted-locally'").pluck().get() as number | null;
      return { depth: (byState['submitted-locally'] ?? 0) + pendingEvaluations, oldestPendingAt: oldest ?? null, byState };
    },

    /**
     * Removes personal data of delivered applications older than the retention: the sealed payload,
     * receipt, evaluation and material bytes. A tombstone row (state, acceptance number) stays.
     */
    purge(retentionMs: number): number {
      const cutoff = now() - retentionMs;
      return db.transaction(() => {
        const ids = db.prepare(`SELECT local_id FROM applications WHERE purged_at IS NULL AND accepted_at IS NOT NULL AND accepted_at <= ?
          AND state IN ('accepted', 'receipt-printed', 'evaluated') AND evaluation_delivered = 1`).pluck().all(cutoff) as string[];
        for (const id of ids) {
          db.prepare('UPDATE materials SET data = NULL WHERE local_id = ?').run(id);
          db.prepare('UPDATE applications SET payload = NULL, receipt = NULL, evaluation = NULL, purged_at = ? WHERE local_id = ?').run(now(), id);
        }
        return ids.length;
      })();
    },

    /** Folds the WAL into the main file (used before inspecting files, and on orderly shutdown). */
    checkpoint(): void {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },

    close(): void {
      db.close();
    },
  };
  return journal;
}
