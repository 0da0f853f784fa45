// Pure parts of the sandbox: fault specs, stage progression on the clock, working-day due dates.
import { describe, expect, it } from 'vitest';
import { drawFault, parseFaults } from '../sandbox/faults';
import { dueDate, pickOutcome, stageHistory } from '../sandbox/stages';

describe('faults', () => {
  it('parses the CLI syntax and refuses nonsense', () => {
    expect(parseFaults('latency=50,5xx=0.1,reset=0.05,hang=0.01,slowBody=0.2')).toMatchObject({ latencyMs: 50, error5xx: 0.1, reset: 0.05, hang: 0.01, slowBody: 0.2 });
    expect(() => parseFaults('reset=2')).toThrow(/0\.\.1/);
    expect(() => parseFaults('explode=1')).toThrow(/bad fault/);
    expect(drawFault(parseFaults('hang=1'))).toBe('hang');
    expect(drawFault(parseFaults(''))).toBe('none');
  });
});

describe('stages', () => {
  it('moves with the clock and stops at the outcome', () => {
    const t0 = Date.parse('2025-03-03T09:00:00Z');
    expect(stageHistory('normal', t0, t0, 1).map((e) => e.stage)).toEqual(['预受理']);
    expect(stageHistory('normal', t0, t0 + 31 * 60_000, 1).map((e) => e.stage)).toEqual(['预受理', '受理']);
    expect(stageHistory('normal', t0, t0 + 120_000, 60).map((e) => e.stage)).toEqual(['预受理', '受理', '办理中']);
    expect(stageHistory('rejected', t0, t0 + 10 * 86_400_000, 1).at(-1)).toMatchObject({ stage: '不予受理', reason: expect.any(String) });
    const s = stageHistory('supplement', t0, t0 + 10 * 86_400_000, 1);
    expect(s.map((e) => e.stage)).toEqual(['预受理', '受理', '补齐补正', '办理中', '办结', '已领取']);
    expect(pickOutcome('rejected', 'x')).toBe('rejected');
  });

  it('counts the legal time limit in working days', () => {
    expect(dueDate(Date.parse('2025-03-07T09:00:00Z'), 1)).toBe('2025-03-10'); // Friday + 1 → Monday
    expect(dueDate(Date.parse('2025-03-03T09:00:00Z'), 5)).toBe('2025-03-10');
  });
});
