// A replayed manifest: once the agent accepted a channel's manifest, an older one (still validly signed, from
// before the kill switch) is refused as `manifestReplayed` and nothing is downloaded; newer ones are taken as usual,
// and what was seen survives a restart of the agent (its own folder).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UpdateAgent } from '@easydo/core/services/update/agent';
import { UpdateConfig } from '@easydo/core/services/update/config';
import type { HelperPort } from '@easydo/core/services/update/helper-port';
import type { ReleaseManifest } from '@easydo/core/services/update/manifest';
import { generateSigningKey, manifestStatement, signData } from '@easydo/core/services/update/signing';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const key = generateSigningKey('k1');
const T0 = Date.parse('2026-12-01T00:00:00Z');
const manifest = (publishedAt: number, killSwitch: boolean): ReleaseManifest => ({
  schema: 1,
  channel: 'stable',
  packageName: 'easydo-terminal',
  version: '1.2.0',
  minFromVersion: '1.0.0',
  publishedAt: new Date(publishedAt).toISOString(),
  package: { url: 'p.deb', size: 10, sha512: 'a'.repeat(128), signature: 'A'.repeat(86) + '==', keyId: 'k1' },
  rollout: [{ ring: 'pilot', opensAt: new Date(T0).toISOString(), soakHours: 0 }],
  killSwitch,
});

describe('manifest replay', () => {
  it('refuses a manifest older than one already accepted for the channel', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'easydo-replay-'));
    dirs.push(dir);
    let served = manifest(T0 + 3600_000, true); // the kill switch, published after the release
    const packageFetches: string[] = [];
    const fakeFetch = (async (url: string) => {
      if (url.endsWith('/manifest.json')) {
        const body = JSON.stringify(served);
        return new Response(JSON.stringify({ keyId: key.id, signature: signData(key, manifestStatement(body)), body }));
      }
      if (url.endsWith('/rollout.json')) return new Response(JSON.stringify({ channel: 'stable', versions: {} }));
      packageFetches.push(url);
      throw new Error('no package here');
    }) as typeof fetch;
    const helper: HelperPort = {
      state: async () => ({ good: { version: '1.0.0', file: 'x' }, pending: null, inFlight: null, rolledBack: [] }),
      install: async () => {
        throw new Error('never asked');
      },
      healthy: async () => {
        throw new Error('never asked');
      },
      rollback: async () => {
        throw new Error('never asked');
      },
    };
    const agent = () =>
      new UpdateAgent({
        terminalId: 'SZ-T-0001',
        config: UpdateConfig.parse({ feedUrl: 'http://feed.test', publicKeys: [{ id: key.id, publicKey: key.publicKey }], ring: 'pilot' }),
        timeZone: 'Asia/Shanghai',
        dir,
        terminal: { runningVersion: () => '1.0.0', sessionOpen: () => false, clerkSignedIn: () => false, outboxSafe: async () => true, setOutOfService: async () => undefined, restartApp: async () => undefined },
        helper,
        reporter: { report: async () => undefined },
        now: () => T0 + 7200_000,
        fetch: fakeFetch,
      });

    expect(await agent().check()).toMatchObject({ step: 'pending', reason: 'killSwitch' });
    served = manifest(T0, false); // the release's own manifest, replayed after the kill switch
    expect(await agent().check()).toMatchObject({ step: 'idle', reason: 'manifestReplayed' }); // a new agent: the ledger is on disk
    expect(packageFetches).toEqual([]);
    served = manifest(T0 + 3600_000, true); // the same manifest again is no replay
    expect(await agent().check()).toMatchObject({ step: 'pending', reason: 'killSwitch' });
  });
});
