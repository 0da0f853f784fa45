// The client under injected faults: hangs become `timeout`, resets `network`, 5xx `http`; idempotent
// calls are retried through transient faults, non-idempotent ones are not; a call's deadline bounds its retries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendClient } from '../src/client';
import { BackendError } from '../src/errors';
import { DEV_TERMINAL } from '../src/dev-terminal';
import { freshSandbox } from './helpers';

let env: Awaited<ReturnType<typeof freshSandbox>>;
beforeAll(async () => void (env = await freshSandbox()));
afterAll(async () => env.sandbox.close());

// Generous by default: on a loaded machine a cold first request can take longer than a short timeout, and only
// the hang test is about the timeout.
const client = (maxAttempts: number, timeoutMs = 10_000) =>
  createBackendClient({ baseUrl: env.sandbox.url, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret, timeoutMs, maxAttempts, retryBaseMs: 5 });
const heartbeat = { at: new Date().toISOString(), mode: 'kiosk' as const, appVersion: 't', inService: true, devices: [], alerts: [] };

describe('client faults', () => {
  it('hang → timeout', async () => {
    env.sandbox.setFaults({ hang: 1 });
    const e = await client(1, 400).getCatalogue().catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('a call with a deadline stops retrying once it is spent; without one every attempt waits its whole timeout', async () => {
    const hanging = (deadlineMs?: number) => {
      const before = env.sandbox.faultsDrawn().hang;
      env.sandbox.setFaults({ hang: 1 });
      const lookup = { idNumber: '110101199001011234', fields: ['contactPhone' as const] };
      return client(3, 300)
        .lookupResident(lookup, deadlineMs === undefined ? undefined : { deadlineMs })
        .then(() => null, (e: unknown) => e)
        .then((e) => ({ e, attempts: env.sandbox.faultsDrawn().hang - before }));
    };
    const bounded = await hanging(400);
    expect(bounded.e).toMatchObject({ code: 'timeout' });
    expect(bounded.attempts).toBeLessThan(3);
    const unbounded = await hanging();
    expect(unbounded.e).toMatchObject({ code: 'timeout' });
    expect(unbounded.attempts).toBe(3);
    env.sandbox.setFaults(undefined);
  });

  it('connection reset → network', async () => {
    env.sandbox.setFaults({ reset: 1 });
    const e = await client(1).getCatalogue().catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'network' });
  });

  it('503 → http; a slow body still arrives within the timeout', async () => {
    env.sandbox.setFaults({ error5xx: 1 });
    expect(await client(2).getCatalogue().catch((x: unknown) => x)).toMatchObject({ code: 'http', status: 503 });
    env.sandbox.setFaults({ slowBody: 1 });
    const r = await client(1, 20_000).sendHeartbeat(heartbeat);
    expect(r.catalogueVersion).toBeTruthy();
  });

  it('idempotent calls retry through transient faults; heartbeat (not idempotent) does not', async () => {
    let calls = 0;
    const flaky = createBackendClient({
      baseUrl: env.sandbox.url, terminalId: DEV_TERMINAL.id, secret: DEV_TERMINAL.secret, maxAttempts: 3, retryBaseMs: 5,
      fetch: (input, init) => (++calls % 2 === 1 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    env.sandbox.setFaults(undefined);
    const cat = await flaky.getCatalogue();
    expect(cat.notModified).toBe(false);
    expect(calls).toBe(2);
    calls = 0;
    const e = await flaky.sendHeartbeat(heartbeat).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BackendError);
    expect(calls).toBe(1);
  });
});
