// A page opened (or reloaded) while main still holds a visit: the resident's first tap starts a guest visit, and
// the stale one must not bounce them back. A lingering guest session is simply carried on (nothing of a person in
// it); a lingering card session is wiped and its end told as 'superseded', which the screen that has just started
// the new visit knows is not its own end.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestTerminal, type TestTerminal } from './terminal';

let t: TestTerminal | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const ends = (tt: TestTerminal) => tt.events.filter((e) => e.name === 'session:ended').map((e) => (e.payload as { reason: string }).reason);

describe('a stale session when a page starts a guest visit', () => {
  it('carries on a lingering guest session: no end is told, so the screen is not sent back', async () => {
    t = await startTestTerminal();
    await t.call('session:startGuest', {});
    const first = t.terminal.sessions.current();
    // The page reloads (its statechart is back on the attract screen) and the resident taps 浏览办事指南.
    const info = await t.call('session:startGuest', {});
    expect(info).toMatchObject({ active: true, guest: true });
    expect(t.terminal.sessions.current()).toBe(first);
    expect(ends(t)).toEqual([]);
  });

  it("wipes a lingering card session and tells its end as 'superseded'; the new visit is a guest's", async () => {
    t = await startTestTerminal();
    await t.placeCard('res01');
    expect(t.terminal.sessions.current()?.card).not.toBeNull();
    const info = await t.call('session:startGuest', {});
    expect(info).toMatchObject({ active: true, guest: true });
    expect(t.terminal.sessions.current()?.card).toBeNull();
    expect(ends(t)).toEqual(['superseded']);
  });
});
