// The resident's side of remote help against the real sandbox hub on loopback, a clerk played by a raw platform
// socket. The masked-view rule: whatever the kiosk screen reports, the clerk never receives the cardholder's
// number or name in the clear, another personal number, or an image; a report that would carry one is refused
// whole in main and nothing of it reaches the platform.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '@easydo/backend-client/sandbox/server';
import { createBackendClient } from '@easydo/backend-client/client';
import { openRemoteHelpSocket, type RemoteHelpSocket } from '@easydo/backend-client/remote-help/socket';
import type { ServerMessage } from '@easydo/backend-client/remote-help/messages';
import type { HelpScreenReport, HelpView } from '@easydo/core/contract/schemas/remote-help';
import type { CardRecord } from '@easydo/core/services/session/card-record';
import { ResidentHelpDesk } from '@easydo/core/services/remote-help/resident-help-desk';
import { buildMaskedView, viewProblem } from '@easydo/core/services/remote-help/masked-view';

const KIOSK = { id: 'SZ-RH-KIOSK', secret: 'remote-help-kiosk-secret-0001' };
const COUNTER = { id: 'SZ-RH-COUNTER', secret: 'remote-help-counter-secret-01' };
// Synthetic cardholder res01 (fixtures/idcard): invented.
const CARD = { cardType: 'resident', name: '卓岚', idNumber: '440304199604122469', gender: '女', birthDate: '19960412', validFrom: '20160101', validTo: '20360101', address: '广东省深圳市福田区莲花街道景田北路18号' } as unknown as CardRecord;

const REPORT: HelpScreenReport = {
  step: 'form', language: 'zh', item: { code: 'QR00305001', name: '婚姻登记记录证明' },
  fields: [{ key: 'field-contactPhone', label: '联系电话', value: '*******8001' }],
  pages: [{ pageId: 'pg-1', material: '户口簿', index: 1 }],
  controls: [{ id: 'form-next', label: '下一步' }],
};
const view = (patch: Partial<HelpView>): HelpView => ({ ...REPORT, card: { cardType: 'resident', nameMasked: '卓*', idNumberMasked: '440304********2469', expired: false }, ...patch });

describe('masked view rule', () => {
  it('passes the masked view and names what is wrong with any other', () => {
    expect(viewProblem(view({}), CARD)).toBeNull();
    expect(viewProblem(view({ fields: [{ key: 'n', label: '姓名', value: '卓岚' }] }), CARD)).toBe('card-in-clear');
    expect(viewProblem(view({ controls: [{ id: 'x', label: `证件 ${CARD.idNumber}` }] }), CARD)).toBe('card-in-clear');
    expect(viewProblem(view({ card: { cardType: 'resident', nameMasked: '卓*', idNumberMasked: CARD.idNumber, expired: false } }), CARD)).toBe('card-in-clear');
    expect(viewProblem(view({ fields: [{ key: 'x', label: '配偶身份证', value: '110101199003074514' }] }), CARD)).toBe('personal-number');
    expect(viewProblem(view({ fields: [{ key: 'p', label: '电话', value: '13800138001' }] }), CARD)).toBe('personal-number');
    expect(viewProblem(view({ fields: [{ key: 'i', label: '图', value: 'data:image/jpeg;base64,/9j/4AAQ' }] }), CARD)).toBe('image');
    expect(viewProblem(view({ fields: [{ key: 'a', label: '地址', value: CARD.address! }] }), CARD)).toBe('card-in-clear');
  });

  it('builds the view from the session card masked, and refuses a report that carries the card in the clear', () => {
    const built = buildMaskedView(REPORT, CARD, new Date('2026-12-02T06:00:00Z'), 'Asia/Shanghai');
    expect(built.card).toEqual({ cardType: 'resident', nameMasked: expect.stringContaining('*'), idNumberMasked: expect.stringMatching(/^4403\d*\*+\d*2469$/), expired: false });
    expect(JSON.stringify(built)).not.toContain(CARD.idNumber);
    expect(JSON.stringify(built)).not.toContain(CARD.name);
    expect(() => buildMaskedView({ ...REPORT, fields: [{ key: 'n', label: '申请人', value: '卓岚' }] }, CARD, new Date(), 'Asia/Shanghai')).toThrow(/refused \(card-in-clear\)/);
  });
});

