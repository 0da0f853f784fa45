// The screen that has just started a visit while main wiped a stale one: main tells that end as 'superseded',
// which is not this visit's end, so the resident is not sent back to the attract screen. Any other end is.
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, type SnapshotFrom } from 'xstate';
import { journeyMachine } from '../../src/renderer/kiosk/journey-machine';

type Snap = SnapshotFrom<typeof journeyMachine>;
const flow = (s: Snap) => (typeof s.value === 'string' ? s.value : (s.value as { session: { flow: unknown } }).session.flow);

function browsing() {
  const started: number[] = [];
  const machine = journeyMachine.provide({ actions: { startGuestInMain: () => void started.push(1) } });
  const actor = createActor(machine, { clock: new SimulatedClock(), input: { timing: { idleWarningMs: 60_000, countdownMs: 30_000, thanksMs: 1000 } } });
  actor.start();
  actor.send({ type: 'BROWSE' });
  return { actor, started };
}

describe('a stale session superseded by a new visit', () => {
  it("stays in the new visit when main tells the stale one's end as superseded", () => {
    const { actor, started } = browsing();
    expect(started).toEqual([1]);
    expect(flow(actor.getSnapshot())).toBe('catalogue');
    actor.send({ type: 'SESSION_ENDED', reason: 'superseded' });
    expect(flow(actor.getSnapshot())).toBe('catalogue');
  });

  it('goes back to the start on any end of its own', () => {
    for (const reason of ['idle', 'card-removed', 'admin-takeover', 'finished']) {
      const { actor } = browsing();
      actor.send({ type: 'SESSION_ENDED', reason });
      expect(actor.getSnapshot().value, reason).toBe('attract');
    }
  });
});
