// Authentication at the sandbox: a signature that does not match, a stale timestamp, a replayed nonce,
// missing headers and an unknown terminal are all refused with typed error bodies.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_TERMINAL } from '../sandbox/server';
import { createBackendClient } from '../src/client';
import { BackendError } from '../src/errors';
import { sign } from '../src/signing';
import { freshSandbox } from './helpers';

let env: Awaited<ReturnType<typeof freshSandbox>>;
beforeAll(async () => void (env = await freshSandbox()));
afterAll(async () => env.sandbox.close());

const path = '/v1/residents/lookup';
const body = JSON.stringify({ idNumber: '440304199604122469', fields: ['contactPhone'] });

function signed(over: { secret?: string; timestamp?: number; nonce?: string; terminal?: string; sentBody?: string } = {}) {
  const timestamp = String(over.timestamp ?? Date.now());
  const nonce = over.nonce ?? randomBytes(16).toString('base64url');
  const signature = sign(over.secret ?? DEV_TERMINAL.secret, { method: 'POST', path, timestamp, nonce, body });
  return {
    nonce,
    send: () =>
      fetch(env.sandbox.url + path, {
        method: 'POST',
        body: over.sentBody ?? body,
        headers: { 'content-type': 'application/json', 'x-terminal-id': over.terminal ?? DEV_TERMINAL.id, 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature },
      }).then(async (r) => ({ status: r.status, json: (await r.json()) as { error?: { code: string } } })),
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
    expect(r.json.error?.code).toBe('signature_invalid');
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
    expect(((await bare.json()) as { error: { code: string } }).error.code).toBe('signature_missing');
    expect((await signed({ terminal: 'T-NOBODY' }).send()).json.error?.code).toBe('unknown_terminal');
  });

  it('the client reports a refused signature as a typed, non-retryable error', async () => {
    const client = createBackendClient({ baseUrl: env.sandbox.url, terminalId: DEV_TERMINAL.id, secret: 'wrong', timeoutMs: 2000 });
    const e = await client.getCatalogue().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BackendError);
    expect(e).toMatchObject({ code: 'signature', serverCode: 'signature_invalid', retryable: false, status: 401 });
  });
});
