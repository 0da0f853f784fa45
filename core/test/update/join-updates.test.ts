// joinUpdates on a terminal context: nothing without config.update; with it, the running version's health marks
// (main started at once, devices opened from the device manager, the rest from the shell) end in a `healthy`
// request in the helper's spool when that version is the pending one.
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { joinUpdates } from '@easydo/core/services/update/join-updates';
import { generateSigningKey } from '@easydo/core/services/update/signing';
import { UpdateConfig } from '@easydo/core/services/update/config';
import type { TerminalContext } from '@easydo/core/services/terminal/context';

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
    applications: { outbox: { status: async () => ({ depth: 0, oldestPendingAt: null }) } },
    devices: {
      serviceState: () => ({ inService: false }),
      onServiceChange: (l: (s: { inService: boolean }) => void) => (serviceListeners.push(l), () => undefined),
      setManualOutOfService: (r: string | null) => void manual.push(r),
    },
  } as unknown as TerminalContext;
  return { ctx, serviceListeners, manual };
}

describe('joinUpdates', () => {
  it('is null without config.update', () => {
    expect(joinUpdates(context('/nonexistent', undefined).ctx, { restartApp: async () => undefined })).toBeNull();
  });

  it('confirms the pending running version once every health mark is in', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'easydo-join-'));
    dirs.push(dir);
    const key = generateSigningKey('k');
    const stateDir = join(dir, 'helper');
    await mkdir(stateDir, { recursive: true });
    await writeFile(join(stateDir, 'state.json'), JSON.stringify({ schema: 1, good: { version: '1.0.0', file: 'x' }, previousGood: null, pending: { version: '1.1.0', file: 'y', installedAt: 0, deadline: Date.now() + 3600_000, starts: 1 }, inFlight: null, rolledBack: [] }));
    const update = UpdateConfig.parse({ feedUrl: 'http://127.0.0.1:9', publicKeys: [{ id: 'k', publicKey: key.publicKey }], spoolDir: join(dir, 'spool'), helperStateDir: stateDir });
    const { ctx, serviceListeners } = context(dir, update);
    const fetchRefused = (async () => {
      throw new Error('refused');
    }) as typeof fetch;
    const m = joinUpdates(ctx, { restartApp: async () => undefined, fetch: fetchRefused })!;
    try {
      m.mark('rendererLoaded');
      m.mark('heartbeatDelivered');
      await new Promise((r) => setTimeout(r, 50));
      expect(await readdir(join(dir, 'spool')).catch(() => [])).toEqual([]); // devices not opened yet
      (ctx.devices as unknown as { serviceState: () => { inService: boolean } }).serviceState = () => ({ inService: true });
      for (const l of serviceListeners) l({ inService: true });
      let names: string[] = [];
      for (let i = 0; i < 200 && names.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 25));
        names = (await readdir(join(dir, 'spool')).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
      }
      expect(names).toHaveLength(1);
      expect(JSON.parse(await readFile(join(dir, 'spool', names[0]!), 'utf8'))).toMatchObject({ op: 'healthy', version: '1.1.0' });
    } finally {
      m.close();
    }
  });
});
