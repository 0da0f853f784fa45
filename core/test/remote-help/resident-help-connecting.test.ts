// A call asked for while the platform line is still coming up: if the visit ends (or the resident hangs up)
// before the line is ready, nothing rings at the counters for a visit that is over.
import { describe, expect, it } from 'vitest';
import type { ClientMessage, ServerMessage } from '@easydo/backend-client/remote-help/messages';
import type { FormFieldView } from '@easydo/core/contract/schemas/application';
import type { CardRecord } from '@easydo/core/services/session/card-record';
import type { RemoteHelpSocket } from '@easydo/backend-client/remote-help/socket';
import { ResidentHelpDesk } from '@easydo/core/services/remote-help/resident-help-desk';

// Synthetic cardholder res01 (fixtures/idcard): invented.
const CARD = { cardType: 'resident', name: '卓岚', idNumber: '440304199604122469', gender: '女', birthDate: '19960412', validFrom: '20160101', validTo: '20360101', address: '广东省深圳市福田区莲花街道景田北路18号' } as unknown as CardRecord;
const FORM: FormFieldView[] = [{ key: 'householdAddress', label: { zh: '户籍地址', en: 'Address' }, type: 'text', required: true, editable: true, prefilled: 'card', display: CARD.address as string }];

function setup() {
  const sent: ClientMessage[] = [];
  let deliver: (m: ServerMessage) => void = () => undefined;
  const asked: string[] = [];
  let open: () => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const socket: RemoteHelpSocket = {
    connected: false,
    ready: () => new Promise<void>((resolve, reject) => ((open = resolve), (fail = reject))),
    send: (m) => void sent.push(m),
    drop: () => undefined,
    close: () => undefined,
  };
  const desk = new ResidentHelpDesk({
    openSocket: (onMessage) => ((deliver = onMessage), socket),
    emit: () => undefined,
    card: () => CARD,
    form: async (itemCode) => (asked.push(itemCode), FORM),
    centreName: () => '莲花街道党群服务中心',
    timeZone: () => 'Asia/Shanghai',
    ringSeconds: () => 600,
    audit: () => undefined,
  });
  return { desk, sent, asked, platform: (m: ServerMessage) => deliver(m), open: () => open(), fail: (e: Error) => fail(e) };
}

describe('resident help desk while the line comes up', () => {
  it('does not ring when the session ended before the line was ready', async () => {
    const t = setup();
    const asked = t.desk.request('video', 'zh');
    expect(t.desk.current().phase).toBe('connecting');
    t.desk.sessionEnded();
    t.open();
    expect((await asked).phase).toBe('idle');
    expect(t.sent.filter((m) => m.type === 'call.request')).toEqual([]);
    t.desk.close();
  });

  it('does not ring after the resident hung up while connecting, and a late line failure leaves the ended call alone', async () => {
    const t = setup();
    const asked = t.desk.request('audio', 'en');
    t.desk.hangUp();
    t.open();
    expect(await asked).toMatchObject({ phase: 'ended', endReason: 'resident' });
    expect(t.sent.map((m) => m.type)).toEqual(['call.cancel']);

    t.desk.hangUp(); // back to idle
    const again = t.desk.request('audio', 'en');
    t.desk.sessionEnded();
    t.fail(new Error('timeout'));
    await expect(again).rejects.toMatchObject({ reason: 'unreachable' });
    expect(t.desk.current().phase).toBe('idle');
    t.desk.close();
  });

  it('rings once the line is ready for a call still connecting', async () => {
    const t = setup();
    const asked = t.desk.request('video', 'zh');
    t.open();
    expect((await asked).phase).toBe('waiting');
    expect(t.sent.map((m) => m.type)).toEqual(['call.request']);
    t.desk.close();
  });

  it('sends the form step rebuilt from the session\'s prepared form, masked, instead of refusing it', async () => {
    const t = setup();
    const asked = t.desk.request('video', 'zh');
    t.open();
    const { callId } = await asked;
    t.platform({ type: 'call.answered', callId: callId!, helper: { staffId: 'C1001', displayName: '窗口一', windowNo: '01' } });
    await t.desk.screen({ step: 'form', language: 'zh', item: { code: 'QR00305001', name: '婚姻登记记录证明' }, fields: [{ key: 'field-householdAddress', label: '户籍地址', value: CARD.address as string }], pages: [], controls: [] });
    expect(t.asked).toEqual(['QR00305001']);
    const view = t.sent.find((m) => m.type === 'call.help');
    expect(view).toMatchObject({ help: { kind: 'view', view: { step: 'form', fields: [{ key: 'field-householdAddress', label: '户籍地址', value: '广东省深圳市…' }] } } });
    expect(JSON.stringify(t.sent)).not.toContain(CARD.address);
    t.desk.close();
  });
});
