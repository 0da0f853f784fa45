// What the journal stores and returns. The lifecycle and who moves a row:
//   draft → submitted-locally → accepted → receipt-printed → evaluated       (the happy path)
//   submitted-locally → failed          the platform refused it for good: a person must redo it
//   submitted-locally → needs-clerk     the clerk's token was refused: waits for a clerk to re-authorise
//   any → quarantined                   a sealed value cannot be opened (another key, damaged bytes)
// Every state except submitted-locally (and an evaluation not yet delivered) is terminal for the outbox and
// loses its personal data after the retention period; a tombstone without personal data stays.
import type { Applicant, ApplicationSubmission, Evaluation, MaterialFieldCheck, SubmissionReceipt, TrustLevel, UploadCreateRequest } from '../types';

export type LocalState =
  | 'draft' | 'submitted-locally' | 'accepted' | 'receipt-printed' | 'evaluated' | 'failed' | 'needs-clerk' | 'quarantined';

/** Why an application waits for a person. A code, never text from the server (which may echo personal data). */
export type Problem =
  | 'refused' // the platform refused it for good (validation, protocol, idempotency conflict)
  | 'clerk-token-expired' // the clerk's sign-in was refused; a clerk must re-authorise it
  | 'unreadable' // a sealed value does not open under the journal's key (damaged)
  | 'wrong-key'; // sealed under another key (a regenerated or restored key file / keystore)

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

export interface NewApplication {
  itemCode: string;
  applicant: Applicant;
  channel: ApplicationSubmission['channel'];
  form: ApplicationSubmission['form'];
  /** Counter mode: the clerk's token, sealed with the rest. */
  clerkToken?: string;
  /** Per material code, what was read off its pages and checked (no values), for the back office (UploadedMaterial.fieldChecks). */
  materialChecks?: Record<string, MaterialFieldCheck[]>;
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
  /** Decrypted submission data; null once purged (or when quarantined: it cannot be opened). */
  submission: (Omit<NewApplication, 'label'>) | null;
  receipt: SubmissionReceipt | null;
  /** Sealed at rest; null before acceptance and after purge. */
  acceptanceNumber: string | null;
  evaluation: Evaluation | null;
  evaluationDelivered: boolean;
  materials: LocalMaterial[];
  attempts: number;
  nextAttemptAt: number;
  /** The last delivery error as text (sealed at rest: it may echo submitted data). */
  lastError: string | null;
  /** Why a person has to look (failed, needs-clerk, quarantined), else null. */
  problem: Problem | null;
  /** The state a quarantined application was in. */
  heldFrom: LocalState | null;
  createdAt: number;
  submittedAt: number | null;
  acceptedAt: number | null;
  /** When it reached failed / needs-clerk / quarantined: the retention of those counts from here. */
  settledAt: number | null;
  purgedAt: number | null;
}

export interface JournalCounts {
  /** Applications waiting for delivery plus evaluations waiting for delivery. */
  depth: number;
  oldestPendingAt: number | null;
  byState: Partial<Record<LocalState, number>>;
  /** submitted-locally: the outbox is working on them. */
  pending: number;
  /** accepted, receipt-printed or evaluated: the platform has them. */
  delivered: number;
  failed: number;
  quarantined: number;
  needsClerk: number;
  evaluationsPending: number;
}
