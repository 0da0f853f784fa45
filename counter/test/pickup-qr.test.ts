// The counter finds an application by the slip's QR (issue 20 item 4): the 2D scanner reads the progress link of
// an accepted slip or the tracking link of an offline one, and pickup:find lists that application — through the
// real terminal (journal, outbox, embedded sandbox) and main's router. A forged or another terminal's link finds
// nothing, as a wrong tracking code does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '@easydo/core/contract/channels';
import { trackingCodeOf } from '@easydo/core/services/applications/application-desk';
import { offlineTrackingLink, progressLinkBuilder } from '@easydo/core/services/receipts/query-link';
import type { Terminal } from '@easydo/core/services/terminal/compose';
import { startCounterTerminal, type CounterTerminal } from './counter-terminal';
import { failureOf } from './failure-of';

const RESIDENT = { idNumber: '440304199604122469', name: '卓岚' };

describe("pickup by the slip's QR", () => {
  let terminal: Terminal;
  let ct: CounterTerminal;
  const call = (channel: ChannelName, request: unknown) => ct.call(channel, request);

  beforeAll(async () => {
    ct = await startCounterTerminal('pickup-qr');
    terminal = ct.terminal;
    await call('counter:login', { staffId: 'C1001', password: 'counter-1001' });
  });
  afterAll(() => ct?.close());

  const enqueue = () =>
    terminal.applications.journal.enqueue(
      {
        itemCode: 'QR00204001', channel: 'kiosk',
        applicant: { type: 'natural_person', idType: 'resident', ...RESIDENT },
        form: { applicantName: RESIDENT.name, applicantIdNumber: RESIDENT.idNumber, contactPhone: '13800138001' },
      },
      [{ code: 'ID_CARD', pageCount: 1, trustLevel: 'B', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 synthetic page') }],
    );
  const find = async (receiptQr: string) => ((await call('pickup:find', { receiptQr })) as { applications: Array<{ localId: string; acceptanceNumber: string | null }> }).applications;

  it("finds an accepted slip by its progress link, and an offline slip by its tracking link", async () => {
    const offline = await enqueue();
    // Still in the outbox: the slip's QR is the tracking link.
    expect((await find(offlineTrackingLink(trackingCodeOf(offline.localId)))).map((a) => a.localId)).toEqual([offline.localId]);

    await terminal.applications.outbox.drainNow();
    const accepted = await terminal.applications.journal.get(offline.localId);
    const number = accepted.acceptanceNumber!;
    expect(number).toMatch(/^440304QR00204001/);
    const link = progressLinkBuilder(terminal.config())(number);
    expect(await find(link)).toEqual([expect.objectContaining({ localId: offline.localId, acceptanceNumber: number })]);
    // A slip printed before the progress link: its number and query password.
    const old = `easydo://query?no=${encodeURIComponent(number)}&pw=${accepted.receipt!.queryPassword}`;
    expect((await find(old)).map((a) => a.localId)).toEqual([offline.localId]);
  });

  it("finds nothing for a forged token, a wrong password or another terminal's slip; refuses what is no receipt code", async () => {
    const app = await enqueue();
    await terminal.applications.outbox.drainNow();
    const { acceptanceNumber, receipt } = await terminal.applications.journal.get(app.localId);
    const number = acceptanceNumber!;
    const password = receipt!.queryPassword;
    const wrong = `${password.slice(0, -1)}${password.endsWith('0') ? '1' : '0'}`;
    const otherTerminal = progressLinkBuilder({ ...terminal.config(), terminalSecret: 'another-terminal-secret-0001' })(number);
    expect(await find(otherTerminal)).toEqual([]);
    expect(await find(`easydo://query?no=${encodeURIComponent(number)}&pw=${wrong}`)).toEqual([]);
    expect((await failureOf(call('pickup:find', { receiptQr: 'https://example.com/not-a-slip' }))).reason).toBe('qr-unknown');
  });
});
