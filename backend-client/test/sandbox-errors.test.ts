// Every error the sandbox returns is one the spec declares for that operation, with an error body the spec
// describes: each one is provoked over real HTTP, the client (which validates every answer against the spec)
// turns it into a typed BackendError carrying the server's code rather than a `protocol` fault, and the sandbox
// (which validates what it sends) recorded no violation.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_TERMINAL } from '../sandbox/server';
import { createBackendClient, type BackendClient } from '../src/client';
import { signatureHeaders } from '../src/signing';
import { specValidator } from '../src/spec-validator';
import type { ApplicationSubmission } from '../src/types';
import { freshSandbox, RESIDENT_ID, RESIDENT_NAME } from './helpers';

let env: Awaited<ReturnType<typeof freshSandbox>>;
beforeAll(async () => void (env = await freshSandbox()));
afterAll(async () => env.sandbox.close());

const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e);
const submission = (over: Partial<ApplicationSubmission> = {}): ApplicationSubmission => ({
  itemCode: 'QR00204001',
  applicant: { type: 'natural_person', idType: 'resident', idNumber: RESIDENT_ID, name: RESIDENT_NAME },
  channel: 'kiosk',
  form: { applicantName: RESIDENT_NAME, applicantIdNumber: RESIDENT_ID, contactPhone: '13800138001' },
  materials: [],
  ...over,
});
const heartbeat = { at: new Date().toISOString(), mode: 'kiosk' as const, appVersion: 't', inService: true, devices: [], alerts: [] };
const evaluation = (acceptanceNumber: string) => ({ acceptanceNumber, itemCode: 'QR00204001', departmentCode: '440304', level: '满意' as const, indicators: { overall: '满意' as const }, channel: 'kiosk' as const });

/** A correctly signed request with a body and media type of our choosing (what the client would never send). */
async function rawSigned(method: string, path: string, contentType: string, body: Buffer) {
  const timestamp = String(Date.now());
  const nonce = randomBytes(16).toString('base64url');
  const headers = { 'content-type': contentType };
  const auth = signatureHeaders(DEV_TERMINAL.secret, { method, path, timestamp, nonce, terminalId: DEV_TERMINAL.id, headers, body });
  const r = await fetch(env.sandbox.url + path, { method, body: new Uint8Array(body), headers: { ...headers, 'x-terminal-id': DEV_TERMINAL.id, 'x-timestamp': timestamp, 'x-nonce': nonce, ...auth } });
  const json = (await r.json()) as unknown;
  return { status: r.status, json };
}

/** One call per operation, each valid enough to reach the point where the sandbox answers. */
const everyOperation = (c: BackendClient): Record<string, () => Promise<unknown>> => ({
  getCatalogue: () => c.getCatalogue(),
  lookupResident: () => c.lookupResident({ idNumber: RESIDENT_ID, fields: ['contactPhone'] }),
  createCardSession: () => c.createCardSession({ idNumber: RESIDENT_ID, cardType: 'resident', readAt: new Date().toISOString() }),
  createUpload: () => c.createUpload({ sha256: 'a'.repeat(64), size: 10, contentType: 'image/png' }),
  getUpload: () => c.getUpload('up_doesnotexist'),
  putUploadChunk: () => c.putUploadChunk('up_doesnotexist', 0, new Uint8Array(4)),
  submitApplication: () => c.submitApplication(submission(), { idempotencyKey: `errors-${randomBytes(8).toString('hex')}` }),
  queryApplication: () => c.queryApplication({ acceptanceNumber: 'nope', queryPassword: '000000' }),
  listApplicationsByApplicant: () => c.listApplicationsByApplicant({ cardToken: 'x'.repeat(20) }),
  submitEvaluation: () => c.submitEvaluation(evaluation('nope')),
  sendReceiptSms: () => c.sendReceiptSms({ acceptanceNumber: 'nope', queryPassword: '000000', phone: '13800138001' }),
  sendHeartbeat: () => c.sendHeartbeat(heartbeat),
  clerkLogin: () => c.clerkLogin({ staffId: 'C1001', password: 'wrong' }),
  getClerkWorkload: () => c.getClerkWorkload('y'.repeat(20)),
  verifyIdentityCode: () => c.verifyIdentityCode({ code: 'SBX1.ctid.x', codeKind: 'ctid', terminalId: DEV_TERMINAL.id, scannedAt: new Date().toISOString(), purpose: 'session' }),
});

