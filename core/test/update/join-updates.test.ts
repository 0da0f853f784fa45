// joinUpdates on a terminal context: nothing without config.update; with it, the running version's health marks
// (main started at once, devices opened from the device manager, the rest from the shell and the fleet) end in one
// `healthy` request to the helper (a fake port here) when that version is the pending one, and none before.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { joinUpdates } from '@easydo/core/services/terminal/join-updates';
import { generateSigningKey } from '@easydo/core/services/update/signing';
import { UpdateConfig } from '@easydo/core/services/update/config';
import type { UpdateHost } from '@easydo/core/services/terminal/join-updates';
import type { HelperPort } from '@easydo/core/services/update/helper-port';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

function context(dir: string, update: unknown) {
  const serviceListeners: Array<(s: { inService: boolean }) => void> = [];
  const manual: Array<string | null> = [];
  const ctx = {
    config: () => ({ terminalId: 'SZ-T-0001', timeZone: 'Asia/Shanghai', update }),
    version: '1.1.0',
    dataDir: dir,
    log: { info: () => undefined, warn: () => undefined },
    sessions: { current: () => null },
    applications: { delivery: { status: async () => ({ depth: 0, oldestPendingAt: null }) } },
    devices: {
      serviceState: () => ({ inService: false }),
      onServiceChange: (l: (s: { inService: boolean }) => void) => (serviceListeners.push(l), () => undefined),
      setManualOutOfService: (r: string | null) => void manual.push(r),
    },
  } as unknown as UpdateHost;
  return { ctx, serviceListeners, manual };
}

describe('joinUpdates', () => {
  it('is null without config.update', () => {
    expect(joinUpdates(context('/nonexistent', undefined).ctx, { restartApp: async () => undefined })).toBeNull();
  });

  it('confirms the pending running version once every health mark is in', async () => {
    const key = generateSigningKey('k');
    const update = UpdateConfig.parse({ feedUrl: 'http://127.0.0.1:9', publicKeys: [{ id: 'k', publicKey: key.publicKey }] });
    const dir = await mkdtemp(join(tmpdir(), 'easydo-join-'));
    dirs.push(dir);
    const { ctx, serviceListeners } = context(dir, update);
    const pending = { version: '1.1.0', file: 'y', deadline: Date.now() + 3600_000, starts: 1 };
    const healthy: string[] = [];
    let answered: () => void = () => undefined;
    const confirmed = new Promise<void>((r) => (answered = r));
    const answer = { id: 'a', ok: true, code: 'ok', message: '', installed: '1.1.0', at: new Date().toISOString() };
    const helper: HelperPort = {
      state: async () => ({ good: { version: '1.0.0', file: 'x' }, pending, inFlight: null, rolledBack: [] }),
      healthy: async (v) => {
        healthy.push(v);
        answered();
        return answer;
      },
      install: async () => answer,
      rollback: async () => answer,
    };
    const fetchRefused = (async () => {
      throw new Error('refused');
    }) as typeof fetch;
    const m = joinUpdates(ctx, { restartApp: async () => undefined, fetch: fetchRefused, helper })!;
    try {
      m.mark('rendererLoaded');
      // The probe answers null while a mark is missing (devices not opened yet): nothing asked of the helper.
      expect(await m.probe.mark('heartbeatDelivered')).toBeNull();
      expect(healthy).toEqual([]);
      (ctx.devices as unknown as { serviceState: () => { inService: boolean } }).serviceState = () => ({ inService: true });
      for (const l of serviceListeners) l({ inService: true });
      await confirmed;
      expect(healthy).toEqual(['1.1.0']);
    } finally {
      m.close();
    }
  });
});
