// The journey statechart and the service rules for work that must not be lost: the same card placed again
// mid-form keeps the form, another card is asked about first, a receipt the printer could not print is shown
// on screen and printed again once the printer is back, and the card left on the reader is asked for.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, SimulatedClock, type SnapshotFrom } from 'xstate';
import { journeyMachine } from '../../src/renderer/kiosk/journey-machine';
import { canApply, printerNotice } from '../../src/renderer/kiosk/service-rules';
import { shouldRemindCard } from '../../src/renderer/kiosk/TakeCardReminder';
import type { MaskedCard } from '@easydo/core/contract/schemas/card';
import type { PreparedForm, SubmitApplicationResponse } from '@easydo/core/contract/schemas/application';
import type { ReceiptView } from '@easydo/core/contract/schemas/journey-receipt';
import type { ServiceState } from '@easydo/core/contract/schemas/device';

const card: MaskedCard = { cardType: 'resident', nameMasked: '卓*', idNumberMasked: '440304********2469', gender: '女', birthYear: '1996', validTo: '2030-01-01', expired: false, checkDigitValid: true };
const form: PreparedForm = {
  itemCode: 'X1',
  fields: [{ key: 'reason', label: { zh: '事由', en: 'Reason' }, type: 'textarea', required: true, editable: true, prefilled: null, display: null }],
};
const receipt: SubmitApplicationResponse = { localId: 'L1', localStage: 'accepted', acceptanceNumber: 'A1', queryPassword: '123456', trackingCode: 'T1', serverStage: '受理' };
const view: ReceiptView = { localId: 'L1', kind: 'accepted', acceptanceNumber: 'A1', queryPassword: '123456', trackingCode: 'T1', qrPayload: 'https://x/q?t=1', lines: ['受理回执', '受理编号 A1'], speech: '', pngBase64: null, reprint: false };

function start(prints: Array<Partial<ReceiptView>>) {
  const answers: boolean[] = [];
  const ended: string[] = [];
  const texted: string[] = [];
  let printCalls = 0;
  const machine = journeyMachine.provide({
    actors: {
      prepareForm: fromPromise(async () => form),
      submit: fromPromise(async () => receipt),
      printReceipt: fromPromise(async () => ({ ...view, ...prints[Math.min(printCalls++, prints.length - 1)] })),
      receiptSms: fromPromise(async ({ input }: { input: { localId: string } }) => {
        texted.push(input.localId);
        return { sentTo: '138****8001' };
      }),
    },
    actions: {
      endSessionInMain: (_, p) => void ended.push(p.reason),
      answerOtherCardInMain: (_, p) => void answers.push(p.endCurrent),
    },
  });
  const actor = createActor(machine, { clock: new SimulatedClock(), input: { timing: { idleWarningMs: 1000, countdownMs: 500, thanksMs: 300 } } });
  actor.start();
  return { actor, answers, ended, texted, printCalls: () => printCalls };
}

const flow = (s: SnapshotFrom<typeof journeyMachine>) => (typeof s.value === 'string' ? s.value : JSON.stringify((s.value as { session: { flow: unknown } }).session.flow));
const tick = () => new Promise((r) => setTimeout(r, 0));
async function until(actor: ReturnType<typeof start>['actor'], want: string) {
  for (let i = 0; i < 50 && flow(actor.getSnapshot()) !== want; i++) await tick();
  expect(flow(actor.getSnapshot())).toBe(want);
}
async function toForm(t: ReturnType<typeof start>) {
  t.actor.send({ type: 'CARD_READ', card });
  t.actor.send({ type: 'SELECT_ITEM', itemCode: 'X1' });
  t.actor.send({ type: 'APPLY' });
  await until(t.actor, '"form"');
  t.actor.send({ type: 'FIELD', key: 'reason', value: '租期延长' });
}
async function toReceipt(t: ReturnType<typeof start>) {
  await toForm(t);
  t.actor.send({ type: 'NEXT' });
  t.actor.send({ type: 'MATERIALS', complete: true });
  t.actor.send({ type: 'NEXT' });
  t.actor.send({ type: 'NEXT' });
  t.actor.send({ type: 'SIGNED', dataUrl: 'd' });
  t.actor.send({ type: 'NEXT' });
  await until(t.actor, '{"receipt":"shown"}');
}

