// The fleet-action pacer on a hand-driven clock: a burst, then the rate, in order; never more than the bucket holds.
import { describe, expect, it } from 'vitest';
import { Pacer, type PacerClock } from '@easydo/fleet/console/pacer';

function manualClock() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const clock: PacerClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimeout: (h) => void timers.splice(timers.indexOf(h as (typeof timers)[number]), 1),
  };
  return {
    clock,
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = next.at;
        next.fn();
      }
      now = end;
    },
  };
}

describe('Pacer', () => {
  it('runs a burst at once, then ratePerSecond, in the order queued', () => {
    const m = manualClock();
    const pacer = new Pacer(5, 5, m.clock);
    const ran: number[] = [];
    for (let i = 0; i < 23; i++) pacer.schedule(() => ran.push(i));
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    m.advance(1000);
    expect(ran.length).toBe(10);
    m.advance(2000);
    expect(ran.length).toBe(20);
    m.advance(5000);
    expect(ran).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(pacer.queued).toBe(0);
  });

  it('never exceeds burst + rate × elapsed over any stretch', () => {
    const m = manualClock();
    const pacer = new Pacer(10, 3, m.clock);
    const times: number[] = [];
    for (let i = 0; i < 100; i++) pacer.schedule(() => times.push(m.clock.now()));
    m.advance(20_000);
    expect(times.length).toBe(100);
    for (let i = 0; i < times.length; i++) {
      for (let j = i; j < times.length; j++) expect(j - i + 1).toBeLessThanOrEqual(3 + (10 * (times[j]! - times[i]!)) / 1000 + 1e-9);
    }
  });

  it('refills only up to the burst after a quiet spell, and drops the queue when closed', () => {
    const m = manualClock();
    const pacer = new Pacer(2, 2, m.clock);
    m.advance(60_000);
    const ran: number[] = [];
    for (let i = 0; i < 6; i++) pacer.schedule(() => ran.push(i));
    expect(ran.length).toBe(2);
    pacer.close();
    m.advance(10_000);
    expect(ran.length).toBe(2);
    expect(() => pacer.schedule(() => undefined)).toThrow('closed');
  });
});
