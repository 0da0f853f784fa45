// The sandbox's remote-help hub over a real WebSocket on loopback: signed upgrade, queue at available clerks,
// one answer wins, relay both ways with the side rules, masked-view refusal, drop = network end, rating.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freshSandbox } from '../helpers';
import { DEV_TERMINAL, type Sandbox } from '../../sandbox/server';
import { openRemoteHelpSocket, signedUpgradeHeaders, socketUrl, type RemoteHelpSocket } from '../../src/remote-help/socket';
import type { MaskedView, ServerMessage } from '../../src/remote-help/messages';

const KIOSK = { id: 'SZ-KIOSK-01', secret: 'kiosk-secret-kiosk-secret-0001' };
const COUNTER = { id: 'SZ-COUNTER-01', secret: 'counter-secret-counter-secret-01' };

interface Peer { socket: RemoteHelpSocket; inbox: ServerMessage[]; next(type: ServerMessage['type']): Promise<ServerMessage> }

function peer(sandbox: Sandbox, cred: { id: string; secret: string }): Peer {
  const inbox: ServerMessage[] = [];
  const waiters: Array<{ type: string; resolve: (m: ServerMessage) => void }> = [];
  const socket = openRemoteHelpSocket({
    baseUrl: sandbox.url, terminalId: cred.id, secret: cred.secret, retryMs: 50,
    onMessage: (m) => {
      const w = waiters.findIndex((x) => x.type === m.type);
      if (w >= 0) waiters.splice(w, 1)[0]!.resolve(m);
      else inbox.push(m);
    },
  });
  return {
    socket, inbox,
    next: (type) => {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0]!);
      return new Promise((resolve) => waiters.push({ type, resolve }));
    },
  };
}

const VIEW: MaskedView = {
  step: 'materials', language: 'zh', item: { code: 'MZ001', name: '结婚登记' },
  card: { cardType: 'resident', nameMasked: '卓*', idNumberMasked: '440304********2469', expired: false },
  fields: [{ key: 'phone', label: '联系电话', value: '138****0000' }],
  pages: [{ pageId: 'p1', material: '户口簿', index: 1 }],
  controls: [{ id: 'scan-next', label: '扫描下一页' }],
};

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup() {
  const { sandbox, client } = await freshSandbox({ terminals: [DEV_TERMINAL, KIOSK, COUNTER] });
  const kiosk = peer(sandbox, KIOSK);
  const counter = peer(sandbox, COUNTER);
  const other = peer(sandbox, COUNTER);
  cleanup.push(() => sandbox.close(), () => kiosk.socket.close(), () => counter.socket.close(), () => other.socket.close());
  await Promise.all([kiosk.socket.ready(), counter.socket.ready(), other.socket.ready()]);
  const t1 = (await client.clerkLogin({ staffId: 'C1001', password: 'counter-1001' })).token;
  const t2 = (await client.clerkLogin({ staffId: 'C1002', password: 'counter-1002' })).token;
  return { sandbox, kiosk, counter, other, t1, t2 };
}

