// 补打 in the journey statechart: offered after a query by number + password or receipt QR (never by card),
// asked with what the resident queried with, errors back on the result, and nothing left after the session.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, type SnapshotFrom } from 'xstate';
import { journeyMachine, emptySession, type QueryAnswer, type QueryRequest } from '../../src/renderer/kiosk/journey-machine';
import { reprintProblemOf, reprintRequestOf } from '../../src/renderer/kiosk/reprint';
import type { ReceiptView } from '@easydo/core/contract/schemas/journey-receipt';
import type { MaskedCard } from '@easydo/core/contract/schemas/card';

const lt = (zh: string) => ({ zh, en: zh });
const answer: QueryAnswer = [
  { acceptanceNumber: 'A1', itemCode: 'X1', itemName: lt('事项'), department: { code: 'D', name: '局' }, submittedAt: '2024-01-01T00:00:00Z', dueDate: null, stage: '受理', stageLabel: lt('受理'), explanation: lt('已受理'), evaluated: false, history: [] },
];
const reprinted: ReceiptView = { localId: 'L1', kind: 'accepted', acceptanceNumber: 'A1', queryPassword: '123456', trackingCode: 'T1', qrPayload: 'easydo://query?no=A1&pw=123456', lines: ['（补打）', '受理回执'], speech: '', pngBase64: 'iVBORw0K', reprint: true };
const card: MaskedCard = { cardType: 'resident', nameMasked: '卓*', idNumberMasked: '440304********2469', gender: '女', birthYear: '1996', validTo: '2030-01-01', expired: false, checkDigitValid: true };
const paperOut = { error: { code: 'device', message: 'The receipt could not be printed', reason: 'paperOut' } };

function start(reprintErrors: unknown[] = []) {
  const asked: unknown[] = [];
  const ended: string[] = [];
  const machine = journeyMachine.provide({
    actors: {
      query: fromPromise(async () => answer),
      reprint: fromPromise(async ({ input }) => {
        asked.push(input);
        const err = reprintErrors.shift();
        if (err) throw err;
        return reprinted;
      }),
    },
    actions: { endSessionInMain: (_, p) => void ended.push(p.reason) },
  });
  const actor = createActor(machine, { input: { timing: { idleWarningMs: 60_000, countdownMs: 30_000, thanksMs: 1000 } } });
  actor.start();
  return { actor, asked, ended };
}

type Snap = SnapshotFrom<typeof journeyMachine>;
const flow = (s: Snap) => (typeof s.value === 'string' ? s.value : (s.value as { session: { flow: unknown } }).session.flow);
const settle = async (actor: ReturnType<typeof start>['actor'], state: string) => {
  for (let i = 0; i < 50 && flow(actor.getSnapshot()) !== state; i++) await new Promise((r) => setTimeout(r, 0));
  expect(flow(actor.getSnapshot())).toBe(state);
};

async function queried(t: ReturnType<typeof start>, request: QueryRequest) {
  t.actor.send({ type: 'QUERY' });
  t.actor.send({ type: 'ASK', request });
  await settle(t.actor, 'queryResult');
}

