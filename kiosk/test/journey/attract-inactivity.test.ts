import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startInactivityTimer } from '../../src/renderer/kiosk/attract-inactivity';

describe('attract-screen inactivity', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once after the quiet time', () => {
    const onIdle = vi.fn();
    startInactivityTimer(25_000, onIdle);
    vi.advanceTimersByTime(24_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('a touch starts the wait again; stop cancels it', () => {
    const onIdle = vi.fn();
    const timer = startInactivityTimer(10_000, onIdle);
    vi.advanceTimersByTime(9_000);
    timer.poke();
    vi.advanceTimersByTime(9_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    const other = vi.fn();
    const t2 = startInactivityTimer(10_000, other);
    t2.stop();
    vi.advanceTimersByTime(20_000);
    expect(other).not.toHaveBeenCalled();
  });
});
