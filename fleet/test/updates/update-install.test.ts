// The update path for real: a feed over HTTP, Ed25519 signatures, the real agent, the root helper bundle as its own
// process, dpkg installing real .deb packages into a private root. Healthy install, crash loop, never healthy, and
// the gates that keep an install away from residents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NIGHT, UpdateWorld } from './update-harness';

const world = new UpdateWorld();
beforeAll(() => world.start(), 120_000);
afterAll(() => world.stop());

describe('a staged update on one terminal', () => {
  it('installs a healthy release behind the out-of-service screen and keeps it as the last good version', async () => {
    world.now = NIGHT;
    const t = await world.terminal('SZ-OK-0001');
    expect(await t.installedVersion()).toBe('1.0.0');
    await world.publish('1.1.0');
    await t.check();
    expect(await t.installedVersion()).toBe('1.1.0');
    expect(t.serviceLog).toEqual(['updateInstalling']); // the screen went up before dpkg ran
    expect(t.outOfService).toEqual([]); // the restarted app starts in service
    const states = world.reportsOf('SZ-OK-0001').map((r) => r.state);
    expect(states).toEqual(expect.arrayContaining(['downloading', 'downloaded', 'installing', 'installed', 'healthy']));
    expect(states.indexOf('healthy')).toBeGreaterThan(states.indexOf('installed'));
    const state = (await t.helper('status')) as { good: { version: string }; previousGood: { version: string }; pending: unknown };
    expect(state.good.version).toBe('1.1.0');
    expect(state.previousGood.version).toBe('1.0.0');
    expect(state.pending).toBeNull();
    // A second check finds nothing newer and installs nothing.
    expect((await t.check()).step).toBe('idle');
  }, 120_000);

  it('rolls a release that crashes at start back to the last good version and reports it; the board pauses the ring', async () => {
    world.now = NIGHT;
    const t = await world.terminal('SZ-CRASH-0001', { maxFailedStarts: 3 });
    await world.publish('1.2.0', 'crash', { rings: ['pilot', 'all'] });
    const startsBefore = t.starts;
    await t.check();
    expect(await t.installedVersion()).toBe('1.0.0');
    // 3 failed starts of 1.2.0, the 4th start-check rolled back and 1.0.0 started.
    expect(t.starts - startsBefore).toBe(4);
    const back = world.reportsOf('SZ-CRASH-0001').filter((r) => r.state === 'rolledBack');
    expect(back).toEqual([expect.objectContaining({ version: '1.2.0', reason: 'crashLoop', running: '1.0.0', ring: 'pilot' })]);
    expect(world.board.pausedRings('1.2.0')).toEqual(['pilot', 'all']);
    // Never taken again: the terminal knows it as bad, and the ring is paused anyway.
    const again = await t.check();
    expect(again.step).toBe('pending');
    expect(await t.installedVersion()).toBe('1.0.0');
  }, 120_000);

  it('rolls back a release that starts but never reports healthy within the health window', async () => {
    world.now = NIGHT;
    const t = await world.terminal('SZ-SLOW-0001', { update: { feedUrl: world.feed.url, publicKeys: [{ id: world.key.id, publicKey: world.key.publicKey }], ring: 'pilot', healthWindowSeconds: 600 } as never });
    await world.publish('1.3.0', 'neverHealthy');
    await t.check();
    expect(await t.installedVersion()).toBe('1.3.0'); // it runs, but is not confirmed
    await t.tick(); // inside the window: nothing happens
    expect(await t.installedVersion()).toBe('1.3.0');
    world.now += 601_000;
    await t.tick();
    expect(await t.installedVersion()).toBe('1.0.0');
    expect(world.reportsOf('SZ-SLOW-0001').filter((r) => r.state === 'rolledBack')).toEqual([expect.objectContaining({ version: '1.3.0', reason: 'neverHealthy:rendererLoaded' })]);
  }, 120_000);

  it("the helper's own deadline brings the good version back when the app cannot even ask", async () => {
    world.now = NIGHT;
    const t = await world.terminal('SZ-DEAD-0001', { helperHealthWindowSeconds: 1 });
    await world.publish('1.4.0', 'neverHealthy');
    await t.check();
    expect(await t.installedVersion()).toBe('1.4.0');
    // The helper's clock is the machine's: wait past its one-second window (generous, never a timing assertion).
    await new Promise((r) => setTimeout(r, 2500));
    const r = (await t.helper('deadline-check')) as { code: string };
    expect(r.code).toBe('rolledBack');
    expect(await t.installedVersion()).toBe('1.0.0');
  }, 120_000);

  it('waits for the resident, the clerk, the outbox and the maintenance window', async () => {
    world.now = NIGHT;
    const t = await world.terminal('SZ-GATE-0001');
    await world.publish('1.5.0');
    t.sessionOpen = true;
    expect(await t.check()).toMatchObject({ step: 'downloaded', reason: 'sessionOpen' });
    t.sessionOpen = false;
    t.clerkSignedIn = true;
    expect(await t.check()).toMatchObject({ step: 'downloaded', reason: 'clerkSignedIn' });
    t.clerkSignedIn = false;
    t.outboxSafe = false;
    expect(await t.check()).toMatchObject({ step: 'downloaded', reason: 'outboxNotJournaled' });
    t.outboxSafe = true;
    expect(t.serviceLog).toEqual([]);
    world.now = Date.parse('2026-12-02T14:00:00+08:00');
    expect(await t.check()).toMatchObject({ step: 'downloaded', reason: 'outsideWindow' });
    expect(await t.installedVersion()).toBe('1.0.0');
    // Downloaded once: the waiting checks fetched the package a single time.
    expect(world.feed.packageRequests.filter((p) => p.path.includes('1.5.0'))).toHaveLength(1);
    world.now = NIGHT;
    await t.check();
    expect(await t.installedVersion()).toBe('1.5.0');
  }, 120_000);
});
