// Once the scanner has read the code, the platform is asked; a cancel (or the session's end) while it answers
// must win: the late answer starts no session and marks nothing.
import { describe, expect, it } from 'vitest';
import type { BackendClient } from '@easydo/backend-client/client';
import type { IdentityVerification } from '@easydo/backend-client/types';
import type { QrScannerService } from '@easydo/device-drivers/qrscan/scanner/service';
import { IdentityDesk } from '../../src/services/identity/identity-desk';
import { identityOf } from '../../src/services/session/session-identity';
import { IDENTITY_DEFAULTS } from '../../src/services/config/qr-scanner-config';
import { SessionManager } from '../../src/services/session/session-manager';
import type { CardSession } from '../../src/services/session/card-session';
import type { CardRecord } from '../../src/services/session/card-record';
import { Failure } from '../../src/services/errors/failure';

const verified = {
  outcome: 'verified',
  assuranceLevel: 'high',
  sameAsCard: true,
  identity: { cardType: 'resident', name: '卓岚', gender: 'female', birthDate: '1996-04-12', idNumber: '440304199604122469' },
} as unknown as IdentityVerification;

/** The scanner reads at once; the platform answers when the test lets it. */
function rig() {
  let release: (v: IdentityVerification) => void = () => undefined;
  let asked = 0;
  const scanner = { readCode: async () => ({ code: 'synthetic-code' }), snapshot: () => ({ status: 'online' }) } as unknown as QrScannerService;
  const client = {
    verifyIdentityCode: () => {
      asked += 1;
      return new Promise<IdentityVerification>((resolve) => (release = resolve));
    },
  } as unknown as BackendClient;
  const sessions = new SessionManager();
  const desk = new IdentityDesk({ scanner, client, sessions, config: () => ({ terminalId: 'SZ-T-0001', identity: { ...IDENTITY_DEFAULTS, codeKinds: ['ctid'] }, timeZone: 'Asia/Shanghai' }) });
  const whenAsked = async () => {
    while (asked === 0) await new Promise((r) => setTimeout(r, 1));
  };
  return { desk, sessions, whenAsked, answer: () => release(verified) };
}

const reasonOf = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(Failure);
  return (err as Failure).reason;
};

describe('cancel while the platform verifies the code', () => {
  it('cancel(): the late answer starts no session', async () => {
    const { desk, sessions, whenAsked, answer } = rig();
    const scanning = reasonOf(desk.scanCode('ctid'));
    await whenAsked();
    desk.cancel();
    answer();
    expect(await scanning).toBe('cancelled');
    expect(sessions.current()).toBeNull();
  });

  it('without a cancel the answer starts the session (the rig works)', async () => {
    const { desk, sessions, whenAsked, answer } = rig();
    const scanning = desk.scanCode('ctid');
    await whenAsked();
    answer();
    await expect(scanning).resolves.toMatchObject({ method: 'code' });
    expect(sessions.current()).not.toBeNull();
  });

  it('card plus code: a session that ended meanwhile is not marked card+code', async () => {
    const { desk, sessions, whenAsked, answer } = rig();
    const card = { cardType: 'resident', name: '卓岚', gender: 'female', birthDate: '1996-04-12', idNumber: '440304199604122469', validFrom: '', validTo: '', checkDigitValid: true } as unknown as CardRecord;
    const session = (await sessions.start(card)) as unknown as CardSession;
    const confirming = reasonOf(desk.confirmWithCode(session, 'ctid'));
    await whenAsked();
    await sessions.end('finished'); // not wired to cancel() here: the desk checks the session itself
    answer();
    expect(await confirming).toBe('cancelled');
    expect(identityOf(session)).toBeFalsy();
  });
});
