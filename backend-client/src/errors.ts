// The one error type the backend client throws. `code` is stable and small so callers (the outbox,
// the IPC layer) can decide without parsing messages; `retryable` says whether trying again can help.
import type { ServerErrorCode } from './types';

export type BackendErrorCode =
  | 'network' // connection refused/reset, DNS, TLS
  | 'timeout' // no complete answer within timeoutMs
  | 'http' // 5xx or an undeclared status
  | 'validation' // the server refused the request as invalid (4xx validation)
  | 'signature' // authentication refused: bad signature, stale time, replayed nonce, unknown terminal
  | 'conflict' // idempotency conflict, already evaluated, upload offset mismatch
  | 'not_found'
  | 'unauthorized' // clerk/card session or credentials refused
  | 'locked' // clerk locked out after repeated failures
  | 'too_large' // the response is bigger than the operation can legitimately answer (cut off, not buffered)
  | 'protocol'; // the response does not match the spec

export interface BackendErrorInit {
  code: BackendErrorCode;
  message: string;
  operationId: string;
  status?: number;
  serverCode?: ServerErrorCode;
  details?: Record<string, unknown>;
  retryable?: boolean;
}

export class BackendError extends Error {
  readonly code: BackendErrorCode;
  readonly operationId: string;
  readonly status: number | undefined;
  readonly serverCode: ServerErrorCode | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly retryable: boolean;

  constructor(init: BackendErrorInit) {
    super(init.message);
    this.name = 'BackendError';
    this.code = init.code;
    this.operationId = init.operationId;
    this.status = init.status;
    this.serverCode = init.serverCode;
    this.details = init.details;
    this.retryable = init.retryable ?? (init.code === 'network' || init.code === 'timeout' || init.code === 'http');
  }

  /** Plain data for IPC and logs: no stack. */
  toJSON() {
    return { code: this.code, message: this.message, operationId: this.operationId, status: this.status, serverCode: this.serverCode, retryable: this.retryable };
  }
}

export function codeForServerError(serverCode: ServerErrorCode, status: number): BackendErrorCode {
  switch (serverCode) {
    case 'signature_missing':
    case 'signature_invalid':
    case 'timestamp_stale':
    case 'nonce_replayed':
    case 'unknown_terminal':
      return 'signature';
    case 'idempotency_conflict':
    case 'already_evaluated':
    case 'offset_mismatch':
      return 'conflict';
    case 'not_found':
      return 'not_found';
    case 'unauthorized':
    case 'invalid_credentials':
      return 'unauthorized';
    case 'locked':
      return 'locked';
    case 'internal':
    case 'unavailable':
      return 'http';
    default:
      return status >= 500 ? 'http' : 'validation';
  }
}
