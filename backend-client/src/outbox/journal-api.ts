// The journal as the rest of the terminal sees it: asynchronous, because the SQLite connection lives on a
// worker thread (journal-thread.ts) and an fsync or a long read must never hold up the main loop, where the
// IPC router, the device drivers and the screens' answers run. What each call means is the store's
// (journal-store.ts); what crosses between the threads is journal-protocol.ts.
import type { Evaluation, SubmissionReceipt } from '../types';
import type { JournalCounts, LocalApplication, LocalMaterial, LocalState, NewApplication, NewMaterial, Problem } from './journal-types';

/** Which applications list() returns, decided in SQL (nothing is read and then thrown away). */
export interface JournalFilter {
  states?: readonly LocalState[];
  /** trackingCodeOf(localId): the first 10 hex digits of the local id, any case. */
  trackingCode?: string;
  /** Only applications that still hold their personal data (not purged). */
  withData?: boolean;
  /** Newest first (default: oldest first, the journal's order). */
  newestFirst?: boolean;
  limit?: number;
}

export interface Journal {
  /** Writes a draft with its idempotency key (created once, before any network attempt). `localId` defaults to a new UUID. */
  createDraft(app: NewApplication, localId?: string): Promise<LocalApplication>;
  addMaterial(localId: string, material: NewMaterial): Promise<LocalMaterial>;
  /** draft → submitted-locally: from now on the outbox owns delivery. */
  submitLocally(localId: string): Promise<LocalApplication>;
  /** Draft, materials and local submission in one transaction (all or nothing after a crash). */
  enqueue(app: NewApplication, materials?: NewMaterial[], localId?: string): Promise<LocalApplication>;
  /** The application; a quarantined one comes back without its sealed values (state tells why). */
  get(localId: string): Promise<LocalApplication>;
  findByLabel(label: string): Promise<LocalApplication | undefined>;
  list(filter?: JournalFilter): Promise<LocalApplication[]>;
  /**
   * Applications set aside for a person (failed, needs-clerk, quarantined) that still hold their data, newest
   * first, without opening anything sealed: what an operator may see (ids, item, state, problem code, times).
   */
  setAside(limit?: number): Promise<LocalApplication[]>;
  /** Applications due for delivery at `at` (all pending ones when `at` is Infinity), after cursor `afterSeq`. Unreadable ones are quarantined, not returned. */
  dueForDelivery(at: number, afterSeq?: number, limit?: number): Promise<LocalApplication[]>;
  dueEvaluations(at: number, limit?: number): Promise<LocalApplication[]>;
  /** A material's bytes; JournalError 'not_found' once purged, 'unreadable' when they do not open. */
  materialData(localId: string, idx: number): Promise<Buffer>;
  /** The electronic certificate number of a certificate material (throws once purged). */
  certificateNumber(localId: string, idx: number): Promise<string>;
  markMaterialUploaded(localId: string, idx: number, uploadId: string): Promise<void>;
  markAccepted(localId: string, receipt: SubmissionReceipt): Promise<LocalApplication>;
  scheduleRetry(localId: string, error: string, nextAttemptAt: number): Promise<void>;
  /** The server refused the application for good (validation): needs a person, not a retry. */
  markFailed(localId: string, error: string): Promise<void>;
  /** The clerk's token was refused: no retry until a clerk re-authorises it. The stale token is dropped. */
  markNeedsClerk(localId: string, error: string): Promise<void>;
  /** needs-clerk → submitted-locally with a signed-in clerk's token; same idempotency key, so never a second application. */
  reauthorise(localId: string, clerkToken: string): Promise<LocalApplication>;
  /** Sets an application aside whose sealed data cannot be read (e.g. a material that does not open). */
  quarantine(localId: string, problem?: Extract<Problem, 'unreadable' | 'wrong-key'>): Promise<void>;
  markReceiptPrinted(localId: string): Promise<LocalApplication>;
  /** Stores the resident's 好差评 locally; the outbox delivers it (once) to the server. */
  recordEvaluation(localId: string, evaluation: Evaluation): Promise<LocalApplication>;
  markEvaluationDelivered(localId: string): Promise<void>;
  counts(): Promise<JournalCounts>;
  /**
   * Removes the personal data of every application the outbox no longer works on, once its retention has
   * passed: delivered ones (evaluation delivered too) from acceptance; failed, needs-clerk and quarantined
   * ones from when they got there; abandoned drafts from creation. submitted-locally is never purged.
   * Sealed values and material bytes go; a tombstone (state, item, times, problem code) stays. A needs-clerk
   * application nobody re-authorised in time can no longer be sent: it becomes failed.
   */
  purge(retentionMs: number): Promise<number>;
  /** Folds the WAL into the main file (used before inspecting files, and on orderly shutdown). */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

/** The journal's methods, the names the worker protocol carries. */
export const JOURNAL_METHODS = [
  'createDraft', 'addMaterial', 'submitLocally', 'enqueue', 'get', 'findByLabel', 'list', 'setAside', 'dueForDelivery', 'dueEvaluations',
  'materialData', 'certificateNumber', 'markMaterialUploaded', 'markAccepted', 'scheduleRetry', 'markFailed', 'markNeedsClerk', 'reauthorise',
  'quarantine', 'markReceiptPrinted', 'recordEvaluation', 'markEvaluationDelivered', 'counts', 'purge', 'checkpoint', 'close',
] as const satisfies readonly (keyof Journal)[];
export type JournalMethod = (typeof JOURNAL_METHODS)[number];
