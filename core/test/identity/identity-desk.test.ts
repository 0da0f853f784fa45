// IdentityDesk against the real HTTP sandbox and the real scanner service over the in-process line to the
// simulated imager: a code session holds the verified identity and nothing of the code; refusals, junk,
// timeouts and kinds not accepted are typed reasons; card plus code; the item rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQrScanner, type QrScannerService } from '@easydo/device-drivers/qrscan/scanner/service';
import { createScannerMemoryLink } from '@easydo/device-drivers/qrscan/transport/memory-link';
import { ScannerSimulator } from '@easydo/device-drivers/qrscan/simulator/simulator';
import { startSandbox, DEV_TERMINAL, type Sandbox } from '@easydo/backend-client/sandbox/server';
import { createBackendClient } from '@easydo/backend-client/client';
import { issueIdentityCode } from '@easydo/backend-client/sandbox/handlers/identity-codes';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentityDesk } from '../../src/services/identity/identity-desk';
import { identityOf } from '../../src/services/session/session-identity';
import { IDENTITY_DEFAULTS, type IdentityConfig } from '../../src/services/config/qr-scanner-config';
import { SessionManager } from '../../src/services/session/session-manager';
import type { CardSession } from '../../src/services/session/card-session';
import { Failure } from '../../src/services/errors/failure';

let sandbox: Sandbox;
let scanner: QrScannerService;
let imager: ScannerSimulator;
let identity: IdentityConfig;
const sessions = new SessionManager();
let desk: IdentityDesk;

beforeAll(async () => {
  sandbox = await startSandbox({ dbFile: join(mkdtempSync(join(tmpdir(), 'identity-desk-')), 'sandbox.db') });
  const link = createScannerMemoryLink();
  imager = new ScannerSimulator({ mode: 'trigger' });
  imager.attach(link.device);
  scanner = createQrScanner({ link: link.host, mode: 'trigger', commandSet: 'menu' });
  await scanner.start();
  identity = { ...IDENTITY_DEFAULTS, scanTimeoutSeconds: 10, codeKinds: ['ctid', 'gd_personal'], physicalCardItems: ['PHYS0001'], cardPlusCodeItems: ['BOTH0001'] };
  const client = createBackendClient({ baseUrl: sandbox.url, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret, maxAttempts: 1 });
  desk = new IdentityDesk({ scanner, client, sessions, config: () => ({ terminalId: DEV_TERMINAL.id, identity, timeZone: 'Asia/Shanghai' }) });
});
afterAll(async () => {
  await scanner.stop();
  await sessions.end('shutdown');
  await sandbox.close();
});

const issue = (resident: string, options: { at?: number; revoked?: boolean } = {}) => issueIdentityCode(sandbox.db, options.at ?? Date.now(), resident, 'ctid', { revoked: options.revoked ?? false }).code;
/** Shows `text` once the desk waits (the trigger pulled). */
function showWhenTriggered(text: string): void {
  const poll = () => (imager.isTriggered ? imager.present(text) : setTimeout(poll, 5));
  poll();
}
const reasonOf = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(Failure);
  return (err as Failure).reason;
};

describe('IdentityDesk', () => {
  it('a code alone starts a resident session with the verified identity; nothing of the code is kept', async () => {
    const code = issue('res01');
    showWhenTriggered(code);
    const answer = await desk.scanCode('ctid');
    expect(answer).toMatchObject({ method: 'code', codeKind: 'ctid', assurance: 'high', card: { idNumberMasked: '440304********2469', nameMasked: '卓*' } });
    const session = sessions.current()!;
    expect(session.card).toMatchObject({ idNumber: '440304199604122469', name: '卓岚', cardType: 'resident' });
    expect(identityOf(session)).toEqual({ method: 'code', codeKind: 'ctid', assurance: 'high' });
    expect(JSON.stringify(session.card)).not.toContain(code.split('.')[2]);
    expect(JSON.stringify(scanner.snapshot())).not.toContain(code.split('.')[2]);
    expect(desk.itemNeed(session as CardSession, 'PHYS0001')).toEqual({ need: 'physicalCard', method: 'code' });
    expect(() => desk.assertItemAllowed(session as CardSession, 'PHYS0001')).toThrow(expect.objectContaining({ reason: 'physical-card-required' }));
    expect(() => desk.assertItemAllowed(session as CardSession, 'QR00305001')).not.toThrow();
    await sessions.end('finished');
  });

  it("a code whose document has expired is treated as an expired card: shown so, refused where a card would be", async () => {
    // res06's ID card ended on 2019-11-02 (fixtures/idcard/cardholders.json); the 网证 bound to it says so.
    showWhenTriggered(issue('res06'));
    const answer = await desk.scanCode('ctid');
    expect(answer.card).toMatchObject({ expired: true });
    const session = sessions.current()!;
    expect(session.card?.validTo).toBe('20191102');
    await sessions.end('finished');
    showWhenTriggered(issue('res01'));
    expect((await desk.scanCode('ctid')).card).toMatchObject({ expired: false });
    await sessions.end('finished');
  });

  it('refusals, junk, timeouts and kinds not accepted come back as typed reasons', async () => {
    showWhenTriggered(issue('res02', { at: Date.now() - 61_000 }));
    expect(await reasonOf(desk.scanCode('ctid'))).toBe('code-expired');
    showWhenTriggered(issue('res02', { revoked: true }));
    expect(await reasonOf(desk.scanCode('ctid'))).toBe('code-revoked');
    showWhenTriggered('https://example.com/x');
    expect(await reasonOf(desk.scanCode('ctid'))).toBe('code-unknown-issuer');
    const poll = () => (imager.isTriggered ? void imager.junk('control') : setTimeout(poll, 5));
    poll();
    expect(await reasonOf(desk.scanCode('ctid'))).toBe('code-unreadable');
    expect(await reasonOf(desk.scanCode('sz_personal'))).toBe('code-kind-not-accepted');
    const waiting = reasonOf(desk.scanCode('ctid'));
    setTimeout(() => desk.cancel(), 50);
    expect(await waiting).toBe('cancelled');
    expect(sessions.current()).toBeNull();
  });

  it('card plus code: another person is refused, the cardholder confirmed', async () => {
    const { session } = await sessions.cardPlaced({ cardType: 'resident', name: '卓岚', gender: '2', birthDate: '19960412', idNumber: '440304199604122469', validFrom: '20220815', validTo: '20420815' });
    const card = session as CardSession;
    expect(desk.itemNeed(card, 'BOTH0001').need).toBe('cardPlusCode');
    showWhenTriggered(issue('res03'));
    expect(await reasonOf(desk.confirmWithCode(card, 'ctid'))).toBe('code-not-same-person');
    showWhenTriggered(issue('res01'));
    expect(await desk.confirmWithCode(card, 'ctid')).toMatchObject({ method: 'card+code' });
    expect(desk.itemNeed(card, 'BOTH0001').need).toBe('none');
    await sessions.end('finished');
  });
});
