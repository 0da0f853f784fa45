// A screen report main refuses (it would carry the card in the clear) is never kept: a clerk who answers later
// gets the last report that passed, or no view at all, and the answer itself never throws inside the platform's
// message handler.
import { describe, expect, it } from 'vitest';
import type { ClientMessage, ServerMessage } from '@easydo/backend-client/remote-help/messages';
import type { HelpScreenReport } from '@easydo/core/contract/schemas/remote-help';
import type { CardRecord } from '@easydo/core/services/session/card-record';
import type { RemoteHelpSocket } from '@easydo/backend-client/remote-help/socket';
import { ResidentHelpDesk } from '@easydo/core/services/remote-help/resident-help-desk';

// Synthetic cardholder res01 (fixtures/idcard): invented.
const CARD = { cardType: 'resident', name: '卓岚', idNumber: '440304199604122469', gender: '女', birthDate: '19960412', validFrom: '20160101', validTo: '20360101', address: '广东省深圳市福田区莲花街道景田北路18号' } as unknown as CardRecord;
const GOOD: HelpScreenReport = { step: 'materials', language: 'zh', item: null, fields: [], pages: [{ pageId: 'pg-1', material: '户口簿', index: 1 }], controls: [{ id: 'materials-next', label: '下一步' }] };
const ROGUE: HelpScreenReport = { ...GOOD, step: 'review', fields: [{ key: 'applicant', label: '申请人', value: CARD.name as string }] };
const HELPER = { staffId: 'C1001', displayName: '窗口一', windowNo: '01' };

async function ringing() {
  const sent: ClientMessage[] = [];
  let deliver: (m: ServerMessage) => void = () => undefined;
  const socket: RemoteHelpSocket = { connected: true, ready: async () => undefined, send: (m) => void sent.push(m), drop: () => undefined, close: () => undefined };
  const desk = new ResidentHelpDesk({
    openSocket: (onMessage) => ((deliver = onMessage), socket),
    emit: () => undefined,
    card: () => CARD,
    centreName: () => '莲花街道党群服务中心',
    timeZone: () => 'Asia/Shanghai',
    ringSeconds: () => 600,
    audit: () => undefined,
  });
  const { callId } = await desk.request('video', 'zh');
  const views = () => sent.flatMap((m) => (m.type === 'call.help' && m.help.kind === 'view' ? [m.help.view] : []));
  return { desk, callId: callId!, platform: (m: ServerMessage) => deliver(m), views };
}

describe('a refused screen report before the clerk answers', () => {
  it('is refused, not kept: the answering clerk gets the last good view', async () => {
    const t = await ringing();
    await t.desk.screen(GOOD);
    await expect(t.desk.screen(ROGUE)).rejects.toThrow(/refused \(card-in-clear\)/);
    expect(() => t.platform({ type: 'call.answered', callId: t.callId, helper: HELPER })).not.toThrow();
    expect(t.desk.current().phase).toBe('connected');
    expect(t.views().map((v) => v.step)).toEqual(['materials']);
    expect(JSON.stringify(t.views())).not.toContain(CARD.name);
    t.desk.close();
  });

  it('with no good report before it, the clerk gets no view and the call still connects', async () => {
    const t = await ringing();
    await expect(t.desk.screen(ROGUE)).rejects.toThrow(/refused/);
    expect(() => t.platform({ type: 'call.answered', callId: t.callId, helper: HELPER })).not.toThrow();
    expect(t.desk.current().phase).toBe('connected');
    expect(t.views()).toEqual([]);
    // The next clean report goes straight to the clerk.
    await t.desk.screen(GOOD);
    expect(t.views().map((v) => v.step)).toEqual(['materials']);
    t.desk.close();
  });
});