describe('a card lifted and placed again mid-form', () => {
  it('the same card back (main resumed the session): the form and what was typed stay', async () => {
    const t = start([{}]);
    await toForm(t);
    t.actor.send({ type: 'CARD_REMOVED' });
    t.actor.send({ type: 'CARD_READ', card });
    expect(flow(t.actor.getSnapshot())).toBe('"form"');
    expect(t.actor.getSnapshot().context.values).toEqual({ reason: '租期延长' });
    expect(t.actor.getSnapshot().context.itemCode).toBe('X1');
    expect(t.ended).toEqual([]);
  });

  it('another card: asks, and keeping the visit keeps the form (main is told no)', async () => {
    const t = start([{}]);
    await toForm(t);
    t.actor.send({ type: 'OTHER_CARD' });
    expect(t.actor.getSnapshot().context.otherCard).toBe(true);
    expect(flow(t.actor.getSnapshot())).toBe('"form"');
    t.actor.send({ type: 'OTHER_CARD_ANSWER', endCurrent: false });
    expect(t.answers).toEqual([false]);
    expect(t.actor.getSnapshot().context.otherCard).toBe(false);
    expect(t.actor.getSnapshot().context.values).toEqual({ reason: '租期延长' });
  });

  it('another card: ending the visit is main\'s to do (the answer is sent; session:ended then wipes)', async () => {
    const t = start([{}]);
    await toForm(t);
    t.actor.send({ type: 'OTHER_CARD' });
    t.actor.send({ type: 'OTHER_CARD_ANSWER', endCurrent: true });
    expect(t.answers).toEqual([true]);
    t.actor.send({ type: 'SESSION_ENDED', reason: 'card-replaced' });
    expect(t.actor.getSnapshot().value).toBe('attract');
    expect(t.actor.getSnapshot().context.values).toEqual({});
  });

  it('the other card taken off: the question goes away by itself', async () => {
    const t = start([{}]);
    await toForm(t);
    t.actor.send({ type: 'OTHER_CARD' });
    t.actor.send({ type: 'CARD_REMOVED' });
    expect(t.actor.getSnapshot().context.otherCard).toBe(false);
    expect(t.answers).toEqual([]);
  });
});

describe('paper out mid-journey', () => {
  it('an unprinted receipt is shown on screen with its reason, and 重新打印 prints it once', async () => {
    const t = start([{ printed: false, printFault: 'paperOut' }, {}]);
    await toReceipt(t);
    const ctx = t.actor.getSnapshot().context;
    expect(ctx.printed).toBe('failed');
    expect(ctx.receiptView?.lines).toEqual(view.lines);
    expect(ctx.error).toMatchObject({ code: 'device', reason: 'paperOut' });
    t.actor.send({ type: 'PRINT_AGAIN' });
    await until(t.actor, '{"receipt":"shown"}');
    expect(t.printCalls()).toBe(2);
    expect(t.actor.getSnapshot().context.printed).toBe('printed');
    expect(t.actor.getSnapshot().context.error).toBeNull();
    // Printed now: another 重新打印 is not offered (no second slip by accident).
    t.actor.send({ type: 'PRINT_AGAIN' });
    await tick();
    expect(t.printCalls()).toBe(2);
  });
});

const state = (over: Partial<ServiceState>): ServiceState => ({ inService: true, canSubmit: true, canReadCard: true, canPrint: true, reasons: [], manual: null, ...over });
const printerOut = state({ inService: false, canSubmit: true, canPrint: false, reasons: [{ code: 'receiptPrinter.userError', kind: 'receiptPrinter', status: 'userError', fault: 'paperOut', message: 'out' }] });

describe('service rules', () => {
  it('a visit begun in service finishes when only the printer stopped; a visit begun after is told at the start', () => {
    expect(canApply(printerOut, true)).toBe(true);
    expect(canApply(printerOut, false)).toBe(false);
    expect(canApply(state({ inService: false, canSubmit: false, canPrint: true }), true)).toBe(false);
    expect(canApply(state({}), false)).toBe(true);
  });

  it('says before the start when the receipt will not print or the roll is nearly out', () => {
    expect(printerNotice(state({ canPrint: false }))).toBe('noPrint');
    expect(printerNotice(state({ paperLow: true }))).toBe('paperLow');
    expect(printerNotice(state({}))).toBeNull();
  });

  it('asks for the card left on the reader after the visit, not during it', () => {
    expect(shouldRemindCard('thanks', true)).toBe(true);
    expect(shouldRemindCard('attract', true)).toBe(true);
    expect(shouldRemindCard('attract', false)).toBe(false);
    expect(shouldRemindCard('form', true)).toBe(false);
  });
});

describe('短信回执 when the slip could not be printed', () => {
  it('texts the number and password once on request and shows where it went (masked)', async () => {
    const t = start([{ printed: false, printFault: 'paperOut', smsOffered: true }]);
    await toReceipt(t);
    expect(t.actor.getSnapshot().can({ type: 'SEND_SMS' })).toBe(true);
    t.actor.send({ type: 'SEND_SMS' });
    await until(t.actor, '{"receipt":"shown"}');
    await tick();
    expect(t.texted).toEqual(['L1']);
    expect(t.actor.getSnapshot().context.smsSentTo).toBe('138****8001');
    expect(t.actor.getSnapshot().can({ type: 'SEND_SMS' })).toBe(false); // once is enough
  });

  it('is not offered where main does not offer it (switched off, no mobile number on the form)', async () => {
    const t = start([{ printed: false, printFault: 'paperOut', smsOffered: false }]);
    await toReceipt(t);
    expect(t.actor.getSnapshot().can({ type: 'SEND_SMS' })).toBe(false);
    t.actor.send({ type: 'SEND_SMS' });
    expect(t.texted).toEqual([]);
  });

  it('is not offered when the slip printed', async () => {
    const t = start([{}]);
    await toReceipt(t);
    expect(t.actor.getSnapshot().can({ type: 'SEND_SMS' })).toBe(false);
    t.actor.send({ type: 'SEND_SMS' });
    expect(t.texted).toEqual([]);
  });
});
