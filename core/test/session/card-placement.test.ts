// A card placed on the reader mid-session: the same card resumes the session (nothing wiped), a guest takes the
// card into the session, another card is held aside until the resident answers, and is wiped either way.
import { describe, expect, it } from 'vitest';
import { SessionManager } from '../../src/services/session/session-manager';
import type { CardRecord } from '../../src/services/session/card-record';

const card = (idNumber: string, name = '测试'): CardRecord => ({
  cardType: 'resident', name, gender: '1', birthDate: '19900101', idNumber, validFrom: '20200101', validTo: '20400101',
});
const A = '110101199001011234';
const B = '440304198502023456';

function manager() {
  const sessions = new SessionManager();
  const ended: string[] = [];
  const started: string[] = [];
  sessions.onEnd((_s, reason) => ended.push(reason));
  sessions.onStart((s) => started.push(s.id));
  return { sessions, ended, started };
}

describe('SessionManager.cardPlaced', () => {
  it('the same card lifted and placed again resumes the session: nothing ended, nothing wiped', async () => {
    const { sessions, ended } = manager();
    const first = await sessions.cardPlaced(card(A));
    expect(first.outcome).toBe('started');
    let wiped = false;
    first.session.onWipe(() => {
      wiped = true;
    });
    const again = await sessions.cardPlaced(card(A));
    expect(again).toEqual({ outcome: 'resumed', session: first.session });
    expect(sessions.current()).toBe(first.session);
    expect(first.session.card?.idNumber).toBe(A);
    expect(wiped).toBe(false);
    expect(ended).toEqual([]);
  });

  it('a guest who places a card carries on in the same session as that cardholder', async () => {
    const { sessions, ended, started } = manager();
    const guest = await sessions.start(null);
    const placed = await sessions.cardPlaced(card(A));
    expect(placed).toEqual({ outcome: 'started', session: guest });
    expect(guest.card?.idNumber).toBe(A);
    expect(ended).toEqual([]);
    expect(started).toEqual([guest.id, guest.id]); // start listeners see the card (log scrubbing, idle watch)
  });

  it('another card is held and the current session kept until the resident answers; yes ends it and starts one with the new card', async () => {
    const { sessions, ended } = manager();
    const mine = (await sessions.cardPlaced(card(A))).session;
    const other = card(B, '另一人');
    const placed = await sessions.cardPlaced(other);
    expect(placed.outcome).toBe('other');
    expect(sessions.current()).toBe(mine);
    expect(mine.card?.idNumber).toBe(A);
    expect(sessions.hasOtherCard()).toBe(true);
    const next = await sessions.resolveOtherCard(true);
    expect(ended).toEqual(['card-replaced']);
    expect(mine.isEnded).toBe(true);
    expect(next?.card?.idNumber).toBe(B);
    expect(sessions.current()).toBe(next);
    expect(sessions.hasOtherCard()).toBe(false);
  });

  it('no keeps the current session and wipes the other card; so does the card leaving the reader', async () => {
    const { sessions, ended } = manager();
    const mine = (await sessions.cardPlaced(card(A))).session;
    const other = card(B, '另一人');
    await sessions.cardPlaced(other);
    expect(await sessions.resolveOtherCard(false)).toBeNull();
    expect(other.idNumber).toBe('');
    expect(other.name).toBe('');
    expect(sessions.current()).toBe(mine);

    const third = card(B, '另一人');
    await sessions.cardPlaced(third);
    expect(sessions.cardLeft()).toBe(true);
    expect(third.idNumber).toBe('');
    // The question no longer stands: a late yes starts nothing and ends nothing.
    expect(await sessions.resolveOtherCard(true)).toBeNull();
    expect(sessions.current()).toBe(mine);
    expect(ended).toEqual([]);
  });

  it('at a counter (askFirst false) another card replaces the session, the same card still resumes', async () => {
    const { sessions, ended } = manager();
    const first = (await sessions.cardPlaced(card(A), { askFirst: false })).session;
    expect((await sessions.cardPlaced(card(A), { askFirst: false })).outcome).toBe('resumed');
    const next = await sessions.cardPlaced(card(B), { askFirst: false });
    expect(next.outcome).toBe('started');
    expect(next.session).not.toBe(first);
    expect(next.session.card?.idNumber).toBe(B);
    expect(ended).toEqual(['finished']);
    expect(sessions.hasOtherCard()).toBe(false);
  });

  it('a held card is wiped when the session ends', async () => {
    const { sessions } = manager();
    await sessions.cardPlaced(card(A));
    const other = card(B);
    await sessions.cardPlaced(other);
    await sessions.end('idle');
    expect(other.idNumber).toBe('');
    expect(sessions.hasOtherCard()).toBe(false);
  });

  it('after the session ended (idle, finished) the same card starts a new one', async () => {
    const { sessions } = manager();
    const first = (await sessions.cardPlaced(card(A))).session;
    await sessions.end('idle');
    const second = await sessions.cardPlaced(card(A));
    expect(second.outcome).toBe('started');
    expect(second.session).not.toBe(first);
  });
});