describe('resident help desk over the sandbox hub', () => {
  let cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
  });

  async function setup(ringSeconds = 600) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'easydo-rh-'));
    const sandbox: Sandbox = await startSandbox({ dbFile: path.join(dir, 'sandbox.db'), terminals: [KIOSK, COUNTER] });
    cleanup.push(() => sandbox.close());
    const events: Array<{ name: string; payload: unknown }> = [];
    const audits: string[] = [];
    let card: CardRecord | null = CARD;
    const desk = new ResidentHelpDesk({
      openSocket: (onMessage, onState) => openRemoteHelpSocket({ baseUrl: sandbox.url, terminalId: KIOSK.id, secret: KIOSK.secret, onMessage, onState, retryMs: 50 }),
      emit: (name, payload) => void events.push({ name, payload }),
      card: () => card,
      centreName: () => '莲花街道党群服务中心',
      timeZone: () => 'Asia/Shanghai',
      ringSeconds: () => ringSeconds,
      audit: (action, detail) => void audits.push(`${action} ${JSON.stringify(detail)}`),
    });
    cleanup.push(() => desk.close());
    const inbox: ServerMessage[] = [];
    const clerk: RemoteHelpSocket = openRemoteHelpSocket({ baseUrl: sandbox.url, terminalId: COUNTER.id, secret: COUNTER.secret, onMessage: (m) => void inbox.push(m) });
    cleanup.push(() => clerk.close());
    await clerk.ready();
    const client = createBackendClient({ baseUrl: sandbox.url, terminalId: COUNTER.id, secret: COUNTER.secret });
    const token = (await client.clerkLogin({ staffId: 'C1001', password: 'counter-1001' })).token;
    clerk.send({ type: 'helper.available', clerkToken: token, available: true });
    return { sandbox, desk, events, audits, inbox, clerk, token, dropCard: () => (card = null) };
  }

  it('sends the clerk only masked views, refuses an unmasked report, and ends the call with the session', async () => {
    const { desk, events, audits, inbox, clerk, token } = await setup();
    const state = await desk.request('video', 'zh');
    expect(state.phase).toBe('waiting');
    await expect.poll(() => inbox.find((m) => m.type === 'queue' && m.calls.length === 1)).toBeTruthy();
    clerk.send({ type: 'call.answer', callId: state.callId!, clerkToken: token });
    await expect.poll(() => desk.current().phase).toBe('connected');
    expect(desk.current().helper).toMatchObject({ staffId: 'C1001' });

    await desk.screen(REPORT);
    await expect.poll(() => inbox.filter((m) => m.type === 'call.help').length).toBe(1);
    const rogue = { ...REPORT, step: 'review', fields: [{ key: 'applicant', label: '申请人', value: '卓岚' }] };
    await expect(desk.screen(rogue)).rejects.toThrow(/refused/);
    const another = { ...REPORT, step: 'review', controls: [{ id: 'who', label: `证件号 ${CARD.idNumber}` }] };
    await expect(desk.screen(another)).rejects.toThrow(/refused/);
    // A clean report after them still goes: the desk keeps working, the rogue ones never left main.
    await desk.screen({ ...REPORT, step: 'materials' });
    await expect.poll(() => inbox.filter((m) => m.type === 'call.help').length).toBe(2);
    const sent = JSON.stringify(inbox);
    expect(sent).not.toContain(CARD.idNumber);
    expect(sent).not.toContain(CARD.name);
    expect(sent).not.toContain('review');
    expect(sent).toContain('440304********2469');

    // The clerk's guidance reaches the screen as events (pre-check audited without any personal data).
    clerk.send({ type: 'call.help', callId: state.callId!, help: { kind: 'precheck', pageId: 'pg-1', verdict: 'retake', reason: 'glare' } });
    await expect.poll(() => events.find((e) => e.name === 'help:guidance')).toMatchObject({ payload: { kind: 'precheck', verdict: 'retake', reason: 'glare' } });
    expect(audits.join('\n')).not.toContain(CARD.idNumber);

    desk.sessionEnded();
    await expect.poll(() => inbox.find((m) => m.type === 'call.ended')).toMatchObject({ reason: 'session-ended' });
    expect(desk.current().phase).toBe('idle');
  });

  it('tells the resident nobody answered when the ring time passes, and the platform records it', async () => {
    const { sandbox, desk } = await setup(1);
    await desk.request('chat', 'zh');
    await expect.poll(() => desk.current().endReason, { timeout: 15_000 }).toBe('no-answer');
    expect(desk.current()).toMatchObject({ phase: 'ended', canRate: false });
    await expect.poll(() => sandbox.remoteHelp.calls().at(-1)?.endReason).toBe('no-answer');
    expect(() => desk.rate(5)).toThrow(/no call to rate/);
  });

  it('ends as `network` when the line drops mid-call and can be rated afterwards', async () => {
    const { sandbox, desk, inbox, clerk, token } = await setup();
    const state = await desk.request('audio', 'en');
    await expect.poll(() => inbox.find((m) => m.type === 'queue' && m.calls.length === 1)).toBeTruthy();
    clerk.send({ type: 'call.answer', callId: state.callId!, clerkToken: token });
    await expect.poll(() => desk.current().phase).toBe('connected');
    sandbox.remoteHelp.dropAll();
    await expect.poll(() => desk.current().endReason).toBe('network');
    expect(desk.current().canRate).toBe(true);
  });
});

describe('remote-help config', () => {
  it('takes the hall\'s STUN/TURN servers and refuses anything that is not one', async () => {
    const { RemoteHelpConfig } = await import('@easydo/core/services/config/remote-help');
    expect(RemoteHelpConfig.parse({})).toEqual({ ringSeconds: 90, iceServers: [] });
    expect(RemoteHelpConfig.parse({ iceServers: [{ urls: ['turns:turn.hall.example:5349'], username: 'kiosk', credential: 'secret' }] }).iceServers).toHaveLength(1);
    expect(RemoteHelpConfig.safeParse({ iceServers: [{ urls: ['https://turn.example'] }] }).success).toBe(false);
    expect(RemoteHelpConfig.safeParse({ ringSeconds: 2 }).success).toBe(false);
    expect(RemoteHelpConfig.safeParse({ recordCalls: true }).success).toBe(false);
  });
});
