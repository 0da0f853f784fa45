// A counter application whose clerk token the platform refuses (401: the clerk's session expired) is not
// retried forever: it is set aside as needs-clerk, and a clerk who signs in again re-authorises it; it is
// then delivered once, under the same idempotency key.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openJournal } from '../src/outbox/journal';
import { createKeyFileProvider } from '../src/outbox/key-file-provider';
import { createOutbox } from '../src/outbox/outbox';
import { syntheticApplication } from '../src/outbox/synthetic';
import { freshSandbox, tempDir } from './helpers';

describe('expired clerk token', () => {
  it('is classified needs-clerk, never retried, and delivered once after the clerk re-authorises it', async () => {
    const { sandbox, client, dir } = await freshSandbox();
    const journal = await openJournal({ file: join(dir, 'journal.db'), keyProvider: createKeyFileProvider(join(tempDir('clerk-key'), 'k')) });
    const outbox = createOutbox({ journal, client, backoff: { baseMs: 1, maxMs: 1 } });
    try {
      const first = await client.clerkLogin({ staffId: 'C1001', password: 'counter-1001' });
      const { app, materials } = syntheticApplication(1);
      const local = await journal.enqueue({ ...app, channel: 'counter', clerkToken: first.token }, materials);
      const kiosk = syntheticApplication(2);
      await journal.enqueue(kiosk.app, kiosk.materials);
      // The clerk's platform session runs out before the outbox gets through (e.g. an overnight outage).
      sandbox.db.prepare('UPDATE clerk_sessions SET expires_at = 0').run();

      expect(await outbox.drainNow()).toMatchObject({ delivered: 1, needsClerk: 1, retryLater: 0 });
      const held = await journal.get(local.localId);
      expect(held).toMatchObject({ state: 'needs-clerk', problem: 'clerk-token-expired', lastError: expect.stringMatching(/^unauthorized/) });
      expect(held.submission?.clerkToken).toBeUndefined();
      expect((await outbox.status())).toMatchObject({ needsClerk: 1, pending: 0, depth: 0 });
      // No loop: further passes do not touch it.
      for (let i = 0; i < 3; i++) expect(await outbox.drainNow()).toMatchObject({ delivered: 0, needsClerk: 0, retryLater: 0 });
      expect((await journal.get(local.localId)).attempts).toBe(held.attempts);
      expect(sandbox.stats().applications).toBe(1);

      // The clerk signs in again and re-authorises it at the counter.
      const again = await client.clerkLogin({ staffId: 'C1001', password: 'counter-1001' });
      expect(await journal.reauthorise(local.localId, again.token)).toMatchObject({ state: 'submitted-locally', problem: null, idempotencyKey: local.idempotencyKey });
      expect(await outbox.drainNow()).toMatchObject({ delivered: 1, needsClerk: 0 });
      const done = await journal.get(local.localId);
      expect(done.state).toBe('accepted');
      const row = sandbox.db.prepare('SELECT clerk_staff_id, channel FROM applications WHERE acceptance_number = ?').get(done.acceptanceNumber) as { clerk_staff_id: string; channel: string };
      expect(row).toEqual({ clerk_staff_id: 'C1001', channel: 'counter' });
      expect(sandbox.stats()).toMatchObject({ applications: 2, duplicateIdempotencyKeys: 0 });
      await expect(journal.reauthorise(local.localId, again.token)).rejects.toThrow(/cannot re-authorise/);
    } finally {
      await journal.close();
      await sandbox.close();
    }
  });
});
