// The contract's preconditions, enforced once by the router: driven by the channel table itself, so a new
// channel that lists `requires` is covered without a new case here.
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels, type ChannelName } from '@easydo/core/contract/channels';
import type { Precondition } from '@easydo/core/contract/define';
import { createRouter, type HandlerTable } from '@easydo/core/services/ipc/router';
import { ModeRegistry, type CallerContext } from '@easydo/core/services/ipc/caller';
import { Failure } from '@easydo/core/services/errors/failure';
import type { ClerkOnDuty, Granted, RouterGuards } from '@easydo/core/services/ipc/preconditions';
import { SessionManager } from '@easydo/core/services/session/session-manager';
import type { CardSession } from '@easydo/core/services/session/card-session';
import type { CardRecord } from '@easydo/core/services/session/card-record';
import { coreGuards } from '@easydo/core/services/terminal/guards';

const PRECONDITIONS: readonly Precondition[] = ['card', 'clerk', 'admin'];
const requiresOf = (c: ChannelName): readonly Precondition[] => channels[c].requires ?? [];
const guarded = CHANNEL_NAMES.filter((c) => requiresOf(c).length > 0);

// Synthetic: the journey fixture's invented resident.
const CARD = { cardType: 'resident', name: '卓岚', idNumber: '440304199604122469', validTo: '2040-01-01' } as unknown as CardRecord;
const CLERK: ClerkOnDuty = {
  view: { staffId: 'C1001', name: '柜员', windowNo: '3', department: { code: 'D', name: '局' }, signedInAt: '2024-01-01T00:00:00Z', idleTimeoutSeconds: 600 },
  token: 'clerk-token',
};

/** Every handler records that it ran and with which caller; none is expected to run when a precondition fails. */
function recordingHandlers() {
  const ran: Array<{ channel: string; caller: CallerContext }> = [];
  const table = Object.fromEntries(CHANNEL_NAMES.map((c) => [c, (_req: unknown, caller: CallerContext) => {
    ran.push({ channel: c, caller });
    throw new Failure('state', 'ran', 'not-found');
  }])) as unknown as HandlerTable;
  return { table, ran };
}

const granting = (): Required<Pick<RouterGuards, Precondition>> => ({
  card: () => ({ card: CARD }) as unknown as CardSession,
  clerk: () => CLERK,
  admin: () => true,
});

const refusals: Record<Precondition, Failure> = {
  card: new Failure('state', 'no card', 'no-card'),
  clerk: new Failure('forbidden', 'signed out', 'signed-out'),
  admin: new Failure('forbidden', 'not an admin', 'not-admin'),
};

