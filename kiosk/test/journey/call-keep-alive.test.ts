// A connected remote-help call keeps the visit alive while the resident talks, but only up to a cap after the
// last real touch: a visit left behind with a call open reaches the idle warning again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALL_ACTIVITY_MS, CALL_KEEP_ALIVE_CAP_MS, callKeepsVisitAlive, startCallKeepAlive } from '../../src/renderer/kiosk/help/call-keep-alive';

afterEach(() => void vi.useRealTimers());

describe('call keep-alive', () => {
  it('counts only within the cap after the last real touch', () => {
    expect(CALL_KEEP_ALIVE_CAP_MS).toBe(10 * 60_000);
    expect(callKeepsVisitAlive(0, CALL_KEEP_ALIVE_CAP_MS - 1)).toBe(true);
    expect(callKeepsVisitAlive(0, CALL_KEEP_ALIVE_CAP_MS)).toBe(false);
  });

  it('stops reporting activity 10 minutes after the last touch, and a touch starts it again', async () => {
    vi.useFakeTimers();
    const page = new EventTarget();
    let reported = 0;
    const stop = startCallKeepAlive(page, () => void reported++);
    await vi.advanceTimersByTimeAsync(CALL_KEEP_ALIVE_CAP_MS - 1);
    const withinCap = reported;
    expect(withinCap).toBe(Math.floor((CALL_KEEP_ALIVE_CAP_MS - 1) / CALL_ACTIVITY_MS));
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(reported).toBe(withinCap); // untouched for 40 minutes: the call no longer vouches for anyone
    page.dispatchEvent(new Event('pointerdown'));
    await vi.advanceTimersByTimeAsync(CALL_ACTIVITY_MS);
    expect(reported).toBe(withinCap + 1);
    stop();
    await vi.advanceTimersByTimeAsync(CALL_ACTIVITY_MS * 3);
    expect(reported).toBe(withinCap + 1);
  });
});
