// The journey statechart under Node: every state, guard and timeout, with fake actors and a simulated clock.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock, type SnapshotFrom } from 'xstate';
import { journeyMachine, emptySession, timingFromSession, type Evaluation, type QueryAnswer, type QueryRequest } from '../../src/renderer/kiosk/journey-machine';
import type { MaskedCard } from '@easydo/core/contract/schemas/card';
import type { PreparedForm, SubmitApplicationResponse } from '@easydo/core/contract/schemas/application';
import type { ReceiptView } from '@easydo/core/contract/schemas/journey-receipt';

const card: MaskedCard = { cardType: 'resident', nameMasked: '卓*', idNumberMasked: '440304********2469', gender: '女', birthYear: '1996', validTo: '2030-01-01', expired: false, checkDigitValid: true };
const form: PreparedForm = {
  itemCode: 'X1',
  fields: [
    { key: 'applicantName', label: { zh: '姓名', en: 'Name' }, type: 'text', required: true, editable: false, prefilled: 'card', display: '卓*' },
    { key: 'reason', label: { zh: '事由', en: 'Reason' }, type: 'textarea', required: true, editable: true, prefilled: null, display: null },
  ],
};
const receipt: SubmitApplicationResponse = { localId: 'L1', localStage: 'accepted', acceptanceNumber: 'A1', queryPassword: '123456', trackingCode: 'T1', serverStage: '受理' };
const lt = (zh: string) => ({ zh, en: zh });
const answer: QueryAnswer = [
  { acceptanceNumber: 'A1', itemCode: 'X1', itemName: lt('事项'), department: { code: 'D', name: '局' }, submittedAt: '2024-01-01T00:00:00Z', dueDate: null, stage: '受理', stageLabel: lt('受理'), explanation: lt('已受理'), evaluated: false, history: [] },
];
const receiptView: ReceiptView = { localId: 'L1', kind: 'accepted', acceptanceNumber: 'A1', queryPassword: '123456', trackingCode: 'T1', qrPayload: 'easydo://query?no=A1', lines: ['受理回执'], speech: '', pngBase64: null, reprint: false };

type Calls = { ended: string[]; touched: number; submitted: unknown[]; evaluated: Evaluation[]; queried: QueryRequest[]; reprinted: unknown[] };

function start(opts: { submitError?: unknown; printError?: unknown; prepareError?: unknown; reprintError?: unknown } = {}) {
  const calls: Calls = { ended: [], touched: 0, submitted: [], evaluated: [], queried: [], reprinted: [] };
  const clock = new SimulatedClock();
  const machine = journeyMachine.provide({
    actors: {
      prepareForm: fromPromise(async () => {
        if (opts.prepareError) throw opts.prepareError;
        return form;
      }),
      submit: fromPromise(async ({ input }) => {
        calls.submitted.push(input);
        if (opts.submitError) throw opts.submitError;
        return receipt;
      }),
      printReceipt: fromPromise(async () => {
        if (opts.printError) throw opts.printError;
        return receiptView;
      }),
      evaluate: fromPromise(async ({ input }) => {
        calls.evaluated.push(input.evaluation);
      }),
      query: fromPromise(async ({ input }) => {
        calls.queried.push(input);
        if (input.by === 'number' && input.queryPassword !== '123456') throw { error: { code: 'validation', message: 'wrong password' } };
        return answer;
      }),
      reprint: fromPromise(async ({ input }) => {
        calls.reprinted.push(input);
        if (opts.reprintError) throw opts.reprintError;
        return { ...receiptView, reprint: true };
      }),
    },
    actions: {
      endSessionInMain: (_, params) => void calls.ended.push(params.reason),
      touchMain: () => void calls.touched++,
    },
  });
  const actor = createActor(machine, { clock, input: { timing: { idleWarningMs: 1000, countdownMs: 500, thanksMs: 300 } } });
  actor.start();
  return { actor, clock, calls };
}

const flow = (s: SnapshotFrom<typeof journeyMachine>) => (typeof s.value === 'string' ? s.value : (s.value as { session: { flow: unknown } }).session.flow);
const idle = (s: SnapshotFrom<typeof journeyMachine>) => (typeof s.value === 'string' ? null : (s.value as { session: { idle: string } }).session.idle);
const tick = () => new Promise((r) => setTimeout(r, 0));
const waitFor = async (actor: ReturnType<typeof start>['actor'], pred: (s: SnapshotFrom<typeof journeyMachine>) => boolean) => {
  for (let i = 0; i < 50 && !pred(actor.getSnapshot()); i++) await tick();
  expect(pred(actor.getSnapshot())).toBe(true);
};

