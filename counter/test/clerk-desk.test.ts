// Clerk sign-in rules without the network: lockout and wrong credentials become typed refusals, a clerk is
// held per window, and idleness signs the window out.
import { describe, expect, it } from 'vitest';
import { ClerkDesk } from '../src/services/clerk/clerk-desk';
import { failureOf } from './failure-of';

const session = {
  token: 'tok-0123456789abcdef',
  expiresAt: '2030-01-01T00:00:00Z',
  clerk: { staffId: 'C1001', name: '沙箱窗口一', windowNo: '01', department: { code: '440304MZ', name: '区民政局' } },
};

function desk(login: () => Promise<typeof session>) {
  let clock = 1_000_000;
  const signedOut: string[] = [];
  const d = new ClerkDesk({ client: { clerkLogin: login }, idleTimeoutSeconds: 60, now: () => clock, onSignedOut: (staffId) => void signedOut.push(staffId) });
  return { d, signedOut, advance: (ms: number) => (clock += ms) };
}

describe('ClerkDesk', () => {
  it('turns the platform lockout into a typed refusal with the wait', async () => {
    const { d } = desk(() => Promise.reject(Object.assign(new Error('locked'), { code: 'locked', details: { retryAfterSeconds: 899 } })));
    const f = await failureOf(d.login('w1', { staffId: 'C1003', password: 'x' }));
    expect(f.reason).toBe('locked');
    expect(f.message).toContain('15 min');
    expect(d.peek('w1')).toBeNull();
  });

  it('separates wrong credentials from an unreachable platform', async () => {
    const wrong = desk(() => Promise.reject(Object.assign(new Error('no'), { code: 'unauthorized' })));
    expect((await failureOf(wrong.d.login('w1', { staffId: 'C1001', password: 'x' }))).reason).toBe('invalid-credentials');
    const down = desk(() => Promise.reject(Object.assign(new Error('down'), { code: 'network' })));
    expect((await failureOf(down.d.login('w1', { staffId: 'C1001', password: 'x' }))).code).toBe('backend');
  });

  it('holds the clerk per window and signs a window out after the idle timeout', async () => {
    const { d, advance } = desk(() => Promise.resolve(session));
    const view = await d.login('w1', { staffId: 'C1001', password: 'counter-1001' });
    expect(view).toMatchObject({ staffId: 'C1001', windowNo: '01', idleTimeoutSeconds: 60 });
    expect(d.require('w1').token).toBe(session.token);
    expect(() => d.require('w2')).toThrow(/Sign in/);
    advance(59_000);
    d.require('w1'); // activity restarts the clock
    advance(59_000);
    expect(d.peek('w1')).not.toBeNull();
    advance(2_000);
    expect(d.peek('w1')).toBeNull();
    expect(() => d.require('w1')).toThrow(expect.objectContaining({ reason: 'signed-out' }));
  });

  it('says whether any window has a clerk signed in (the update agent holds an install for one), idle ones not', async () => {
    const { d, advance } = desk(() => Promise.resolve(session));
    expect(d.anySignedIn()).toBe(false);
    await d.login('w1', { staffId: 'C1001', password: 'p' });
    expect(d.anySignedIn()).toBe(true);
    advance(61_000);
    expect(d.anySignedIn()).toBe(false);
  });

  it('forgets the clerks of windows that closed', async () => {
    const { d } = desk(() => Promise.resolve(session));
    await d.login('w1', { staffId: 'C1001', password: 'p' });
    await d.login('w2', { staffId: 'C1001', password: 'p' });
    d.forgetWindowsExcept(['w2']);
    expect(d.peek('w1')).toBeNull();
    expect(d.peek('w2')).not.toBeNull();
  });

  it('tells who signed out, by hand, on idle or with the window (remote help ends with it)', async () => {
    const { d, signedOut, advance } = desk(() => Promise.resolve(session));
    await d.login('w1', { staffId: 'C1001', password: 'p' });
    expect(d.logout('w1')).toBe(true);
    expect(d.logout('w1')).toBe(false);
    await d.login('w1', { staffId: 'C1001', password: 'p' });
    advance(61_000);
    expect(d.peek('w1')).toBeNull();
    await d.login('w2', { staffId: 'C1001', password: 'p' });
    d.forgetWindowsExcept([]);
    expect(signedOut).toEqual(['C1001', 'C1001', 'C1001']);
  });
});
