// The session-terms registry drops a wiped session's digests at the end of its grace period with one timer for
// the whole registry, not one per wipe: a terminal wiping sessions quickly (the sessions soak, ~10 a second) held
// one five-minute timer per wipe, ~3 KB a session with its closure, until each fired.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SensitiveTerms } from '@easydo/core/services/logging/session-terms';

afterEach(() => void vi.useRealTimers());

describe('session terms fade out on one timer', () => {
  it('many wipes arm one timer; each term still goes at the end of its own grace period', () => {
    vi.useFakeTimers();
    const terms = new SensitiveTerms({ graceMs: 1000, now: () => Date.now() });
    for (let i = 0; i < 100; i++) {
      const wipe = terms.add([`居民${String.fromCharCode(0x4e00 + i)}甲`]);
      wipe();
      vi.advanceTimersByTime(5);
    }
    expect(vi.getTimerCount()).toBe(1);
    expect(terms.size).toBeGreaterThanOrEqual(100);
    // The first wipes' grace has ended: their digests go without anyone asking for a scrub.
    vi.advanceTimersByTime(1000 - 5 * 100 + 250);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(5 * 100);
    expect(vi.getTimerCount()).toBe(0);
    expect(terms.size).toBe(0);
  });

  it('an open session arms nothing; its wipe arms the timer', () => {
    vi.useFakeTimers();
    const terms = new SensitiveTerms({ graceMs: 1000, now: () => Date.now() });
    const wipe = terms.add(['卓岚']);
    expect(vi.getTimerCount()).toBe(0);
    wipe();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1001);
    expect(vi.getTimerCount()).toBe(0);
    expect(terms.size).toBe(0);
  });
});
