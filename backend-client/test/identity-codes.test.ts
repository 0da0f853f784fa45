// Identity by phone code against the real HTTP sandbox, through the signed client (both ends validate the
// spec): a verified identity, each typed refusal, card-plus-code same/different person, and the developer
// route that issues codes (what the simulator CLI and the developer panel call).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueIdentityCode } from '../sandbox/handlers/identity-codes';
import type { IdentityCodeRequest } from '../src/types';
import { freshSandbox, RESIDENT_ID, RESIDENT_NAME } from './helpers';

let env: Awaited<ReturnType<typeof freshSandbox>>;
beforeAll(async () => {
  env = await freshSandbox();
});
afterAll(async () => {
  await env.sandbox.close();
});

const ask = (code: string, extra: Partial<IdentityCodeRequest> = {}) =>
  env.client.verifyIdentityCode({ code, codeKind: 'ctid', terminalId: 'SZ-DEV-0001', scannedAt: new Date().toISOString(), purpose: 'session', ...extra });

describe('verifyIdentityCode', () => {
  it('answers a fresh code with the identity, its issuer and assurance, and a token that is not the code', async () => {
    const { code } = issueIdentityCode(env.sandbox.db, Date.now(), 'res01');
    const answer = await ask(code);
    expect(answer).toMatchObject({
      outcome: 'verified',
      codeKind: 'ctid',
      assuranceLevel: 'high',
      identity: { name: RESIDENT_NAME, idNumber: RESIDENT_ID, cardType: 'resident', gender: '2', birthDate: '19960412' },
    });
    expect(answer.outcome === 'verified' && answer.identityToken).not.toContain(code.split('.')[2]);
  });

  it('derives the identity of every card family the seed holds', async () => {
    const hmt = await ask(issueIdentityCode(env.sandbox.db, Date.now(), 'hmt01', 'gd_personal').code, { codeKind: 'gd_personal' });
    expect(hmt).toMatchObject({ outcome: 'verified', assuranceLevel: 'substantial', identity: { cardType: 'hmt_permit', birthDate: '19870305', gender: '2' } });
    const frn = await ask(issueIdentityCode(env.sandbox.db, Date.now(), 'frn17a').code);
    expect(frn).toMatchObject({ outcome: 'verified', identity: { cardType: 'foreigner_2017', birthDate: '19790623' } });
  });

  it('refuses with the reason: expired, already used, revoked, unknown issuer, malformed, clock skew', async () => {
    const db = env.sandbox.db;
    expect(await ask(issueIdentityCode(db, Date.now() - 61_000, 'res02').code)).toEqual({ outcome: 'refused', reason: 'expired' });
    const once = issueIdentityCode(db, Date.now(), 'res02').code;
    expect((await ask(once)).outcome).toBe('verified');
    expect(await ask(once)).toEqual({ outcome: 'refused', reason: 'already_used' });
    expect(await ask(issueIdentityCode(db, Date.now(), 'res02', 'ctid', { revoked: true }).code)).toEqual({ outcome: 'refused', reason: 'revoked' });
    expect(await ask('https://example.com/not-an-identity')).toEqual({ outcome: 'refused', reason: 'unknown_issuer' });
    expect(await ask(issueIdentityCode(db, Date.now(), 'res02', 'social_security').code)).toEqual({ outcome: 'refused', reason: 'unknown_issuer' });
    expect(await ask('SBX1.ctid.short')).toEqual({ outcome: 'refused', reason: 'malformed' });
    const fresh = issueIdentityCode(db, Date.now(), 'res02').code;
    expect(await ask(fresh, { scannedAt: new Date(Date.now() - 10 * 60_000).toISOString() })).toEqual({ outcome: 'refused', reason: 'clock_skew' });
    expect((await ask(fresh)).outcome).toBe('verified'); // the skewed ask did not use it up
  });

  it('card_match says whether the code is the cardholder, without the identity', async () => {
    const same = await ask(issueIdentityCode(env.sandbox.db, Date.now(), 'res01').code, { purpose: 'card_match', cardIdNumber: RESIDENT_ID });
    expect(same).toMatchObject({ outcome: 'verified', sameAsCard: true });
    expect(same).not.toHaveProperty('identity');
    const other = await ask(issueIdentityCode(env.sandbox.db, Date.now(), 'res03').code, { purpose: 'card_match', cardIdNumber: RESIDENT_ID });
    expect(other).toMatchObject({ outcome: 'verified', sameAsCard: false });
  });

  it('the client refuses a code the spec does not allow before sending it', async () => {
    await expect(ask('x'.repeat(4000))).rejects.toMatchObject({ code: 'validation' });
    expect(env.sandbox.specViolations()).toEqual([]);
  });

  it('the developer route issues codes for synthetic residents only', async () => {
    const post = (body: unknown) => fetch(`${env.sandbox.url}/dev/identity-codes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const r = await post({ residentId: 'res04', kind: 'sz_personal' });
    expect(r.status).toBe(201);
    const { code } = (await r.json()) as { code: string };
    expect(await ask(code, { codeKind: 'sz_personal' })).toMatchObject({ outcome: 'verified', identity: { idNumber: '440303200801170354' } });
    expect((await post({ residentId: 'nobody' })).status).toBe(404);
    expect((await post({ residentId: 'res04', extra: 1 })).status).toBe(400);
    const used = (await (await post({ residentId: 'res04', spoil: 'used' })).json()) as { code: string };
    expect(await ask(used.code)).toEqual({ outcome: 'refused', reason: 'already_used' });
    const expired = (await (await post({ residentId: 'res04', spoil: 'expired' })).json()) as { code: string };
    expect(await ask(expired.code)).toEqual({ outcome: 'refused', reason: 'expired' });
  });
});
