// 亮码办事 from the attract screen: the visit starts as a guest's on the code screen, becomes the resident's
// when the code is verified (or a card is placed after all) and goes on to the catalogue; 返回 ends it.
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, type SnapshotFrom } from 'xstate';
import type { MaskedCard } from '@easydo/core/contract/schemas/card';
import { journeyMachine } from '../../src/renderer/kiosk/journey-machine';

type Snap = SnapshotFrom<typeof journeyMachine>;
const flow = (s: Snap) => (typeof s.value === 'string' ? s.value : (s.value as { session: { flow: unknown } }).session.flow);
const card: MaskedCard = { cardType: 'resident', nameMasked: '卓*', idNumberMasked: '440304********2469', gender: '女', birthYear: '1996', validTo: '2030-01-01', expired: false, checkDigitValid: true };

function atCodeEntry() {
  const started: number[] = [];
  const ended: string[] = [];
  const machine = journeyMachine.provide({
    actions: { startGuestInMain: () => void started.push(1), endSessionInMain: (_, p) => void ended.push(p.reason) },
  });
  const actor = createActor(machine, { clock: new SimulatedClock(), input: { timing: { idleWarningMs: 60_000, countdownMs: 30_000, thanksMs: 1000 } } });
  actor.start();
  actor.send({ type: 'SHOW_CODE' });
  return { actor, started, ended };
}

describe('亮码办事 from the attract screen', () => {
  it('opens the code screen as a guest visit and goes on to the catalogue with the verified identity', () => {
    const { actor, started } = atCodeEntry();
    expect(started).toEqual([1]);
    expect(flow(actor.getSnapshot())).toBe('codeEntry');
    actor.send({ type: 'CARD_READ', card }); // what PhoneCodeScreen sends once main verified the code
    expect(flow(actor.getSnapshot())).toBe('catalogue');
    expect(actor.getSnapshot().context.card).toEqual(card);
    // The identity is known: 办理 goes straight to the form, never to the place-your-card screen.
    actor.send({ type: 'SELECT_ITEM', itemCode: 'X1' });
    actor.send({ type: 'APPLY' });
    expect(flow(actor.getSnapshot())).not.toBe('identity');
  });

  it('返回 ends the guest visit', () => {
    const { actor, ended } = atCodeEntry();
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('attract');
    expect(ended).toEqual(['finished']);
  });
});