describe('every error the sandbox returns is declared by the spec', () => {
  it('the list of calls covers every operation', () => {
    expect(Object.keys(everyOperation(env.client)).sort()).toEqual([...specValidator().operations.keys()].sort());
  });

  it('401 from a wrong secret, on every operation', async () => {
    const wrong = createBackendClient({ baseUrl: env.sandbox.url, terminalId: DEV_TERMINAL.id, secret: 'wrong', maxAttempts: 1 });
    for (const [op, call] of Object.entries(everyOperation(wrong))) {
      expect(await fail(call()), op).toMatchObject({ code: 'signature', status: 401, serverCode: 'signature_invalid' });
    }
  });

  it('503 while the platform is unavailable, on every operation', async () => {
    const once = createBackendClient({ baseUrl: env.sandbox.url, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret, maxAttempts: 1 });
    env.sandbox.setFaults({ error5xx: 1 });
    try {
      for (const [op, call] of Object.entries(everyOperation(once))) {
        expect(await fail(call()), op).toMatchObject({ code: 'http', status: 503, serverCode: 'unavailable', retryable: true });
      }
    } finally {
      env.sandbox.setFaults(undefined);
    }
  });

  it('400, 413 and 415: unreadable JSON, a body over the limit, a media type no operation takes', async () => {
    expect(await rawSigned('POST', '/v1/residents/lookup', 'application/json', Buffer.from('{'))).toMatchObject({ status: 400, json: { error: { code: 'bad_request' } } });
    expect(await rawSigned('POST', '/v1/residents/lookup', 'text/plain', Buffer.from('hello'))).toMatchObject({ status: 415, json: { error: { code: 'unsupported_media_type' } } });
    // A media type the sandbox can read, but not the one this operation declares: JSON bytes are no upload chunk.
    const chunkTarget = await env.client.createUpload({ sha256: 'c'.repeat(64), size: 100, contentType: 'image/png' });
    expect(await rawSigned('PUT', `/v1/uploads/${chunkTarget.uploadId}`, 'application/json', Buffer.from('{"a":1}'))).toMatchObject({ status: 415, json: { error: { code: 'unsupported_media_type' } } });
    expect(await rawSigned('POST', '/v1/residents/lookup', 'application/octet-stream', Buffer.from('{}'))).toMatchObject({ status: 415 });
    const created = await env.client.createUpload({ sha256: 'b'.repeat(64), size: 52_428_800, contentType: 'application/pdf' });
    const big = await fail(env.client.putUploadChunk(created.uploadId, 0, new Uint8Array(9 * 1024 * 1024)));
    expect(big).toMatchObject({ status: 413, serverCode: 'payload_too_large', code: 'validation' });
    expect(await fail(env.client.lookupResident({ idNumber: 'not-an-id', fields: ['contactPhone'] }))).toMatchObject({ status: 400, serverCode: 'validation_failed' });
  });

  it('404, 409, 422, 401 (sessions, credentials) and 423', async () => {
    const c = env.client;
    expect(await fail(c.getUpload('up_doesnotexist'))).toMatchObject({ status: 404, serverCode: 'not_found', code: 'not_found' });
    expect(await fail(c.putUploadChunk('up_doesnotexist', 0, new Uint8Array(4)))).toMatchObject({ status: 404, serverCode: 'not_found' });
    expect(await fail(c.queryApplication({ acceptanceNumber: 'nope', queryPassword: '000000' }))).toMatchObject({ status: 404 });
    expect(await fail(c.submitEvaluation(evaluation('nope')))).toMatchObject({ status: 404 });
    expect(await fail(c.sendReceiptSms({ acceptanceNumber: 'nope', queryPassword: '000000', phone: '13800138001' }))).toMatchObject({ status: 404, serverCode: 'not_found' });

    const file = Buffer.from('0123456789');
    const sha256 = createHash('sha256').update(file).digest('hex');
    const up = await c.createUpload({ sha256, size: file.length, contentType: 'image/png' });
    expect(await fail(c.createUpload({ sha256, size: 11, contentType: 'image/png' }))).toMatchObject({ status: 409, serverCode: 'checksum_mismatch' });
    expect(await fail(c.putUploadChunk(up.uploadId, 5, file.subarray(0, 5)))).toMatchObject({ status: 409, serverCode: 'offset_mismatch', details: { offset: 0 } });
    expect(await fail(c.putUploadChunk(up.uploadId, 0, Buffer.from('9876543210')))).toMatchObject({ status: 422, serverCode: 'checksum_mismatch', details: { offset: 0 } });
    expect(await fail(c.putUploadChunk(up.uploadId, 0, Buffer.from('0123456789ab')))).toMatchObject({ status: 400, serverCode: 'bad_request' });

    const first = await c.submitApplication(submission(), { idempotencyKey: 'errors-key-conflict-01' });
    expect(await fail(c.submitApplication(submission({ channel: 'counter' }), { idempotencyKey: 'errors-key-conflict-01' }))).toMatchObject({ status: 409, serverCode: 'idempotency_conflict' });
    expect(await fail(c.submitApplication(submission({ itemCode: 'QR99999999' }), { idempotencyKey: 'errors-key-unknown-01' }))).toMatchObject({ status: 422, serverCode: 'validation_failed', details: { itemCode: 'QR99999999' } });
    expect(await fail(c.submitApplication(submission({ form: {} }), { idempotencyKey: 'errors-key-missing-01' }))).toMatchObject({ status: 422, details: { missing: expect.any(Array) } });
    expect(await fail(c.submitApplication(submission({ materials: [{ code: 'ID_CARD', sha256, pageCount: 1, trustLevel: 'C', uploadId: up.uploadId }] }), { idempotencyKey: 'errors-key-upload-01' })))
      .toMatchObject({ status: 422, serverCode: 'upload_incomplete', details: { code: 'ID_CARD' } });
    expect(await fail(c.submitApplication(submission({ materials: [{ code: 'ID_CARD', electronicCertificateNumber: 'NOPE-1', trustLevel: 'A' }] }), { idempotencyKey: 'errors-key-cert-01' })))
      .toMatchObject({ status: 422, serverCode: 'certificate_unknown' });
    expect(await fail(c.submitApplication(submission({ channel: 'counter' }), { idempotencyKey: 'errors-key-clerk-01', clerkToken: 'z'.repeat(20) }))).toMatchObject({ status: 401, serverCode: 'unauthorized' });
    const ev = { ...evaluation(first.receipt.acceptanceNumber), departmentCode: first.receipt.department.code };
    expect(await fail(c.submitEvaluation({ ...ev, itemCode: 'XK00401001' }))).toMatchObject({ status: 422, serverCode: 'validation_failed' });
    await c.submitEvaluation(ev);
    expect(await fail(c.submitEvaluation(ev))).toMatchObject({ status: 409, serverCode: 'already_evaluated' });

    expect(await fail(c.createCardSession({ idNumber: RESIDENT_ID, cardType: 'resident', readAt: new Date(Date.now() - 3600_000).toISOString() }))).toMatchObject({ status: 422 });
    expect(await fail(c.listApplicationsByApplicant({ cardToken: 'x'.repeat(20) }))).toMatchObject({ status: 401, serverCode: 'unauthorized' });
    expect(await fail(c.getClerkWorkload('y'.repeat(20)))).toMatchObject({ status: 401, serverCode: 'unauthorized' });
    expect(await fail(c.clerkLogin({ staffId: 'C1003', password: 'wrong' }))).toMatchObject({ status: 401, serverCode: 'invalid_credentials' });
    for (let i = 0; i < 4; i++) await fail(c.clerkLogin({ staffId: 'C1003', password: 'wrong' }));
    expect(await fail(c.clerkLogin({ staffId: 'C1003', password: 'counter-1003' }))).toMatchObject({ status: 423, serverCode: 'locked', details: { retryAfterSeconds: expect.any(Number) } });
  });

  it('the sandbox sent nothing the spec does not describe', () => {
    expect(env.sandbox.specViolations()).toEqual([]);
  });
});