async function toForm(t: ReturnType<typeof start>) {
  t.actor.send({ type: 'CARD_READ', card });
  t.actor.send({ type: 'SELECT_ITEM', itemCode: 'X1' });
  t.actor.send({ type: 'APPLY' });
  await waitFor(t.actor, (s) => flow(s) === 'form');
}

describe('journey statechart', () => {
  it('starts at the attract screen with an empty session', () => {
    const { actor } = start();
    expect(actor.getSnapshot().value).toBe('attract');
    expect(actor.getSnapshot().context).toMatchObject(emptySession());
  });

  it('walks the whole journey: card, item, guide, form, materials, review, signature, submit, receipt, rating, thanks', async () => {
    const t = start();
    const { actor } = t;
    actor.send({ type: 'CARD_READ', card });
    expect(flow(actor.getSnapshot())).toBe('catalogue');
    actor.send({ type: 'SELECT_ITEM', itemCode: 'X1' });
    expect(flow(actor.getSnapshot())).toBe('guide');
    actor.send({ type: 'APPLY' });
    expect(flow(actor.getSnapshot())).toBe('preparing');
    await waitFor(actor, (s) => flow(s) === 'form');
    actor.send({ type: 'NEXT' });
    expect(flow(actor.getSnapshot())).toBe('form'); // guard: reason missing
    actor.send({ type: 'FIELD', key: 'reason', value: '证明' });
    actor.send({ type: 'NEXT' });
    expect(flow(actor.getSnapshot())).toBe('materials');
    actor.send({ type: 'NEXT' });
    expect(flow(actor.getSnapshot())).toBe('materials'); // guard: checklist not complete
    actor.send({ type: 'MATERIALS', complete: true });
    actor.send({ type: 'NEXT' });
    expect(flow(actor.getSnapshot())).toBe('review');
    actor.send({ type: 'NEXT' });
    expect(flow(actor.getSnapshot())).toBe('signature');
    actor.send({ type: 'NEXT' });
    expect(flow(actor.getSnapshot())).toBe('signature'); // guard: not signed
    actor.send({ type: 'SIGNED', dataUrl: 'data:image/png;base64,AA' });
    actor.send({ type: 'CLEAR_SIGNATURE' });
    actor.send({ type: 'NEXT' });
    expect(flow(actor.getSnapshot())).toBe('signature');
    actor.send({ type: 'SIGNED', dataUrl: 'data:image/png;base64,AA' });
    actor.send({ type: 'NEXT' });
    expect(flow(actor.getSnapshot())).toBe('submitting');
    await waitFor(actor, (s) => JSON.stringify(flow(s)) === JSON.stringify({ receipt: 'shown' }));
    expect(t.calls.submitted).toEqual([{ itemCode: 'X1', form, values: { reason: '证明' }, signature: 'data:image/png;base64,AA' }]);
    expect(actor.getSnapshot().context.printed).toBe('printed');
    expect(actor.getSnapshot().context.receiptView).toEqual(receiptView);
    actor.send({ type: 'NEXT' });
    expect(flow(actor.getSnapshot())).toBe('evaluation');
    const evaluation: Evaluation = { level: 1, indicators: { overall: 1, efficiency: 2 } };
    actor.send({ type: 'RATE', evaluation });
    await waitFor(actor, (s) => s.value === 'thanks');
    expect(t.calls.evaluated).toEqual([evaluation]);
    actor.send({ type: 'FINISH' });
    expect(actor.getSnapshot().value).toBe('attract');
    expect(t.calls.ended).toEqual(['finished']);
    expect(actor.getSnapshot().context).toMatchObject(emptySession());
  });

  it('asks a guest to place the card before the form, then prepares it', async () => {
    const { actor } = start();
    actor.send({ type: 'BROWSE' });
    actor.send({ type: 'SELECT_ITEM', itemCode: 'X1' });
    actor.send({ type: 'APPLY' });
    expect(flow(actor.getSnapshot())).toBe('identity');
    actor.send({ type: 'BACK' });
    expect(flow(actor.getSnapshot())).toBe('guide');
    actor.send({ type: 'APPLY' });
    actor.send({ type: 'CARD_READ', card });
    await waitFor(actor, (s) => flow(s) === 'form');
    expect(actor.getSnapshot().context.card).toEqual(card);
  });

  it('goes back to the guide with the error when the form cannot be prepared', async () => {
    const { actor } = start({ prepareError: { error: { code: 'backend', message: 'down' } } });
    actor.send({ type: 'CARD_READ', card });
    actor.send({ type: 'SELECT_ITEM', itemCode: 'X1' });
    actor.send({ type: 'APPLY' });
    await waitFor(actor, (s) => flow(s) === 'guide');
    expect(actor.getSnapshot().context.error?.code).toBe('backend');
  });

  it('returns typed validation issues to the form and drops the signature', async () => {
    const t = start({ submitError: { error: { code: 'validation', message: 'fix', issues: [{ path: 'reason', message: 'bad' }] } } });
    await toForm(t);
    t.actor.send({ type: 'FIELD', key: 'reason', value: 'x' });
    t.actor.send({ type: 'NEXT' });
    t.actor.send({ type: 'MATERIALS', complete: true });
    t.actor.send({ type: 'NEXT' });
    t.actor.send({ type: 'NEXT' });
    t.actor.send({ type: 'SIGNED', dataUrl: 'd' });
    t.actor.send({ type: 'NEXT' });
    await waitFor(t.actor, (s) => flow(s) === 'form');
    expect(t.actor.getSnapshot().context.issues).toEqual([{ path: 'reason', message: 'bad' }]);
    expect(t.actor.getSnapshot().context.signature).toBeNull();
    t.actor.send({ type: 'FIELD', key: 'reason', value: 'y' });
    expect(t.actor.getSnapshot().context.issues).toEqual([]);
  });

  it('offers retry after a non-validation submit failure, and shows the receipt even when printing fails', async () => {
    const t = start({ submitError: { error: { code: 'device', message: 'paper out' } }, printError: new Error('no paper') });
    await toForm(t);
    t.actor.send({ type: 'FIELD', key: 'reason', value: 'x' });
    for (const e of ['NEXT'] as const) t.actor.send({ type: e });
    t.actor.send({ type: 'MATERIALS', complete: true });
    t.actor.send({ type: 'NEXT' });
    t.actor.send({ type: 'NEXT' });
    t.actor.send({ type: 'SIGNED', dataUrl: 'd' });
    t.actor.send({ type: 'NEXT' });
    await waitFor(t.actor, (s) => flow(s) === 'submitFailed');
    expect(t.actor.getSnapshot().context.error?.code).toBe('device');
    t.actor.send({ type: 'BACK' });
    expect(flow(t.actor.getSnapshot())).toBe('review');
  });

  it('marks a failed print and still shows the receipt', async () => {
    const t = start({ printError: { error: { code: 'device', message: 'paper out' } } });
    await toForm(t);
    t.actor.send({ type: 'FIELD', key: 'reason', value: 'x' });
    t.actor.send({ type: 'NEXT' });
    t.actor.send({ type: 'MATERIALS', complete: true });
    t.actor.send({ type: 'NEXT' });
    t.actor.send({ type: 'NEXT' });
    t.actor.send({ type: 'SIGNED', dataUrl: 'd' });
    t.actor.send({ type: 'NEXT' });
    await waitFor(t.actor, (s) => JSON.stringify(flow(s)) === JSON.stringify({ receipt: 'shown' }));
    expect(t.actor.getSnapshot().context.printed).toBe('failed');
    t.actor.send({ type: 'NEXT' });
    t.actor.send({ type: 'SKIP' });
    expect(t.actor.getSnapshot().value).toBe('thanks');
    t.clock.increment(300);
    expect(t.actor.getSnapshot().value).toBe('attract');
    expect(t.calls.ended).toEqual(['finished']);
  });

  it('warns after inactivity, extends on request, and ends the session when the countdown runs out', () => {
    const t = start();
    t.actor.send({ type: 'CARD_READ', card });
    expect(idle(t.actor.getSnapshot())).toBe('watching');
    t.clock.increment(900);
    t.actor.send({ type: 'ACTIVITY' });
    t.clock.increment(900);
    expect(idle(t.actor.getSnapshot())).toBe('watching'); // activity restarted the wait
    t.clock.increment(100);
    expect(idle(t.actor.getSnapshot())).toBe('warning');
    t.actor.send({ type: 'EXTEND' });
    expect(idle(t.actor.getSnapshot())).toBe('watching');
    expect(t.calls.touched).toBe(2);
    t.clock.increment(1000);
    expect(idle(t.actor.getSnapshot())).toBe('warning');
    t.clock.increment(499);
    expect(idle(t.actor.getSnapshot())).toBe('warning');
    t.clock.increment(1);
    expect(t.actor.getSnapshot().value).toBe('attract');
    expect(t.calls.ended).toEqual(['idle']);
    expect(t.actor.getSnapshot().context).toMatchObject(emptySession());
  });

  it('does not count idle time on the attract screen', () => {
    const t = start();
    t.clock.increment(10_000);
    expect(t.actor.getSnapshot().value).toBe('attract');
    expect(t.calls.ended).toEqual([]);
  });

  it('wipes everything when main ends the session, from any step', async () => {
    const t = start();
    await toForm(t);
    t.actor.send({ type: 'FIELD', key: 'reason', value: 'secret' });
    t.actor.send({ type: 'SESSION_ENDED', reason: 'card-removed' });
    expect(t.actor.getSnapshot().value).toBe('attract');
    expect(t.actor.getSnapshot().context).toMatchObject(emptySession());
    expect(t.calls.ended).toEqual([]); // main already ended it
  });

  it('cancels from any session step and tells main', async () => {
    const t = start();
    await toForm(t);
    t.actor.send({ type: 'CANCEL' });
    expect(t.actor.getSnapshot().value).toBe('attract');
    expect(t.calls.ended).toEqual(['cancelled']);
  });

  it('lets a guest query progress by number and password, with a wrong password kept on the query screen', async () => {
    const t = start();
    t.actor.send({ type: 'QUERY' });
    expect(flow(t.actor.getSnapshot())).toBe('query');
    t.actor.send({ type: 'ASK', request: { by: 'number', acceptanceNumber: 'A1', queryPassword: '000000' } });
    await waitFor(t.actor, (s) => flow(s) === 'query' && s.context.error !== null);
    t.actor.send({ type: 'ASK', request: { by: 'number', acceptanceNumber: 'A1', queryPassword: '123456' } });
    await waitFor(t.actor, (s) => flow(s) === 'queryResult');
    expect(t.actor.getSnapshot().context.query).toEqual(answer);
    t.actor.send({ type: 'BACK' });
    expect(t.actor.getSnapshot().context.query).toBeNull();
    t.actor.send({ type: 'BACK' });
    expect(t.actor.getSnapshot().value).toBe('attract');
  });

  it('goes from the guide back to the catalogue and from the catalogue to the start', () => {
    const t = start();
    t.actor.send({ type: 'BROWSE' });
    t.actor.send({ type: 'SELECT_ITEM', itemCode: 'X1' });
    t.actor.send({ type: 'BACK' });
    expect(flow(t.actor.getSnapshot())).toBe('catalogue');
    expect(t.actor.getSnapshot().context.itemCode).toBeNull();
    t.actor.send({ type: 'BACK' });
    expect(t.actor.getSnapshot().value).toBe('attract');
  });

  it('takes new timing from main', () => {
    const t = start();
    t.actor.send({ type: 'TIMING', timing: { idleWarningMs: 5000 } });
    t.actor.send({ type: 'BROWSE' });
    t.clock.increment(4999);
    expect(idle(t.actor.getSnapshot())).toBe('watching');
    t.clock.increment(1);
    expect(idle(t.actor.getSnapshot())).toBe('warning');
  });
});

describe('timing from main', () => {
  it("takes the warning and countdown as main's session info gives them", () => {
    expect(timingFromSession({ idleWarningSeconds: 60, idleCountdownSeconds: 30 })).toEqual({ idleWarningMs: 60_000, countdownMs: 30_000 });
    expect(timingFromSession({ idleWarningSeconds: 17, idleCountdownSeconds: 11 })).toEqual({ idleWarningMs: 17_000, countdownMs: 11_000 });
  });
});
