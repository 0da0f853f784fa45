// The receipt QR's progress page (getProgressPage) on the sandbox over real HTTP: the slip's token opens the
// application's stage history (HTML for a phone, JSON on request, both validated against the spec on the way
// out and here again), and a forged or another slip's token, a malformed link or a signed-in terminal's
// secret used by another terminal opens nothing. A terminal reading the slip asks with the token too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_TERMINAL } from '../sandbox/server';
import { createBackendClient } from '../src/client';
import { BackendError } from '../src/errors';
import { parseProgressPageUrl, progressPagePath, progressPageUrl, progressToken, progressTokenMatches } from '../src/progress-link';
import { specValidator } from '../src/spec-validator';
import type { ApplicationSubmission, SubmissionReceipt } from '../src/types';
import { freshSandbox, RESIDENT_ID, RESIDENT_NAME } from './helpers';

const OTHER = { id: 'SANDBOX-OTHER-01', secret: 'another-terminals-secret-0123456789' };
let env: Awaited<ReturnType<typeof freshSandbox>>;
let receipt: SubmissionReceipt;
beforeAll(async () => {
  env = await freshSandbox({ terminals: [DEV_TERMINAL, OTHER] });
  const submission: ApplicationSubmission = {
    itemCode: 'QR00204001',
    applicant: { type: 'natural_person', idType: 'resident', idNumber: RESIDENT_ID, name: RESIDENT_NAME },
    channel: 'kiosk',
    form: { applicantName: RESIDENT_NAME, applicantIdNumber: RESIDENT_ID, contactPhone: '13800138001' },
    materials: [],
  };
  ({ receipt } = await env.client.submitApplication(submission, { idempotencyKey: 'progress-page-key-0001' }));
});
afterAll(async () => env?.sandbox.close());

const get = (path: string, accept = 'text/html,application/xhtml+xml,*/*;q=0.8') => fetch(env.sandbox.url + path, { headers: { accept } });
const tokenOf = (number: string, secret = DEV_TERMINAL.secret) => progressToken(secret, number);
/** Flip one character of a token, keeping its shape. */
const forge = (t: string) => (t[0] === 'A' ? 'B' : 'A') + t.slice(1);

describe('progress link token', () => {
  it('is 22 base64url characters, differs per number and per secret, and reveals neither the password nor the number', () => {
    const t = tokenOf(receipt.acceptanceNumber);
    expect(t).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(t).not.toBe(tokenOf(`${receipt.acceptanceNumber}1`));
    expect(t).not.toBe(tokenOf(receipt.acceptanceNumber, OTHER.secret));
    expect(t).not.toContain(receipt.queryPassword);
    expect(progressTokenMatches(DEV_TERMINAL.secret, receipt.acceptanceNumber, t)).toBe(true);
    expect(progressTokenMatches(DEV_TERMINAL.secret, receipt.acceptanceNumber, forge(t))).toBe(false);
    expect(progressTokenMatches(DEV_TERMINAL.secret, receipt.acceptanceNumber, `${t}=`)).toBe(false);
  });

  it('the link is https on the configured host and reads back; other links do not', () => {
    const url = progressPageUrl('progress.sz.example.invalid', 'QR/0001', 'A'.repeat(22));
    expect(url).toBe(`https://progress.sz.example.invalid/progress/QR%2F0001?t=${'A'.repeat(22)}`);
    expect(parseProgressPageUrl(url)).toEqual({ host: 'progress.sz.example.invalid', acceptanceNumber: 'QR/0001', token: 'A'.repeat(22) });
    expect(parseProgressPageUrl(url.replace('https:', 'http:'))).toBeNull();
    expect(parseProgressPageUrl(`${url}&pw=123456`)).toBeNull();
    expect(parseProgressPageUrl(url.replace('/progress/', '/other/'))).toBeNull();
    expect(parseProgressPageUrl(url.slice(0, -1))).toBeNull();
    expect(() => progressPageUrl('evil.example/x?', 'N', 'A'.repeat(22))).toThrow(RangeError);
  });
});