describe('remote-help hub', () => {
  it('refuses an unsigned upgrade and one signed with the wrong secret', async () => {
    const { sandbox } = await freshSandbox({ terminals: [DEV_TERMINAL, KIOSK] });
    cleanup.push(() => sandbox.close());
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(socketUrl(sandbox.url));
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(401);
    const wrong = openRemoteHelpSocket({ baseUrl: sandbox.url, terminalId: KIOSK.id, secret: 'not-the-secret-at-all-0000', onMessage: () => undefined, retryMs: 10_000 });
    cleanup.push(() => wrong.close());
    await expect(wrong.ready(800)).rejects.toThrow(/not reachable/);
  });

  it('queues a call at available clerks, lets one answer, relays with the side rules, and ends it for both', async () => {
    const { sandbox, kiosk, counter, other, t1, t2 } = await setup();
    counter.socket.send({ type: 'helper.available', clerkToken: t1, available: true });
    other.socket.send({ type: 'helper.available', clerkToken: t2, available: true });
    expect(await counter.next('helper.status')).toMatchObject({ staffId: 'C1001', available: true });
    await other.next('helper.status');
    kiosk.socket.send({ type: 'call.request', callId: 'call-0001', language: 'zh', media: 'video', centreName: '莲花街道', consent: true });
    expect(await kiosk.next('call.queued')).toMatchObject({ position: 1, helpersAvailable: 2 });
    let q = await counter.next('queue');
    while (q.type === 'queue' && q.calls.length === 0) q = await counter.next('queue');
    expect(q).toMatchObject({ calls: [{ callId: 'call-0001', terminalId: KIOSK.id, media: 'video' }] });

    counter.socket.send({ type: 'call.answer', callId: 'call-0001', clerkToken: t1 });
    expect(await kiosk.next('call.answered')).toMatchObject({ helper: { staffId: 'C1001', windowNo: '01' } });
    expect(await counter.next('call.joined')).toMatchObject({ staffId: 'C1001' });
    other.socket.send({ type: 'call.answer', callId: 'call-0001', clerkToken: t2 });
    expect(await other.next('error')).toMatchObject({ code: 'call_taken' });

    kiosk.socket.send({ type: 'call.signal', callId: 'call-0001', signal: { kind: 'offer', sdp: 'v=0 fake' } });
    expect(await counter.next('call.signal')).toMatchObject({ signal: { kind: 'offer', sdp: 'v=0 fake' } });
    kiosk.socket.send({ type: 'call.help', callId: 'call-0001', help: { kind: 'view', view: VIEW } });
    expect(await counter.next('call.help')).toMatchObject({ help: { kind: 'view', view: { step: 'materials' } } });
    counter.socket.send({ type: 'call.help', callId: 'call-0001', help: { kind: 'precheck', pageId: 'p1', verdict: 'retake', reason: 'blurred' } });
    expect(await kiosk.next('call.help')).toMatchObject({ help: { kind: 'precheck', verdict: 'retake', reason: 'blurred' } });
    // A clerk may not send a view, and a third terminal may not talk into the call.
    counter.socket.send({ type: 'call.help', callId: 'call-0001', help: { kind: 'view', view: VIEW } });
    expect(await counter.next('error')).toMatchObject({ code: 'bad_message' });
    other.socket.send({ type: 'call.help', callId: 'call-0001', help: { kind: 'chat', text: 'hi' } });
    expect(await other.next('error')).toMatchObject({ code: 'not_in_call' });

    counter.socket.send({ type: 'call.end', callId: 'call-0001', reason: 'helper' });
    expect(await kiosk.next('call.ended')).toMatchObject({ reason: 'helper' });
    kiosk.socket.send({ type: 'call.rate', callId: 'call-0001', level: 5 });
    expect(await counter.next('call.rated')).toMatchObject({ level: 5 });
    expect(sandbox.remoteHelp.calls()).toMatchObject([{ callId: 'call-0001', staffId: 'C1001', endReason: 'helper', rating: 5 }]);
  });

  it('refuses an unmasked view at the platform and a clerk token it does not know', async () => {
    const { sandbox, kiosk, counter, t1 } = await setup();
    counter.socket.send({ type: 'helper.available', clerkToken: 'x'.repeat(32), available: true });
    expect(await counter.next('error')).toMatchObject({ code: 'unauthorized' });
    counter.socket.send({ type: 'helper.available', clerkToken: t1, available: true });
    kiosk.socket.send({ type: 'call.request', callId: 'call-0002', language: 'zh', media: 'audio', centreName: '莲花街道', consent: true });
    await kiosk.next('call.queued');
    counter.socket.send({ type: 'call.answer', callId: 'call-0002', clerkToken: t1 });
    await kiosk.next('call.answered');
    const unmasked = { ...VIEW, card: { ...VIEW.card!, idNumberMasked: '440304199604122469' } };
    // The terminal's own socket refuses to send it ...
    expect(() => kiosk.socket.send({ type: 'call.help', callId: 'call-0002', help: { kind: 'view', view: unmasked } })).toThrow(/protocol/);
    // ... and a terminal that sends it anyway is refused by the platform, nothing forwarded.
    const url = socketUrl(sandbox.url);
    const ws = new WebSocket(url, { headers: signedUpgradeHeaders(new URL(url).pathname, KIOSK.id, KIOSK.secret) });
    cleanup.push(() => ws.terminate());
    const frames: string[] = [];
    ws.on('message', (d) => frames.push(d.toString()));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ type: 'call.help', callId: 'call-0002', help: { kind: 'view', view: unmasked } }));
    ws.send(JSON.stringify({ type: 'call.help', callId: 'call-0002', help: { kind: 'view', view: VIEW } }));
    await expect.poll(() => frames.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(frames[1]!)).toMatchObject({ type: 'error', code: 'bad_message' });
    // The masked one from the same (wrong) line is refused as not in the call: nothing reached the clerk.
    expect(JSON.parse(frames[2]!)).toMatchObject({ type: 'error', code: 'not_in_call' });
    expect(counter.inbox.some((m) => m.type === 'call.help')).toBe(false);
  });

  it('ends the call as `network` for the clerk when the kiosk line drops', async () => {
    const { kiosk, counter, t1 } = await setup();
    counter.socket.send({ type: 'helper.available', clerkToken: t1, available: true });
    kiosk.socket.send({ type: 'call.request', callId: 'call-0003', language: 'en', media: 'chat', centreName: 'Lianhua', consent: true });
    await kiosk.next('call.queued');
    counter.socket.send({ type: 'call.answer', callId: 'call-0003', clerkToken: t1 });
    await kiosk.next('call.answered');
    kiosk.socket.drop();
    expect(await counter.next('call.ended')).toMatchObject({ callId: 'call-0003', reason: 'network' });
    await kiosk.socket.ready();
  });
});

