// 短信回执 on the paper-out path: the platform texts the number and password to the form's mobile number; the
// screen sees it masked; only the cardholder's own accepted application; the sandbox keeps what it would send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTerminal, type TestTerminal } from './terminal';

let t: TestTerminal;
beforeAll(async () => {
  t = await startTestTerminal();
});
afterAll(() => t?.close());

describe('receipt:sms', () => {
  it("texts the acceptance number and password to the form's mobile number, shown masked", async () => {
    await t.placeCard('res02');
    const res = await t.call('application:submit', {
      itemCode: 'GF00103001',
      form: { contactPhone: '13800138001', householdAddress: '广东省深圳市福田区示例路1号', residenceAddress: '广东省深圳市福田区示例路1号' },
    });
    expect(res.acceptanceNumber).not.toBeNull();
    const sent = await t.call('receipt:sms', { localId: res.localId });
    expect(sent).toEqual({ sentTo: '138****8001' });
    const row = t.terminal.backend.sandbox!.db.prepare('SELECT phone, body FROM receipt_sms WHERE acceptance_number = ?').get(res.acceptanceNumber) as { phone: string; body: string };
    expect(row.phone).toBe('13800138001');
    expect(row.body).toContain(res.acceptanceNumber!);
    expect(row.body).toContain(res.queryPassword!);

    // Once per application per session: a second tap texts nothing.
    expect(await t.failure('receipt:sms', { localId: res.localId })).toMatchObject({ code: 'state', reason: 'sms-already-sent' });
    const texts = t.terminal.backend.sandbox!.db.prepare('SELECT COUNT(*) AS n FROM receipt_sms WHERE acceptance_number = ?').get(res.acceptanceNumber) as { n: number };
    expect(texts.n).toBe(1);

    // Another cardholder cannot have it texted anywhere.
    await t.terminal.sessions.end('finished');
    await t.removeCard();
    await t.placeCard('res01');
    expect(await t.failure('receipt:sms', { localId: res.localId })).toMatchObject({ code: 'forbidden', reason: 'not-yours' });
  }, 120_000);

  it('is offered on an unprinted slip only while the terminal sends texts (a live switch)', async () => {
    await t.terminal.sessions.end('finished');
    await t.removeCard();
    await t.placeCard('res02');
    const submit = (form: Record<string, string>) =>
      t.call('application:submit', { itemCode: 'GF00103001', form: { householdAddress: '广东省深圳市福田区示例路1号', residenceAddress: '广东省深圳市福田区示例路1号', ...form } });
    const withPhone = await submit({ contactPhone: '13800138002' });
    const virtual = t.terminal.receiptPrinter.virtual!;
    const config = t.terminal.config();
    virtual.setState('out');
    try {
      expect(await t.call('receipt:print', { localId: withPhone.localId })).toMatchObject({ printed: false, smsOffered: true });
      // Switched off (a live setting): neither offered nor sent, even to a screen that still shows the button.
      config.receiptSms = false;
      expect(await t.call('receipt:print', { localId: withPhone.localId })).toMatchObject({ printed: false, smsOffered: false });
      expect(await t.failure('receipt:sms', { localId: withPhone.localId })).toMatchObject({ code: 'state', reason: 'sms-off' });
      const texts = t.terminal.backend.sandbox!.db.prepare('SELECT COUNT(*) AS n FROM receipt_sms WHERE acceptance_number = ?').get(withPhone.acceptanceNumber) as { n: number };
      expect(texts.n).toBe(0);
    } finally {
      config.receiptSms = true;
      virtual.setState('ok');
    }
  }, 120_000);
});
