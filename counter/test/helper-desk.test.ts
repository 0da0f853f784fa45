// The clerk's remote-help desk against a scripted platform line: offers carry the clerk's token (and are made
// again after a reconnect, withdrawn at sign-out), the queue reaches the screen with waiting times, an answer
// waits for the platform's word, guidance needs a call, and the workload counts answered calls with their
// waiting and handling time and the resident's rating.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlatformLine, PlatformMessage, PlatformRequest } from '@easydo/core/services/remote-help/platform-line';
import { HelperDesk } from '../src/services/remote-help/helper-desk';
import { openCounterDb, type CounterDb, type HelpLedgerPort } from '../src/services/store/counter-db';
import { ClerkDesk } from '../src/services/clerk/clerk-desk';

const CLERK = { staffId: 'C1001', token: 'clerk-token-0123456789abcdef' };
const NOW = Date.parse('2026-12-02T10:00:00+08:00');

const dbs: Array<Promise<CounterDb>> = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await (await db).close();
});

/** The ledger in the counter database's worker (an in-memory SQLite there), asked in call order. */
function workerLedger(): HelpLedgerPort {
  const db = openCounterDb({ file: ':memory:' });
  dbs.push(db);
  return {
    ended: async (row) => (await db).help.ended(row),
    rated: async (callId, level) => (await db).help.rated(callId, level),
    today: async (staffId, now) => (await db).help.today(staffId, now),
  };
}

function setup() {
  let now = NOW;
  const sent: PlatformRequest[] = [];
  const events: Array<{ name: string; payload: unknown }> = [];
  let deliver: (m: PlatformMessage) => void = () => undefined;
  let state: (s: 'up' | 'down') => void = () => undefined;
  let connected = true;
  let refuse = false;
  const line: PlatformLine = {
    get connected() {
      return connected;
    },
    ready: async () => undefined,
    send: (m) => {
      if (refuse) throw new Error('not connected');
      sent.push(m);
    },
    drop: () => undefined,
    close: () => undefined,
  };
  const ledger = workerLedger();
  const desk = new HelperDesk({
    openSocket: (onMessage, onState) => {
      deliver = onMessage;
      state = onState;
      return line;
    },
    emit: (name, payload) => void events.push({ name, payload }),
    ledger,
    audit: () => undefined,
    warn: () => undefined,
    now: () => now,
  });
  const call = { callId: 'call-00000001', terminalId: 'SZ-KIOSK-01', centreName: '莲花街道', language: 'zh' as const, media: 'video' as const, requestedAt: new Date(NOW - 30_000).toISOString() };
  return {
    desk, sent, events, ledger, call,
    platform: (m: PlatformMessage) => deliver(m),
    line: (s: 'up' | 'down') => {
      connected = s === 'up';
      state(s);
    },
    advance: (ms: number) => (now += ms),
    refuseSends: (on: boolean) => (refuse = on),
  };
}

