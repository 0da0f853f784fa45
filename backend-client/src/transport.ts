// One signed HTTP exchange per call, with timeout, retries for idempotent operations only, clock-skew
// correction, a per-operation bound on the response size and response validation against the spec.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BodyTooLargeError, readBounded } from './bounded-body';
import { BackendError, codeForServerError } from './errors';
import { SIGNATURE_HEADERS as H, signatureHeaders } from './signing';
import { specValidator } from './spec-validator';
import type { ErrorBody } from './types';

export interface TransportOptions {
  baseUrl: string;
  terminalId: string;
  secret: string;
  /** Per attempt, including reading the body. Default 10 000 ms. */
  timeoutMs?: number;
  /** Attempts for idempotent operations (default 3); others get exactly one. */
  maxAttempts?: number;
  /** First back-off delay between attempts (default 200 ms, doubled each time, with jitter). */
  retryBaseMs?: number;
  fetch?: typeof fetch;
}

export interface CallInput {
  operationId: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  json?: unknown;
  bytes?: Uint8Array;
  /**
   * The whole call's budget, retries included (a resident is waiting): each attempt gets what is left, at most
   * timeoutMs, and no attempt starts once it is spent. Without it each attempt gets timeoutMs.
   */
  deadlineMs?: number;
}

export interface CallResult {
  status: number;
  body: unknown;
  headers: Headers;
}

export function createTransport(options: TransportOptions) {
  const validator = specValidator();
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const base = options.baseUrl.replace(/\/+$/, '');
  /** Server time minus local time, learnt from a timestamp_stale answer. */
  let clockOffsetMs = 0;

  async function attempt(input: CallInput, attemptMs = timeoutMs): Promise<CallResult> {
    const op = validator.operation(input.operationId);
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(input.params?.[name] ?? ''));
    const body = input.bytes ?? (input.json === undefined ? new Uint8Array() : Buffer.from(JSON.stringify(input.json)));
    const timestamp = String(Date.now() + clockOffsetMs);
    const nonce = randomBytes(16).toString('base64url');
    // Every header we send that the server acts on is signed, Content-Type included.
    const meaningful: Record<string, string> = { ...input.headers };
    if (input.bytes) meaningful['content-type'] = 'application/octet-stream';
    else if (input.json !== undefined) meaningful['content-type'] = 'application/json';
    const headers: Record<string, string> = {
      ...meaningful,
      [H.terminalId]: options.terminalId,
      [H.timestamp]: timestamp,
      [H.nonce]: nonce,
      ...signatureHeaders(options.secret, { method: op.method, path, timestamp, nonce, terminalId: options.terminalId, headers: meaningful, body }),
    };
    let res: Response;
    let raw: Uint8Array;
    try {
      res = await doFetch(base + path, { method: op.method, headers, ...(body.length || op.method !== 'GET' ? { body: body as Uint8Array<ArrayBuffer> } : {}), signal: AbortSignal.timeout(attemptMs) });
      raw = await readBounded(res, op.maxResponseBytes);
    } catch (e) {
      if (e instanceof BodyTooLargeError) {
        throw new BackendError({ code: 'too_large', message: e.message, operationId: op.operationId, retryable: false, details: { limit: e.limit, ...(e.announced !== undefined ? { announced: e.announced } : {}) } });
      }
      const err = e as Error;
      const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
      throw new BackendError({ code: timedOut ? 'timeout' : 'network', message: timedOut ? `no answer within ${attemptMs} ms` : `network failure: ${err.message}`, operationId: op.operationId });
    }
    const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
    let parsed: unknown;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new BackendError({ code: res.status >= 500 ? 'http' : 'protocol', message: `non-JSON body with status ${res.status}`, operationId: op.operationId, status: res.status });
      }
    }
    const check = validator.validateResponse(op.operationId, res.status, parsed);
    if (!check.ok) {
      // An answer the contract does not describe: a gateway's 5xx or 429 is worth another try later, anything else is a protocol fault.
      if (res.status >= 500 || res.status === 429) throw new BackendError({ code: 'http', message: `server error ${res.status}`, operationId: op.operationId, status: res.status, retryable: true });
      throw new BackendError({ code: 'protocol', message: `response violates the spec: ${check.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, operationId: op.operationId, status: res.status });
    }
    if (res.status >= 400) {
      const err = (parsed as ErrorBody).error;
      if (err.code === 'timestamp_stale' && typeof err.details?.['serverTime'] === 'string') {
        clockOffsetMs = Date.parse(err.details['serverTime'] as string) - Date.now();
      }
      throw new BackendError({
        code: codeForServerError(err.code, res.status),
        message: err.message,
        operationId: op.operationId,
        status: res.status,
        serverCode: err.code,
        ...(err.details ? { details: err.details } : {}),
        retryable: res.status >= 500 || err.code === 'timestamp_stale',
      });
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  return {
    async call(input: CallInput): Promise<CallResult> {
      const op = validator.operation(input.operationId);
      const attempts = op.idempotent ? Math.max(1, options.maxAttempts ?? 3) : 1;
      const endsAt = input.deadlineMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + input.deadlineMs;
      const left = () => Math.min(timeoutMs, Math.max(1, endsAt - Date.now()));
      let lastError: BackendError | undefined;
      for (let i = 0; i < attempts; i++) {
        try {
          return await attempt(input, left());
        } catch (e) {
          if (!(e instanceof BackendError)) throw e;
          lastError = e;
          // A stale timestamp was refused before any processing: one corrected retry is safe for any call.
          if (e.serverCode === 'timestamp_stale' && i === 0) {
            if (attempts === 1) return attempt(input, left());
            continue;
          }
          if (!e.retryable || i === attempts - 1) throw e;
          const base = (options.retryBaseMs ?? 200) * 2 ** i;
          const pause = base / 2 + Math.random() * base;
          if (Date.now() + pause >= endsAt) throw e; // the budget is spent: the last error is the answer
          await sleep(pause);
        }
      }
      throw lastError ?? new Error('unreachable');
    },
    get clockOffsetMs() {
      return clockOffsetMs;
    },
  };
}
