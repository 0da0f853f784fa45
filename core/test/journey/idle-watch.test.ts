// Main's safety net: with no activity reported, the session ends (reason idle) and everything it held is
// wiped; activity pushes the end back; card removal ends only when the card must stay.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionManager } from '../../src/services/session/session-manager';
import { IdleWatch } from '../../src/services/journey/idle-watch';
import type { CardRecord } from '../../src/services/session/card-record';

const CARD: CardRecord = {
  cardType: 'resident', name: '测试', gender: '1', birthDate: '19900101', idNumber: '110101199001011234', validFrom: '20200101', validTo: '20400101',
};

describe('IdleWatch', () => {
  let sessions: SessionManager;
  let watch: IdleWatch;
  let ended: string[];
  beforeEach(() => {
    vi.useFakeTimers();
    sessions = new SessionManager();
    ended = [];
    sessions.onEnd((_s, reason) => ended.push(reason));
    watch = new IdleWatch({ sessions, limitSeconds: () => 105 });
  });
  afterEach(() => {
    watch.close();
    vi.useRealTimers();
  });

  it('ends and wipes a silent session after the limit, not before', async () => {
    const session = await sessions.start({ ...CARD });
    let wiped = false;
    session.onWipe(() => {
      wiped = true;
    });
    await vi.advanceTimersByTimeAsync(104_000);
    expect(sessions.current()).toBe(session);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sessions.current()).toBeNull();
    expect(ended).toEqual(['idle']);
    expect(wiped).toBe(true);
    expect(session.card).toBeNull();
  });

  it('activity reported by the screen pushes the end back', async () => {
    const session = await sessions.start(null);
    await vi.advanceTimersByTimeAsync(100_000);
    watch.touch();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(sessions.current()).toBe(session);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(sessions.current()).toBeNull();
  });

  it('a session ended otherwise leaves no timer that could end the next one early', async () => {
    await sessions.start(null);
    await vi.advanceTimersByTimeAsync(100_000);
    await sessions.end('finished');
    const next = await sessions.start({ ...CARD });
    await vi.advanceTimersByTimeAsync(100_000);
    expect(sessions.current()).toBe(next);
    expect(ended).toEqual(['finished']);
  });

  it('card removal ends the session only when the card must stay', async () => {
    const first = await sessions.start({ ...CARD });
    await watch.cardRemoved();
    expect(sessions.current()).toBe(first);
    watch.requireCard(true);
    await watch.cardRemoved();
    expect(sessions.current()).toBeNull();
    expect(ended).toEqual(['card-removed']);
    // A new session starts with the card free to leave again.
    const second = await sessions.start({ ...CARD });
    await watch.cardRemoved();
    expect(sessions.current()).toBe(second);
  });
});