describe('contract preconditions', () => {
  const modes = new ModeRegistry();
  const callerIn = (c: ChannelName) => modes.register(`w-${c}`, channels[c].modes[0]!);

  it('the table names its preconditions: the card, clerk and admin channels the handlers relied on', () => {
    const named = (p: Precondition) => guarded.filter((c) => requiresOf(c).includes(p));
    expect(named('card')).toEqual(expect.arrayContaining(['form:prepare', 'application:submit', 'materials:begin', 'receipt:print', 'evaluation:rate', 'progress:queryByCard']));
    expect(named('clerk')).toEqual(expect.arrayContaining(['intake:submit', 'held:reauthorise', 'queue:call', 'workload:get', 'documents:print']));
    expect(named('admin')).toEqual(['admin:exit']);
    for (const c of guarded) for (const p of requiresOf(c)) expect(PRECONDITIONS, c).toContain(p);
  });

  describe.each(guarded.flatMap((c) => requiresOf(c).map((p) => [c, p] as const)))('%s requires %s', (channel, precondition) => {
    it('refuses with the guard\'s typed failure before the payload is looked at, and the handler never runs', async () => {
      const { table, ran } = recordingHandlers();
      const router = createRouter({ handlers: table, guards: { ...granting(), [precondition]: () => { throw refusals[precondition]; } } });
      const result = await router.invoke(callerIn(channel), channel, { not: 'a valid payload' });
      expect(result).toEqual({ ok: false, error: refusals[precondition].toContractError() });
      expect(ran).toEqual([]);
    });

    it('fails closed (internal, reported) when the composition has no guard for it', async () => {
      const { table, ran } = recordingHandlers();
      const internal: string[] = [];
      const guards: RouterGuards = granting();
      delete guards[precondition];
      const router = createRouter({ handlers: table, guards, onInternalError: (c) => void internal.push(c) });
      expect(await router.invoke(callerIn(channel), channel, {})).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(internal).toEqual([channel]);
      expect(ran).toEqual([]);
    });
  });

  it('hands the handler what each guard checked, beside the caller\'s own window and mode', async () => {
    const seen: Partial<Record<Precondition, unknown>> & { windowId?: string; mode?: string } = {};
    const { table } = recordingHandlers();
    table['materials:list'] = (_req, caller) => {
      Object.assign(seen, { card: caller.card, windowId: caller.windowId, mode: caller.mode() });
      throw new Failure('state', 'seen', 'no-materials');
    };
    table['held:list'] = (_req, caller) => {
      seen.clerk = caller.clerk;
      return { applications: [] };
    };
    const grants = granting();
    const router = createRouter({ handlers: table, guards: grants });
    await router.invoke(modes.register('k1', 'kiosk'), 'materials:list', {});
    expect(seen).toMatchObject({ windowId: 'k1', mode: 'kiosk' });
    expect((seen.card as Granted['card']).card).toBe(CARD);
    expect(await router.invoke(modes.register('c1', 'counter'), 'held:list', {})).toEqual({ ok: true, value: { applications: [] } });
    expect(seen.clerk).toBe(CLERK);
  });

  it('counts resident activity when the call starts and when it ends, and not for reads or refused calls', async () => {
    const touched: string[] = [];
    const { table } = recordingHandlers();
    table['session:touch'] = () => {
      touched.push('handler');
      return { active: true, guest: false, idleLimitSeconds: 1, idleWarningSeconds: 1, idleCountdownSeconds: 1 };
    };
    table['materials:list'] = () => {
      throw new Failure('state', 'none', 'no-materials');
    };
    const router = createRouter({ handlers: table, guards: { ...granting(), residentActivity: () => void touched.push('touch') } });
    const kiosk = modes.register('k2', 'kiosk');
    expect((await router.invoke(kiosk, 'session:touch', {})).ok).toBe(true);
    expect(touched).toEqual(['touch', 'handler', 'touch']);
    touched.length = 0;
    await router.invoke(kiosk, 'materials:list', {}); // a read: polling must not keep a session alive
    await router.invoke(kiosk, 'materials:assign', { pageId: 42 }); // refused before the handler
    expect(touched).toEqual([]);
    for (const c of CHANNEL_NAMES) if (channels[c].residentActivity) expect(channels[c].modes, c).toContain('kiosk');
  });

  it('core\'s card guard refuses without a card (no-card, worded for the screen), then hands over the session', async () => {
    const sessions = new SessionManager();
    const guards = coreGuards({ sessions, admin: { isAdmin: (id) => id === 'a1' } });
    const kiosk = modes.register('k3', 'kiosk');
    const counter = modes.register('c3', 'counter');
    expect(() => guards.card(kiosk)).toThrow(expect.objectContaining({ code: 'state', reason: 'no-card', message: 'Place your ID card on the reader first' }));
    await sessions.start(null); // a guest has a session but no card
    expect(() => guards.card(counter)).toThrow(expect.objectContaining({ reason: 'no-card', message: "Read the resident's ID card first" }));
    await sessions.end('finished');
    const session = await sessions.start({ ...CARD });
    expect(guards.card(kiosk)).toBe(session);
    expect(() => guards.admin(kiosk)).toThrow(expect.objectContaining({ code: 'forbidden', reason: 'not-admin' }));
    expect(guards.admin(modes.register('a1', 'admin'))).toBe(true);
  });
});
