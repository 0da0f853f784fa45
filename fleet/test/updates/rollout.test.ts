// The rollout across rings with the same agent code on every terminal: 20 simulated terminals (each its own dpkg
// root and helper) in 3 fleet-assigned rings take a good release ring by ring, then a release that crashes on start
// rolls back in its first ring and pauses that ring and the later ones by itself: nobody else ever installs it.
import { describe, expect, it } from 'vitest';
import { rolloutDemo } from '@easydo/fleet/updates/rollout-demo';
import { assignRings } from '@easydo/fleet/updates/ring-assignment';
import { RolloutBoard } from '@easydo/fleet/updates/rollout-board';

describe('rollout across rings', () => {
  it('20 terminals in 3 rings: all on the good version, the bad one rolled back in the pilot ring, all its rings paused', async () => {
    const s = await rolloutDemo({ terminals: 20, rings: 3, badVersion: true, concurrency: 3 });
    expect(s).toMatchObject({ terminals: 20, rings: 3, onGoodVersion: 20, running: { '1.1.0': 20 } });
    expect(s.pausedRings).toEqual(['pilot', 'wave-1', 'all']);
    const good = s.perRing['1.1.0']!;
    expect(Object.values(good).reduce((n, c) => n + c.healthy!, 0)).toBe(20);
    const bad = s.perRing['1.2.0']!;
    expect(bad.pilot!.rolledBack).toBe(2); // the two pilots installed it, crashed, and came back
    expect(s.rolledBack).toBe(2);
    // Every other terminal was held back by the pause: none downloaded or installed the bad version.
    for (const ring of ['wave-1', 'all']) expect(bad[ring]).toMatchObject({ pending: expect.any(Number), installed: 0, rolledBack: 0, downloading: 0 });
    expect((bad['wave-1']!.pending ?? 0) + (bad.all!.pending ?? 0)).toBe(18);
    expect(s.autoPauses).toBe(1);
    // The schedule at work: each ring took 1.1.0 only once it opened, and 1.2.0 never left the pilots' rollback.
    const good1 = s.steps.filter((x) => x.version === '1.1.0');
    expect(good1.map((x) => x.opened)).toEqual(['pilot', 'wave-1', 'all']);
    expect(good1[0]!.running).toMatchObject({ pilot: { '1.1.0': 2 }, 'wave-1': { '1.0.0': expect.any(Number) }, all: { '1.0.0': expect.any(Number) } });
    expect(Object.keys(good1[0]!.running['wave-1']!)).toEqual(['1.0.0']);
    expect(Object.keys(good1[1]!.running.all!)).toEqual(['1.0.0']);
    expect(Object.keys(good1[1]!.running['wave-1']!)).toEqual(['1.1.0']);
    for (const step of s.steps.filter((x) => x.version === '1.2.0')) for (const ring of Object.values(step.running)) expect(Object.keys(ring)).toEqual(['1.1.0']);
  }, 600_000);
});

describe('ring assignment', () => {
  it('deals each street over the rings, so no ring takes a whole street down, and meets the shares', () => {
    const terminals = Array.from({ length: 40 }, (_, i) => ({ terminalId: `T-${String(i).padStart(3, '0')}`, street: `s${i % 5}` }));
    const rings = assignRings(terminals, { rings: [{ name: 'early', share: 0.25 }, { name: 'all', share: 0.75 }], pilots: { ring: 'pilot', terminalIds: ['T-000', 'T-001'] } });
    expect(rings.size).toBe(40);
    const count = (r: string) => [...rings.values()].filter((x) => x === r).length;
    expect([count('pilot'), count('early'), count('all')]).toEqual([2, 10, 28]);
    for (let s = 0; s < 5; s++) {
      const street = terminals.filter((t) => t.street === `s${s}`).map((t) => rings.get(t.terminalId));
      for (const r of ['pilot', 'early', 'all']) expect(street.filter((x) => x === r).length).toBeLessThan(street.length);
    }
  });
});

describe('rollout board', () => {
  const report = (terminalId: string, ring: string, state: string, version = '3.0.0', reason?: string) => ({ terminalId, channel: 'stable', ring, version, running: '2.0.0', state, at: '2026-12-02T03:00:00+08:00', ...(reason ? { reason } : {}) });

  it('a rollback pauses its ring and the later ones; an operator resumes and stops; counts stay per ring and version', () => {
    const board = new RolloutBoard('stable', () => ['pilot', 'early', 'all']);
    board.ingest(report('T-1', 'pilot', 'healthy'));
    board.ingest(report('T-2', 'early', 'downloading'));
    expect(board.pausedRings('3.0.0')).toEqual([]);
    expect(board.ingest(report('T-3', 'early', 'rolledBack', '3.0.0', 'crashLoop'))).toEqual(['early', 'all']);
    expect(board.pausedRings('3.0.0')).toEqual(['early', 'all']);
    // A later report of that terminal about the version does not erase its rollback from the count.
    board.ingest(report('T-3', 'early', 'pending', '3.0.0', 'knownBad'));
    expect(board.countsFor('3.0.0').early).toMatchObject({ rolledBack: 1, downloading: 1 });
    expect(board.countsFor('3.0.0').pilot).toMatchObject({ healthy: 1 });
    board.resume('3.0.0', ['all'], 'op-1');
    expect(board.controlDocument().versions['3.0.0']).toEqual({ pausedRings: ['early'], stopped: false });
    board.stop('3.0.0', 'op-1', 'bad printer driver');
    expect(board.controlDocument().versions['3.0.0']!.stopped).toBe(true);
    expect(board.events.map((e) => e.kind)).toEqual(['autoPaused', 'resumed', 'stopped']);
    expect(() => board.ingest({ ...report('T-4', 'pilot', 'healthy'), name: 'someone' })).toThrow();
  });
});
