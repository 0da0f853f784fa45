// The typed, signed client of the unified acceptance API: one method per operation of openapi.yaml.
import { createHash } from 'node:crypto';
import { BackendError } from './errors';
import { createTransport, type TransportOptions } from './transport';
import type {
  ApplicantQuery, ApplicationList, ApplicationQuery, ApplicationStatus, ApplicationSubmission, CardSession, CardSessionRequest,
  Catalogue, ClerkLoginRequest, IdentityCodeRequest, IdentityVerification, ClerkSession, ClerkWorkload, Evaluation, EvaluationReceipt, Heartbeat, HeartbeatAck,
  ReceiptSmsReceipt, ReceiptSmsRequest, ResidentLookupRequest, ResidentRecord, SubmissionReceipt, UploadCreateRequest, UploadStatus,
} from './types';

export type BackendClientOptions = TransportOptions;

export type CatalogueResult = { notModified: true; etag: string } | { notModified: false; etag: string; catalogue: Catalogue };

export interface SubmitOptions {
  /** Created once, before the first attempt, and reused for every retry of the same application. */
  idempotencyKey: string;
  /** Counter mode: the logged-in clerk's token. */
  clerkToken?: string;
}

export interface SubmitResult {
  receipt: SubmissionReceipt;
  /** True when the server answered from an earlier attempt with the same key. */
  replayed: boolean;
}

export interface UploadFileOptions {
  contentType: UploadCreateRequest['contentType'];
  chunkSize?: number;
  /** Called after each stored chunk (for progress and for journaling the offset). */
  onProgress?: (status: UploadStatus) => void;
}

export interface BackendClient {
  getCatalogue(options?: { etag?: string }): Promise<CatalogueResult>;
  lookupResident(request: ResidentLookupRequest, options?: Waited): Promise<ResidentRecord>;
  createCardSession(request: CardSessionRequest, options?: Waited): Promise<CardSession>;
  /** A phone's dynamic identity code → the verified identity (or same-as-card), or a typed refusal. Not retried: a code verifies once. */
  verifyIdentityCode(request: IdentityCodeRequest, options?: Waited): Promise<IdentityVerification>;
  createUpload(request: UploadCreateRequest): Promise<UploadStatus>;
  getUpload(uploadId: string): Promise<UploadStatus>;
  putUploadChunk(uploadId: string, offset: number, chunk: Uint8Array): Promise<UploadStatus>;
  /** Resumable upload of a whole file: finds the server's offset and sends only what is missing. */
  uploadFile(data: Uint8Array, options: UploadFileOptions): Promise<UploadStatus>;
  submitApplication(submission: ApplicationSubmission, options: SubmitOptions): Promise<SubmitResult>;
  queryApplication(query: ApplicationQuery, options?: Waited): Promise<ApplicationStatus>;
  listApplicationsByApplicant(query: ApplicantQuery, options?: Waited): Promise<ApplicationList>;
  submitEvaluation(evaluation: Evaluation): Promise<EvaluationReceipt>;
  /** 短信回执: the platform texts number, password and progress link to the applicant (a slip not printed). */
  sendReceiptSms(request: ReceiptSmsRequest, options?: Waited): Promise<ReceiptSmsReceipt>;
  sendHeartbeat(heartbeat: Heartbeat): Promise<HeartbeatAck>;
  clerkLogin(request: ClerkLoginRequest, options?: Waited): Promise<ClerkSession>;
  getClerkWorkload(clerkToken: string, options?: Waited): Promise<ClerkWorkload>;
}

/**
 * A call a person stands waiting for: `deadlineMs` bounds the whole call, retries included (transport.ts). An
 * operation that is not retried gets one attempt of at most that long.
 */
export interface Waited {
  deadlineMs?: number;
}

const DEFAULT_CHUNK = 256 * 1024;

export function createBackendClient(options: BackendClientOptions): BackendClient {
  const t = createTransport(options);
  const body = async <T>(operationId: string, json?: unknown, headers?: Record<string, string>, params?: Record<string, string>) =>
    (await t.call({ operationId, ...(json === undefined ? {} : { json }), ...(headers ? { headers } : {}), ...(params ? { params } : {}) })).body as T;
  const waited = async <T>(operationId: string, opts: Waited | undefined, input: { json?: unknown; headers?: Record<string, string> }) =>
    (await t.call({ operationId, ...input, ...(opts?.deadlineMs === undefined ? {} : { deadlineMs: opts.deadlineMs }) })).body as T;

  const client: BackendClient = {
    async getCatalogue(opts) {
      const r = await t.call({ operationId: 'getCatalogue', ...(opts?.etag ? { headers: { 'if-none-match': opts.etag } } : {}) });
      const etag = r.headers.get('etag') ?? opts?.etag ?? '';
      return r.status === 304 ? { notModified: true, etag } : { notModified: false, etag, catalogue: r.body as Catalogue };
    },
    lookupResident: (request, opts) => waited('lookupResident', opts, { json: request }),
    createCardSession: (request, opts) => waited('createCardSession', opts, { json: request }),
    verifyIdentityCode: (request, opts) => waited('verifyIdentityCode', opts, { json: request }),
    createUpload: (request) => body('createUpload', request),
    getUpload: (uploadId) => body('getUpload', undefined, undefined, { uploadId }),
    async putUploadChunk(uploadId, offset, chunk) {
      const r = await t.call({ operationId: 'putUploadChunk', params: { uploadId }, headers: { 'upload-offset': String(offset) }, bytes: chunk });
      return r.body as UploadStatus;
    },
    async uploadFile(data, opts) {
      const sha256 = createHash('sha256').update(data).digest('hex');
      let status = await client.createUpload({ sha256, size: data.length, contentType: opts.contentType });
      const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK;
      while (!status.complete) {
        try {
          status = await client.putUploadChunk(status.uploadId, status.offset, data.subarray(status.offset, status.offset + chunkSize));
        } catch (e) {
          // The server holds a different offset (an earlier chunk landed but its answer was lost): resume there.
          if (e instanceof BackendError && (e.serverCode === 'offset_mismatch' || e.serverCode === 'checksum_mismatch')) {
            status = await client.getUpload(status.uploadId);
            continue;
          }
          throw e;
        }
        opts.onProgress?.(status);
      }
      return status;
    },
    async submitApplication(submission, opts) {
      const headers: Record<string, string> = { 'idempotency-key': opts.idempotencyKey };
      if (opts.clerkToken) headers['x-clerk-token'] = opts.clerkToken;
      const r = await t.call({ operationId: 'submitApplication', json: submission, headers });
      return { receipt: r.body as SubmissionReceipt, replayed: r.status === 200 };
    },
    queryApplication: (query, opts) => waited('queryApplication', opts, { json: query }),
    listApplicationsByApplicant: (query, opts) => waited('listApplicationsByApplicant', opts, { json: query }),
    submitEvaluation: (evaluation) => body('submitEvaluation', evaluation),
    sendReceiptSms: (request, opts) => waited('sendReceiptSms', opts, { json: request }),
    sendHeartbeat: (heartbeat) => body('sendHeartbeat', heartbeat),
    clerkLogin: (request, opts) => waited('clerkLogin', opts, { json: request }),
    getClerkWorkload: (clerkToken, opts) => waited('getClerkWorkload', opts, { headers: { 'x-clerk-token': clerkToken } }),
  };
  return client;
}
