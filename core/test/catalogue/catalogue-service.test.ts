// The catalogue: ETag revalidation against the real sandbox, served from memory between revalidations, from the
// disk cache when the backend is gone, and never one backend round trip per screen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '@easydo/backend-client/sandbox/server';
import { createBackendClient } from '@easydo/backend-client/client';
import { CatalogueService } from '@easydo/core/services/catalogue/catalogue-service';

const TERMINAL = { id: 'T-CAT-0001', secret: 'catalogue-test-secret-0123456789' };

describe('catalogue service', () => {
  let dir: string;
  let sandbox: Sandbox;
  let requests: number;
  let clock: number;
  const service = (cacheFile = path.join(dir, 'catalogue-cache.json')) =>
    new CatalogueService(
      createBackendClient({
        baseUrl: sandbox.url,
        terminalId: TERMINAL.id,
        secret: TERMINAL.secret,
        timeoutMs: 2000,
        maxAttempts: 1,
        fetch: (input, init) => {
          requests += 1;
          return fetch(input, init);
        },
      }),
      cacheFile,
      { maxAgeMs: 60_000, retryAfterFailureMs: 10_000, now: () => clock },
    );

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'catalogue-'));
    sandbox = await startSandbox({ dbFile: path.join(dir, 'sandbox.sqlite'), terminals: [TERMINAL] });
    requests = 0;
    clock = 1_000_000;
  });
  afterEach(async () => {
    await sandbox.close().catch(() => undefined);
  });

  it('asks the backend once per window, whatever the number of screens and concurrent callers', async () => {
    const cat = service();
    const view = await cat.get();
    expect(view.categories).toHaveLength(8);
    expect(view.categories.flatMap((c) => c.items)).toHaveLength(43);
    const code = view.categories[0]!.items[0]!.code;
    await Promise.all([cat.item(code), cat.item(code), cat.get(), cat.item(code)]);
    expect(requests).toBe(1);
    clock += 60_000; // window over: one conditional request (304), shared by concurrent callers
    await Promise.all([cat.item(code), cat.get()]);
    expect(requests).toBe(2);
    await expect(cat.item('NO-SUCH-ITEM')).rejects.toMatchObject({ code: 'validation' });
  });

  it('serves the disk cache, marked as such, when the backend is gone, and tries again after a while', async () => {
    await service().get(); // writes the cache file
    await sandbox.close();
    const offline = service();
    const view = await offline.get();
    expect(view.fromCache).toBe(true);
    expect(view.categories).toHaveLength(8);
    const tries = requests;
    await offline.get();
    expect(requests).toBe(tries); // still inside the retry window: no new attempt
    clock += 10_000;
    expect((await offline.get()).fromCache).toBe(true);
    expect(requests).toBe(tries + 1);
  });

  it('ignores a damaged cache file and refuses with a typed error when there is nothing to serve', async () => {
    const cacheFile = path.join(dir, 'damaged.json');
    writeFileSync(cacheFile, JSON.stringify({ etag: 'x', catalogue: { categories: 'not a catalogue' } }));
    await sandbox.close();
    await expect(service(cacheFile).get()).rejects.toMatchObject({ code: 'backend' });
  });
});
