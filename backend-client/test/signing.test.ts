// Authentication at the sandbox, over real HTTP: a signature that does not match, a stale timestamp, a replayed
// nonce, missing headers and an unknown terminal are refused with typed error bodies; and a signed request
// captured on the wire and changed in any header that gives it meaning (Idempotency-Key, X-Clerk-Token,
// Upload-Offset, If-None-Match, Content-Type), in its query string or in its signed-header list is refused
// with 401 before it does anything, while the untouched capture still goes through.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_TERMINAL } from '../sandbox/server';
import { createBackendClient } from '../src/client';
import { BackendError } from '../src/errors';
import { sha256Hex, signatureHeaders } from '../src/signing';
import type { ApplicationSubmission } from '../src/types';
import { freshSandbox, RESIDENT_ID, RESIDENT_NAME } from './helpers';

let env: Awaited<ReturnType<typeof freshSandbox>>;
beforeAll(async () => void (env = await freshSandbox()));
afterAll(async () => env.sandbox.close());

const path = '/v1/residents/lookup';
const body = JSON.stringify({ idNumber: RESIDENT_ID, fields: ['contactPhone'] });

interface Reply {
  status: number;
  json: { error?: { code: string; message: string } } | undefined;
}

const toReply = async (r: Response): Promise<Reply> => {
  const text = await r.text();
  return { status: r.status, json: text ? (JSON.parse(text) as Reply['json']) : undefined };
};

function signed(over: { secret?: string; timestamp?: number; nonce?: string; terminal?: string; sentBody?: string } = {}) {
  const timestamp = String(over.timestamp ?? Date.now());
  const nonce = over.nonce ?? randomBytes(16).toString('base64url');
  const terminalId = over.terminal ?? DEV_TERMINAL.id;
  const headers = { 'content-type': 'application/json' };
  const auth = signatureHeaders(over.secret ?? DEV_TERMINAL.secret, { method: 'POST', path, timestamp, nonce, terminalId, headers, body });
  return {
    nonce,
    send: () =>
      fetch(env.sandbox.url + path, {
        method: 'POST',
        body: over.sentBody ?? body,
        headers: { ...headers, 'x-terminal-id': terminalId, 'x-timestamp': timestamp, 'x-nonce': nonce, ...auth },
      }).then(toReply),
  };
}

describe('request signing', () => {
  it('accepts a correctly signed request', async () => {
    const r = await signed().send();
    expect(r.status).toBe(200);
  });

  it('refuses a signature made with the wrong secret', async () => {
    const r = await signed({ secret: 'not-the-secret' }).send();
    expect(r).toMatchObject({ status: 401, json: { error: { code: 'signature_invalid' } } });
  });

  it('refuses a body changed after signing', async () => {
    const r = await signed({ sentBody: body.replace('contactPhone', 'housing') }).send();
    expect(r.json?.error?.code).toBe('signature_invalid');
  });

  it('refuses a stale timestamp', async () => {
    const r = await signed({ timestamp: Date.now() - 10 * 60_000 }).send();
    expect(r).toMatchObject({ status: 401, json: { error: { code: 'timestamp_stale' } } });
  });

  it('refuses a replayed nonce', async () => {
    const req = signed();
    expect((await req.send()).status).toBe(200);
    const again = await req.send();
    expect(again).toMatchObject({ status: 401, json: { error: { code: 'nonce_replayed' } } });
  });

  it('refuses missing headers and unknown terminals', async () => {
    const bare = await fetch(env.sandbox.url + path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect((await toReply(bare)).json?.error?.code).toBe('signature_missing');
    expect((await signed({ terminal: 'T-NOBODY' }).send()).json?.error?.code).toBe('unknown_terminal');
  });

  it('refuses a version-1 signature (method, path, time, nonce and body only)', async () => {
    const timestamp = String(Date.now());
    const nonce = randomBytes(16).toString('base64url');
    const v1 = createHmac('sha256', DEV_TERMINAL.secret).update(['POST', path, timestamp, nonce, sha256Hex(body)].join('\n')).digest('hex');
    const base: Record<string, string> = { 'content-type': 'application/json', 'x-terminal-id': DEV_TERMINAL.id, 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': v1 };
    for (const extra of [{}, { 'x-signature-version': '1' }] as Record<string, string>[]) {
      const r = await fetch(env.sandbox.url + path, { method: 'POST', body, headers: { ...base, ...extra } }).then(toReply);
      expect(r).toMatchObject({ status: 401, json: { error: { code: 'signature_invalid' } } });
    }
  });

  it('the client reports a refused signature as a typed, non-retryable error', async () => {
    const client = createBackendClient({ baseUrl: env.sandbox.url, terminalId: DEV_TERMINAL.id, secret: 'wrong', timeoutMs: 2000 });
    const e = await client.getCatalogue().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BackendError);
    expect(e).toMatchObject({ code: 'signature', serverCode: 'signature_invalid', retryable: false, status: 401 });
  });
});

// ---- captured requests, changed on the wire ----

interface Captured {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
}

/** Runs one client call whose request is taken off the wire instead of sent: what an attacker in the path holds. */
async function capture(call: (client: ReturnType<typeof createBackendClient>) => Promise<unknown>): Promise<Captured> {
  let taken: Captured | undefined;
  const client = createBackendClient({
    baseUrl: env.sandbox.url, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret, maxAttempts: 1,
    fetch: (input, init) => {
      taken = { url: String(input), method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string>) }, body: init?.body as Uint8Array | undefined };
      return Promise.reject(new TypeError('taken off the wire'));
    },
  });
  await call(client).catch(() => undefined);
  if (!taken) throw new Error('nothing was sent');
  return taken;
}