describe('the sandbox progress page', () => {
  it('opens with the slip\'s token: HTML with the current stage, nothing personal', async () => {
    const r = await get(progressPagePath(receipt.acceptanceNumber, tokenOf(receipt.acceptanceNumber)));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await r.text();
    expect(html).toContain(`<span data-field="acceptanceNumber">${receipt.acceptanceNumber}</span>`);
    expect(html).toContain(`<strong data-field="stage">${receipt.stage}</strong>`);
    expect(html).toContain('社会保险参保缴费证明');
    expect(html).not.toContain(RESIDENT_ID);
    expect(html).not.toContain(RESIDENT_NAME);
    expect(html).not.toContain(receipt.queryPassword);
    expect(html).not.toMatch(/<script/i);
    expect(specValidator().validateResponse('getProgressPage', 200, html, 'text/html')).toEqual({ ok: true });
  });

  it('answers JSON on request, the same facts the terminal API gives, valid against the spec', async () => {
    const r = await get(progressPagePath(receipt.acceptanceNumber, tokenOf(receipt.acceptanceNumber)), 'application/json');
    expect(r.status).toBe(200);
    const body = (await r.json()) as { acceptanceNumber: string; stage: string };
    expect(specValidator().validateResponse('getProgressPage', 200, body)).toEqual({ ok: true });
    const byPassword = await env.client.queryApplication({ acceptanceNumber: receipt.acceptanceNumber, queryPassword: receipt.queryPassword });
    expect(body).toEqual(JSON.parse(JSON.stringify(byPassword)));
  });

  it('refuses a forged token, another terminal\'s token and an unknown number with the same 404', async () => {
    const forged = await get(progressPagePath(receipt.acceptanceNumber, forge(tokenOf(receipt.acceptanceNumber))));
    const otherTerminal = await get(progressPagePath(receipt.acceptanceNumber, tokenOf(receipt.acceptanceNumber, OTHER.secret)));
    const unknown = await get(progressPagePath('440304QR002040012099010100000001', tokenOf('440304QR002040012099010100000001')));
    const texts = await Promise.all([forged, otherTerminal, unknown].map(async (r) => ({ status: r.status, text: await r.text() })));
    for (const t of texts) {
      expect(t.status).toBe(404);
      expect(t.text).toContain('没有找到这份回执的办理进度');
      expect(t.text).not.toContain(receipt.stage);
    }
    expect(texts[0]!.text).toBe(texts[2]!.text);
    const json = await get(progressPagePath(receipt.acceptanceNumber, forge(tokenOf(receipt.acceptanceNumber))), 'application/json');
    expect(json.status).toBe(404);
    expect(await json.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses a link without a token or with a malformed one (400, from the spec\'s parameter schema)', async () => {
    const none = await get(`/progress/${receipt.acceptanceNumber}`, 'application/json');
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const short = await get(`/progress/${receipt.acceptanceNumber}?t=abc`);
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('这个链接不完整');
    // The password in place of a token opens nothing either.
    expect((await get(`/progress/${receipt.acceptanceNumber}?t=${receipt.queryPassword}`)).status).toBe(400);
  });

  it('needs no terminal signature, yet the terminal API still does', async () => {
    const unsigned = await fetch(`${env.sandbox.url}/v1/applications/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ acceptanceNumber: receipt.acceptanceNumber, queryPassword: receipt.queryPassword }) });
    expect(unsigned.status).toBe(401);
    expect(specValidator().operations.has('getProgressPage')).toBe(false);
    expect(specValidator().publicOperations.has('getProgressPage')).toBe(true);
  });
});

describe('a terminal reading the slip (queryApplication with the progress token)', () => {
  it('any registered terminal gets the status with the slip\'s token', async () => {
    const other = createBackendClient({ baseUrl: env.sandbox.url, terminalId: OTHER.id, secret: OTHER.secret, timeoutMs: 3000 });
    const status = await other.queryApplication({ acceptanceNumber: receipt.acceptanceNumber, progressToken: tokenOf(receipt.acceptanceNumber) });
    expect(status.acceptanceNumber).toBe(receipt.acceptanceNumber);
  });

  it('a forged token is not_found, like a wrong password; a malformed one is refused by the spec', async () => {
    const forged = await env.client.queryApplication({ acceptanceNumber: receipt.acceptanceNumber, progressToken: forge(tokenOf(receipt.acceptanceNumber)) }).catch((e: unknown) => e);
    expect(forged).toBeInstanceOf(BackendError);
    expect(forged).toMatchObject({ status: 404, serverCode: 'not_found' });
    const malformed = await env.client.queryApplication({ acceptanceNumber: receipt.acceptanceNumber, progressToken: 'short' }).catch((e: unknown) => e);
    expect(malformed).toMatchObject({ status: 400, serverCode: 'validation_failed' });
    const both = await env.client
      .queryApplication({ acceptanceNumber: receipt.acceptanceNumber, queryPassword: receipt.queryPassword, progressToken: tokenOf(receipt.acceptanceNumber) } as never)
      .catch((e: unknown) => e);
    expect(both).toMatchObject({ status: 400 });
  });

  it('the sandbox answered only as the spec describes', () => {
    expect(env.sandbox.specViolations()).toEqual([]);
  });
});