describe('HelperDesk', () => {
  it('offers with the token, shows the queue with waiting times, re-offers after a reconnect and withdraws at sign-out', async () => {
    const t = setup();
    const view = await t.desk.offer(CLERK, true);
    expect(view).toMatchObject({ available: true, calls: [] });
    expect(t.sent).toEqual([{ type: 'helper.available', clerkToken: CLERK.token, available: true }]);
    t.platform({ type: 'queue', calls: [t.call], at: new Date(NOW).toISOString() });
    expect(t.events.at(-1)).toMatchObject({ name: 'helper:queueChanged', payload: { calls: [{ callId: t.call.callId, waitingSeconds: 30 }] } });
    t.line('down');
    t.line('up');
    expect(t.sent.at(-1)).toEqual({ type: 'helper.available', clerkToken: CLERK.token, available: true });
    t.desk.withdraw(CLERK.staffId);
    expect(t.sent.at(-1)).toEqual({ type: 'helper.available', clerkToken: CLERK.token, available: false });
    expect(t.desk.queue(CLERK.staffId).available).toBe(false);
  });

  it('answers only when the platform says the call is theirs; guidance needs a call', async () => {
    const t = setup();
    await t.desk.offer(CLERK, true);
    expect(() => t.desk.guide({ kind: 'suggest', text: '请点下一步' })).toThrow(/no call/);
    const lost = t.desk.answer(CLERK, t.call.callId);
    t.platform({ type: 'error', code: 'call_taken', message: 'another clerk answered', callId: t.call.callId });
    await expect(lost).rejects.toMatchObject({ reason: 'not-found' });
    const won = t.desk.answer(CLERK, t.call.callId);
    expect(t.sent.at(-1)).toEqual({ type: 'call.answer', callId: t.call.callId, clerkToken: CLERK.token });
    t.platform({ type: 'call.joined', callId: t.call.callId, staffId: CLERK.staffId, call: t.call });
    expect(await won).toMatchObject({ phase: 'connected', callId: t.call.callId });
    t.desk.guide({ kind: 'precheck', pageId: 'pg-1', verdict: 'retake', reason: 'blurred' });
    expect(t.sent.at(-1)).toEqual({ type: 'call.help', callId: t.call.callId, help: { kind: 'precheck', pageId: 'pg-1', verdict: 'retake', reason: 'blurred' } });
    t.platform({ type: 'call.help', callId: t.call.callId, help: { kind: 'chat', text: '我听不清' } });
    expect(t.events.at(-1)).toEqual({ name: 'helper:chat', payload: { text: '我听不清' } });
    // A view that is not the contract's shape (here with a photo field) never reaches the clerk's screen.
    const count = t.events.length;
    const bad = { step: 'form', language: 'zh', item: null, card: null, fields: [], pages: [], controls: [], photoBase64: 'AAAA' };
    t.platform({ type: 'call.help', callId: t.call.callId, help: { kind: 'view', view: bad as never } });
    expect(t.events.length).toBe(count);
    const { photoBase64: _photo, ...clean } = bad;
    t.platform({ type: 'call.help', callId: t.call.callId, help: { kind: 'view', view: clean as never } });
    expect(t.events.at(-1)).toMatchObject({ name: 'helper:view', payload: { step: 'form' } });
  });

  it('empties the queue view of a clerk signed out (by hand or on idle) while a call rings, and shows no stale call to the next', async () => {
    const t = setup();
    await t.desk.offer(CLERK, true);
    t.platform({ type: 'queue', calls: [t.call], at: new Date(NOW).toISOString() });
    expect(t.desk.queue(CLERK.staffId).calls).toHaveLength(1);
    t.desk.withdraw(CLERK.staffId); // ClerkDesk's onSignedOut, on sign-out or idle
    expect(t.desk.queue(CLERK.staffId)).toMatchObject({ available: false, calls: [] });
    expect(t.events.at(-1)).toMatchObject({ name: 'helper:queueChanged', payload: { available: false, calls: [] } });
    // The platform sends this counter no queue now; the next clerk's offer does not list the old call.
    const next = await t.desk.offer({ staffId: 'C1002', token: 'clerk-token-fedcba9876543210' }, true);
    expect(next.calls).toEqual([]);
  });

  it('withdraws a clerk who goes idle while a call rings, through ClerkDesk\'s idle sign-out', async () => {
    const t = setup();
    let clock = NOW;
    const clerks = new ClerkDesk({
      client: { clerkLogin: async () => ({ token: CLERK.token, expiresAt: new Date(NOW + 3_600_000).toISOString(), clerk: { staffId: CLERK.staffId, name: '沙箱窗口一', windowNo: '01', department: { code: '440304MZ', name: '区民政局' } } }) },
      idleTimeoutSeconds: 60, now: () => clock, onSignedOut: (staffId) => t.desk.withdraw(staffId),
    });
    await clerks.login('w1', { staffId: CLERK.staffId, password: 'counter-1001' });
    await t.desk.offer(CLERK, true);
    t.platform({ type: 'queue', calls: [t.call], at: new Date(NOW).toISOString() });
    clock += 61_000;
    expect(clerks.peek('w1')).toBeNull();
    expect(t.sent.at(-1)).toEqual({ type: 'helper.available', clerkToken: CLERK.token, available: false });
    expect(t.desk.queue(CLERK.staffId)).toMatchObject({ available: false, calls: [] });
  });

  it('hangs up the call of a clerk who signs out mid-call, and leaves another clerk\'s call alone', async () => {
    const t = setup();
    await t.desk.offer(CLERK, true);
    const answered = t.desk.answer(CLERK, t.call.callId);
    t.platform({ type: 'call.joined', callId: t.call.callId, staffId: CLERK.staffId, call: t.call });
    await answered;
    t.desk.withdraw('C1002');
    expect(t.desk.current().phase).toBe('connected');
    t.desk.withdraw(CLERK.staffId);
    expect(t.desk.current()).toMatchObject({ phase: 'ended', endReason: 'helper' });
    expect(t.sent).toContainEqual({ type: 'call.end', callId: t.call.callId, reason: 'helper' });
    expect(t.sent.at(-1)).toEqual({ type: 'helper.available', clerkToken: CLERK.token, available: false });
  });

  describe('answering', () => {
    afterEach(() => void vi.useRealTimers());

    it('fails at once when the line refuses the answer, with no waiter left to time out unheard', async () => {
      vi.useFakeTimers();
      const t = setup();
      await t.desk.offer(CLERK, true);
      t.refuseSends(true);
      await expect(t.desk.answer(CLERK, t.call.callId)).rejects.toMatchObject({ reason: 'unreachable' });
      // Before the fix a 5 s timer armed before the send rejected a promise nobody awaited (an unhandled rejection).
      await vi.advanceTimersByTimeAsync(10_000);
      t.refuseSends(false);
      const next = t.desk.answer(CLERK, t.call.callId);
      t.platform({ type: 'call.joined', callId: t.call.callId, staffId: CLERK.staffId, call: t.call });
      expect(await next).toMatchObject({ phase: 'connected' });
    });

    it('is settled only by its own call\'s reply: another call\'s error leaves it waiting', async () => {
      vi.useFakeTimers();
      const t = setup();
      await t.desk.offer(CLERK, true);
      const answered = t.desk.answer(CLERK, t.call.callId);
      t.platform({ type: 'error', code: 'call_taken', message: 'another clerk answered', callId: 'call-other' });
      t.platform({ type: 'call.joined', callId: 'call-other', staffId: CLERK.staffId, call: { ...t.call, callId: 'call-other' } });
      t.platform({ type: 'call.joined', callId: t.call.callId, staffId: CLERK.staffId, call: t.call });
      expect(await answered).toMatchObject({ phase: 'connected', callId: t.call.callId });
      const late = t.desk.hangUp();
      expect(late.phase).toBe('ended');
      const unanswered = t.desk.answer(CLERK, 'call-silent');
      const settled = expect(unanswered).rejects.toMatchObject({ reason: 'unreachable' });
      await vi.advanceTimersByTimeAsync(5_001);
      await settled;
    });
  });

  it('counts answered calls, waiting and handling time and ratings in the workload', async () => {
    const t = setup();
    await t.desk.offer(CLERK, true);
    const answered = t.desk.answer(CLERK, t.call.callId);
    t.platform({ type: 'call.joined', callId: t.call.callId, staffId: CLERK.staffId, call: t.call });
    await answered;
    t.advance(120_000);
    t.platform({ type: 'call.ended', callId: t.call.callId, reason: 'resident', handledMs: 120_000, waitedMs: 30_000 });
    expect(t.desk.current()).toMatchObject({ phase: 'ended', endReason: 'resident' });
    t.platform({ type: 'call.rated', callId: t.call.callId, level: 4 });
    expect(t.desk.current().rating).toBe(4);
    // The clerk hangs up the second one: handling counted from the answer.
    const second = { ...t.call, callId: 'call-00000002', requestedAt: new Date(NOW + 110_000).toISOString() };
    const again = t.desk.answer(CLERK, second.callId);
    t.platform({ type: 'call.joined', callId: second.callId, staffId: CLERK.staffId, call: second });
    await again;
    t.advance(60_000);
    expect(t.desk.hangUp()).toMatchObject({ phase: 'ended', endReason: 'helper' });
    expect(t.sent.at(-1)).toEqual({ type: 'call.end', callId: second.callId, reason: 'helper' });
    const today = await t.ledger.today(CLERK.staffId, NOW + 200_000);
    expect(today.calls).toBe(2);
    expect(today.averageHandlingSeconds).toBe(90);
    expect(today.ratings).toEqual([{ level: 4, count: 1 }]);
    expect((await t.ledger.today('C1002', NOW)).calls).toBe(0);
  });
});