describe('journey: reprint (补打) after a progress query', () => {
  it('reprints with the number and password the guest queried with, shows it, and goes back to the result', async () => {
    const t = start();
    await queried(t, { by: 'number', acceptanceNumber: 'A1', queryPassword: '123456' });
    expect(t.actor.getSnapshot().can({ type: 'REPRINT' })).toBe(true);
    t.actor.send({ type: 'REPRINT' });
    expect(flow(t.actor.getSnapshot())).toBe('reprinting');
    await settle(t.actor, 'reprinted');
    expect(t.asked).toEqual([{ acceptanceNumber: 'A1', queryPassword: '123456' }]);
    expect(t.actor.getSnapshot().context.reprint).toEqual(reprinted);
    t.actor.send({ type: 'BACK' });
    expect(flow(t.actor.getSnapshot())).toBe('queryResult');
    expect(t.actor.getSnapshot().context.reprint).toBeNull();
    expect(t.actor.getSnapshot().context.query).toEqual(answer);
  });

  it('takes number and password from the receipt QR', async () => {
    const t = start();
    await queried(t, { by: 'qr', payload: ' easydo://query?no=A%2F1&pw=654321 ' });
    t.actor.send({ type: 'REPRINT' });
    await settle(t.actor, 'reprinted');
    expect(t.asked).toEqual([{ acceptanceNumber: 'A/1', queryPassword: '654321' }]);
  });

  it("takes the slip's progress-page QR as it was scanned: main checks its token", async () => {
    const t = start();
    const link = 'https://progress.example.gov.cn/progress/SZ20261202000001?t=AAAAAAAAAAAAAAAAAAAAAA';
    await queried(t, { by: 'qr', payload: ` ${link} ` });
    expect(t.actor.getSnapshot().can({ type: 'REPRINT' })).toBe(true);
    t.actor.send({ type: 'REPRINT' });
    await settle(t.actor, 'reprinted');
    expect(t.asked).toEqual([{ qrPayload: link }]);
  });

  it('offers no reprint after a query by card or by an offline tracking QR', async () => {
    const byCard = start();
    byCard.actor.send({ type: 'CARD_READ', card });
    byCard.actor.send({ type: 'QUERY' });
    byCard.actor.send({ type: 'ASK', request: { by: 'card' } });
    await settle(byCard.actor, 'queryResult');
    expect(byCard.actor.getSnapshot().can({ type: 'REPRINT' })).toBe(false);
    byCard.actor.send({ type: 'REPRINT' });
    expect(flow(byCard.actor.getSnapshot())).toBe('queryResult');

    const byTrack = start();
    await queried(byTrack, { by: 'qr', payload: 'easydo://track?code=ABC123' });
    expect(byTrack.actor.getSnapshot().can({ type: 'REPRINT' })).toBe(false);
    expect(byCard.asked).toEqual([]);
    expect(byTrack.asked).toEqual([]);
  });

  it('returns to the result with the error when the reprint fails, and a retry clears it', async () => {
    const t = start([paperOut]);
    await queried(t, { by: 'number', acceptanceNumber: 'A1', queryPassword: '123456' });
    t.actor.send({ type: 'REPRINT' });
    await settle(t.actor, 'queryResult');
    expect(t.actor.getSnapshot().context.error).toMatchObject({ code: 'device', reason: 'paperOut' });
    expect(t.actor.getSnapshot().context.reprint).toBeNull();
    t.actor.send({ type: 'REPRINT' });
    expect(t.actor.getSnapshot().context.error).toBeNull();
    await settle(t.actor, 'reprinted');
  });

  it('forgets the query request with the answer on going back, and everything at the end of the session', async () => {
    const t = start();
    await queried(t, { by: 'number', acceptanceNumber: 'A1', queryPassword: '123456' });
    t.actor.send({ type: 'BACK' });
    expect(t.actor.getSnapshot().context).toMatchObject({ query: null, queryRequest: null });

    t.actor.send({ type: 'ASK', request: { by: 'number', acceptanceNumber: 'A1', queryPassword: '123456' } });
    await settle(t.actor, 'queryResult');
    t.actor.send({ type: 'REPRINT' });
    await settle(t.actor, 'reprinted');
    t.actor.send({ type: 'SESSION_ENDED', reason: 'idle' });
    expect(t.actor.getSnapshot().value).toBe('attract');
    expect(t.actor.getSnapshot().context).toMatchObject(emptySession());
  });
});

describe('reprint request and problem', () => {
  it('reads number and password from a typed query or a query QR only', () => {
    expect(reprintRequestOf({ by: 'number', acceptanceNumber: 'A1', queryPassword: '1' })).toEqual({ acceptanceNumber: 'A1', queryPassword: '1' });
    expect(reprintRequestOf({ by: 'qr', payload: 'easydo://query?no=A1&pw=1' })).toEqual({ acceptanceNumber: 'A1', queryPassword: '1' });
    expect(reprintRequestOf({ by: 'qr', payload: 'easydo://query?no=A1' })).toBeNull();
    expect(reprintRequestOf({ by: 'qr', payload: 'https://query/?no=A1&pw=1' })).toBeNull();
    expect(reprintRequestOf({ by: 'qr', payload: 'https://p.example/progress/A1?t=tok' })).toEqual({ qrPayload: 'https://p.example/progress/A1?t=tok' });
    expect(reprintRequestOf({ by: 'qr', payload: 'https://p.example/progress/A1' })).toBeNull();
    expect(reprintRequestOf({ by: 'qr', payload: 'http://p.example/progress/A1?t=tok' })).toBeNull();
    expect(reprintRequestOf({ by: 'qr', payload: `https://p.example/progress/A1?t=${'x'.repeat(600)}` })).toBeNull();
    expect(reprintRequestOf({ by: 'qr', payload: 'not a url' })).toBeNull();
    expect(reprintRequestOf({ by: 'qr', payload: `easydo://query?no=A1&pw=${'1'.repeat(33)}` })).toBeNull();
    expect(reprintRequestOf({ by: 'card' })).toBeNull();
    expect(reprintRequestOf(null)).toBeNull();
  });

  it('names paper out, other printer trouble, not found and purged', () => {
    expect(reprintProblemOf({ code: 'device', message: '', reason: 'paperOut' })).toBe('paperOut');
    expect(reprintProblemOf({ code: 'device', message: '', reason: 'coverOpen' })).toBe('printer');
    expect(reprintProblemOf({ code: 'validation', message: '', reason: 'not-found' })).toBe('notFound');
    expect(reprintProblemOf({ code: 'state', message: '', reason: 'purged' })).toBe('purged');
    expect(reprintProblemOf({ code: 'internal', message: 'boom' })).toBe('other');
  });
});
