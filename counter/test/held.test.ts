// A counter application whose clerk's platform sign-in has expired, through the real terminal (journal, outbox,
// embedded sandbox) and the counter's handlers: it stops being retried, the counter lists it with the reason,
// the maintenance dashboard counts it (and a damaged, quarantined one), and the clerk, signed in again,
// re-submits it: one application at the platform, recorded under that clerk.
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '@easydo/core/contract/channels';
import { OutboxView } from '@easydo/core/contract/schemas/admin-dashboard';
import { outboxView } from '@easydo/core/services/admin/dashboard';
import { trackingCodeOf } from '@easydo/core/services/applications/application-desk';
import path from 'node:path';
import type { Terminal } from '@easydo/core/services/terminal/compose';
import { startCounterTerminal, type CounterTerminal } from './counter-terminal';
import { HeldDesk } from '../src/services/held/held-desk';
import { failureOf } from './failure-of';

const RESIDENT = { idNumber: '440304199604122469', name: '卓岚' };

async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`not reached: ${what}`);
}

describe('held counter applications (needs-clerk)', () => {
  let terminal: Terminal;
  let dataDir: string;
  let ct: CounterTerminal;
  const call = (channel: ChannelName, request: unknown) => ct.call(channel, request);

  beforeAll(async () => {
    ct = await startCounterTerminal('held');
    ({ terminal, dataDir } = ct);
  });
  afterAll(() => ct?.close());

  it('is listed at the counter and in the dashboard, not retried, and re-submitted once by the clerk signed in again', async () => {
    const sandbox = terminal.backend.sandbox!;
    await call('counter:login', { staffId: 'C1001', password: 'counter-1001' });
    const { token } = await terminal.backend.client.clerkLogin({ staffId: 'C1001', password: 'counter-1001' });
    // Every platform session of the clerk runs out (e.g. overnight) before the outbox delivers.
    sandbox.db.prepare('UPDATE clerk_sessions SET expires_at = 0').run();
    const local = await terminal.applications.journal.enqueue({
      itemCode: 'QR00204001', channel: 'counter', clerkToken: token,
      applicant: { type: 'natural_person', idType: 'resident', ...RESIDENT },
      form: { applicantName: RESIDENT.name, applicantIdNumber: RESIDENT.idNumber, contactPhone: '13800138001' },
    }, [{ code: 'ID_CARD', pageCount: 1, trustLevel: 'B', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 synthetic page') }]);

    const held = await until(async () => (await terminal.applications.journal.get(local.localId)).state === 'needs-clerk', 'needs-clerk');
    expect(held).toBe(true);
    const listed = (await call('held:list', {})) as { applications: Array<Record<string, unknown>> };
    expect(listed.applications).toEqual([expect.objectContaining({
      localId: local.localId, trackingCode: trackingCodeOf(local.localId), itemCode: 'QR00204001', reason: 'clerk-token-expired', takenBy: null,
    })]);
    expect(listed.applications[0]!['applicantMasked']).not.toBe(RESIDENT.name);

    // A damaged row (a stray write, a bad sector) beside it: quarantined by the running outbox, not crashed on.
    const damagedId = randomUUID();
    const raw = new Database(path.join(dataDir, 'journal.sqlite'));
    raw.prepare(`INSERT INTO applications (local_id, idempotency_key, state, item_code, payload, created_at, submitted_at, next_attempt_at)
      VALUES (?, ?, 'submitted-locally', 'QR00204001', ?, 1, 1, 0)`).run(damagedId, randomUUID().replace(/-/g, ''), randomBytes(64));
    raw.close();
    await until(async () => (await terminal.applications.journal.counts()).quarantined === 1, 'quarantined');

    const view = OutboxView.parse(await outboxView(terminal));
    expect(view).toMatchObject({ needsClerk: 1, quarantined: 1, pending: 0 });
    expect(view.setAside).toEqual(expect.arrayContaining([
      expect.objectContaining({ trackingCode: trackingCodeOf(local.localId), state: 'needs-clerk', problem: 'clerk-token-expired' }),
      expect.objectContaining({ trackingCode: trackingCodeOf(damagedId), state: 'quarantined', problem: 'unreadable', heldFrom: 'submitted-locally' }),
    ]));
    expect(JSON.stringify(view)).not.toContain(RESIDENT.name);
    expect(JSON.stringify(view)).not.toContain(RESIDENT.idNumber);
    const attempts = (await terminal.applications.journal.get(local.localId)).attempts;
    expect(await terminal.applications.outbox.drainNow()).toMatchObject({ delivered: 0, needsClerk: 0, retryLater: 0 });
    expect((await terminal.applications.journal.get(local.localId)).attempts).toBe(attempts);
    expect(sandbox.stats().applications).toBe(0);

    // The clerk's counter sign-in was refused by the platform too: signing in again gives a fresh token.
    await call('counter:login', { staffId: 'C1001', password: 'counter-1001' });
    const sent = (await call('held:reauthorise', { localId: local.localId })) as { acceptanceNumber: string | null };
    expect(sent.acceptanceNumber).toMatch(/^440304QR00204001/);
    expect(await terminal.applications.journal.get(local.localId)).toMatchObject({ state: 'accepted', problem: null });
    expect(sandbox.db.prepare('SELECT clerk_staff_id FROM applications').pluck().all()).toEqual(['C1001']);
    expect(await call('held:list', {})).toEqual({ applications: [] });
    expect(OutboxView.parse(await outboxView(terminal))).toMatchObject({ needsClerk: 0, quarantined: 1, delivered: 1 });
    expect((await failureOf(call('held:reauthorise', { localId: local.localId }))).reason).toBe('not-pending');
  });

  it('only the clerk who took an application re-authorises it', async () => {
    const resubmitted: string[] = [];
    const ctx = { applications: { resubmit: (id: string) => (resubmitted.push(id), Promise.resolve({})) }, catalogue: {} };
    const desk = new HeldDesk(ctx as never, async (id) => (id === 'taken-by-c1002' ? 'C1002' : null));
    expect((await failureOf(desk.reauthorise('taken-by-c1002', { staffId: 'C1001', token: 't' }))).reason).toBe('not-yours');
    await desk.reauthorise('taken-by-c1002', { staffId: 'C1002', token: 't' });
    await desk.reauthorise('unknown-owner', { staffId: 'C1001', token: 't' });
    expect(resubmitted).toEqual(['taken-by-c1002', 'unknown-owner']);
  });
});