function deliver(c: Captured, change: (headers: Record<string, string>) => void = () => undefined, url = c.url): Promise<Reply> {
  const headers = { ...c.headers };
  change(headers);
  return fetch(url, { method: c.method, headers, ...(c.body ? { body: c.body as Uint8Array<ArrayBuffer> } : {}) }).then(toReply);
}

const refused = { status: 401, json: { error: { code: 'signature_invalid' } } };
const applications = () => env.sandbox.db.prepare('SELECT COUNT(*) FROM applications').pluck().get() as number;
const submission = (channel: 'kiosk' | 'counter'): ApplicationSubmission => ({
  itemCode: 'QR00204001',
  applicant: { type: 'natural_person', idType: 'resident', idNumber: RESIDENT_ID, name: RESIDENT_NAME },
  channel,
  form: { applicantName: RESIDENT_NAME, applicantIdNumber: RESIDENT_ID, contactPhone: '13800138001' },
  materials: [],
});

describe('a captured request changed in transit is refused (401) and does nothing', () => {
  it('Idempotency-Key swapped: no second application', async () => {
    const c = await capture((client) => client.submitApplication(submission('kiosk'), { idempotencyKey: 'replay-key-original-0001' }));
    const before = applications();
    expect(await deliver(c, (h) => void (h['idempotency-key'] = 'replay-key-swapped-00001'))).toMatchObject(refused);
    expect(await deliver(c, (h) => void (h['idempotency-key'] = `${h['idempotency-key']}, replay-key-swapped-00002`))).toMatchObject(refused);
    expect(applications()).toBe(before);
    // The untouched capture is genuine (and its nonce still unused): it creates exactly one application …
    expect((await deliver(c)).status).toBe(201);
    expect(applications()).toBe(before + 1);
    // … and the same capture with another key, now after the original, is refused too.
    expect(await deliver(c, (h) => void (h['idempotency-key'] = 'replay-key-swapped-00003'))).toMatchObject({ status: 401 });
    expect(applications()).toBe(before + 1);
  });

  it('X-Clerk-Token swapped, stripped or added unsigned: no application, no attribution', async () => {
    const real = env.client;
    const c1 = await real.clerkLogin({ staffId: 'C1001', password: 'counter-1001' });
    const c3 = await real.clerkLogin({ staffId: 'C1003', password: 'counter-1003' });
    const counter = await capture((client) => client.submitApplication(submission('counter'), { idempotencyKey: 'replay-key-counter-00001', clerkToken: c1.token }));
    const kiosk = await capture((client) => client.submitApplication(submission('kiosk'), { idempotencyKey: 'replay-key-kiosk-000001' }));
    const before = applications();
    expect(await deliver(counter, (h) => void (h['x-clerk-token'] = c3.token))).toMatchObject(refused);
    expect(await deliver(counter, (h) => void delete h['x-clerk-token'])).toMatchObject(refused);
    expect(await deliver(counter, (h) => {
      delete h['x-clerk-token'];
      h['x-signed-headers'] = h['x-signed-headers']!.split(';').filter((n) => n !== 'x-clerk-token').join(';');
    })).toMatchObject(refused);
    expect(await deliver(kiosk, (h) => void (h['x-clerk-token'] = c3.token))).toMatchObject(refused);
    expect(applications()).toBe(before);
    expect((await deliver(counter)).status).toBe(201);
    const staff = env.sandbox.db.prepare('SELECT clerk_staff_id FROM applications WHERE idempotency_key = ?').pluck().get('replay-key-counter-00001');
    expect(staff).toBe('C1001');
  });

  it('Upload-Offset changed', async () => {
    const file = Buffer.alloc(2000, 3);
    const created = await env.client.createUpload({ sha256: createHash('sha256').update(file).digest('hex'), size: file.length, contentType: 'image/png' });
    const c = await capture((client) => client.putUploadChunk(created.uploadId, 0, file.subarray(0, 1000)));
    expect(await deliver(c, (h) => void (h['upload-offset'] = '1000'))).toMatchObject(refused);
    expect((await env.client.getUpload(created.uploadId)).offset).toBe(0);
    expect(await deliver(c)).toMatchObject({ status: 200, json: { offset: 1000 } });
  });

  it('If-None-Match swapped, stripped or added unsigned', async () => {
    const first = await env.client.getCatalogue();
    const conditional = await capture((client) => client.getCatalogue({ etag: first.etag }));
    const plain = await capture((client) => client.getCatalogue());
    expect(await deliver(conditional, (h) => void (h['if-none-match'] = '"another-version"'))).toMatchObject(refused);
    expect(await deliver(conditional, (h) => void delete h['if-none-match'])).toMatchObject(refused);
    expect(await deliver(plain, (h) => void (h['if-none-match'] = first.etag))).toMatchObject(refused);
    expect((await deliver(conditional)).status).toBe(304);
    expect((await deliver(plain)).status).toBe(200);
  });

  it('Content-Type changed, query string added, signed-header list rewritten', async () => {
    const c = await capture((client) => client.lookupResident({ idNumber: RESIDENT_ID, fields: ['contactPhone'] }));
    expect(await deliver(c, (h) => void (h['content-type'] = 'application/octet-stream'))).toMatchObject(refused);
    expect(await deliver(c, undefined, c.url + '?fields=housing')).toMatchObject(refused);
    expect(await deliver(c, (h) => void (h['x-signed-headers'] = 'Content-Type'))).toMatchObject(refused);
    expect(await deliver(c, (h) => void (h['x-signed-headers'] = 'content-type;content-type'))).toMatchObject(refused);
    expect(await deliver(c, (h) => void (h['x-signed-headers'] = 'content-type;x-nonce'))).toMatchObject(refused);
    expect((await deliver(c)).status).toBe(200);
  });
});