describe('the validator both ends share', () => {
  const v = specValidator();
  it('refuses an undeclared status, a body where none is declared and a missing one', () => {
    expect(v.validateResponse('getCatalogue', 418, { error: { code: 'internal', message: 'x' } })).toMatchObject({ ok: false });
    expect(v.validateResponse('getCatalogue', 304, undefined)).toEqual({ ok: true });
    expect(v.validateResponse('getCatalogue', 304, { x: 1 })).toMatchObject({ ok: false });
    expect(v.validateResponse('sendHeartbeat', 200, undefined)).toMatchObject({ ok: false });
  });

  it('refuses an error code the status does not allow, and details the spec does not describe', () => {
    expect(v.validateResponse('sendHeartbeat', 401, { error: { code: 'signature_invalid', message: 'x' } })).toEqual({ ok: true });
    expect(v.validateResponse('sendHeartbeat', 401, { error: { code: 'locked', message: 'x' } })).toMatchObject({ ok: false });
    expect(v.validateResponse('clerkLogin', 401, { error: { code: 'invalid_credentials', message: 'x' } })).toEqual({ ok: true });
    expect(v.validateResponse('sendHeartbeat', 401, { error: { code: 'unauthorized', message: 'x' } })).toMatchObject({ ok: false });
    expect(v.validateResponse('getUpload', 404, { error: { code: 'not_found', message: 'x', details: { idNumber: RESIDENT_ID } } })).toMatchObject({ ok: false });
  });
});
