// `npm run update -- rollout-demo`: a local feed, N simulated terminals (the real agent and helper, each with its own
// dpkg root) in R rings assigned by the fleet, a good release rolled out ring by ring, then (with --bad-version) a
// release that crashes on start: its first ring rolls back and the board pauses it and every later ring by itself.
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey, packageStatement, signData } from '@easydo/core/services/update/signing';
import { sha512File } from '@easydo/core/services/update/verify';
import { HttpUpdateReporter } from '@easydo/core/services/update/http-reporter';
import type { ReleaseManifest } from '@easydo/core/services/update/manifest';
import { buildAppDeb } from './fake-app-deb';
import { startFeedServer } from './feed-server';
import { buildHelperBundle } from './helper-bundle';
import { publishRelease } from './release-tool';
import { assignRings } from './ring-assignment';
import { RolloutBoard } from './rollout-board';
import { SimulatedUpdateTerminal } from './simulated-update-terminal';

export interface DemoOptions {
  terminals: number;
  rings: number;
  badVersion: boolean;
  /** Terminals worked on at once (each helper run is a process and dpkg). */
  concurrency?: number;
  keepDir?: boolean;
}

export interface DemoSummary {
  terminals: number;
  rings: number;
  goodVersion: string;
  badVersion: string | null;
  onGoodVersion: number;
  rolledBack: number;
  pausedRings: string[];
  running: Record<string, number>;
  perRing: Record<string, Record<string, Record<string, number>>>;
  autoPauses: number;
  /** After each ring's opening: per ring, how many terminals run which version (the schedule at work). */
  steps: Array<{ version: string; opened: string; running: Record<string, Record<string, number>> }>;
}

const PACKAGE = 'easydo-terminal';
const HOUR = 3600_000;

export function ringNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => (i === 0 ? 'pilot' : i === n - 1 ? 'all' : `wave-${i}`));
}

async function eachLimited<T>(items: readonly T[], limit: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

export async function rolloutDemo(o: DemoOptions): Promise<DemoSummary> {
  if (o.rings < 1 || o.terminals < o.rings) throw new Error('need at least one terminal per ring');
  const dir = await mkdtemp(join(tmpdir(), 'easydo-rollout-'));
  const names = ringNames(o.rings);
  const manifests = new Map<string, ReleaseManifest>();
  const board = new RolloutBoard('stable', (v) => manifests.get(v)?.rollout.map((s) => s.ring) ?? names);
  const feed = await startFeedServer({ root: join(dir, 'feed'), board });
  try {
    const key = generateSigningKey('release-2026');
    const bundle = await buildHelperBundle(join(dir, 'easydo-update-helper.mjs'));
    const debs = join(dir, 'debs');
    await mkdir(debs, { recursive: true });
    const v1 = await buildAppDeb({ dir: debs, name: PACKAGE, version: '1.0.0', behaviour: 'healthy' });
    const v2 = await buildAppDeb({ dir: debs, name: PACKAGE, version: '1.1.0', behaviour: 'healthy' });
    const v3 = o.badVersion ? await buildAppDeb({ dir: debs, name: PACKAGE, version: '1.2.0', behaviour: 'crash' }) : null;

    // 03:40 in Shanghai: inside the 02:00-05:00 window and past every terminal's slot in it.
    let now = Date.parse('2026-12-02T03:40:00+08:00');
    const clock = () => now;
    const ids = Array.from({ length: o.terminals }, (_, i) => `SZ-T-${String(i + 1).padStart(4, '0')}`);
    const places = ids.map((terminalId, i) => ({ terminalId, street: `street-${i % 4}` }));
    const shares = names.slice(1).map((_, i) => 2 ** i);
    const total = shares.reduce((a, b) => a + b, 0);
    const pilots = ids.filter((_, i) => i % 4 === 0).slice(0, Math.max(1, Math.round(o.terminals * 0.1)));
    const assignment = o.rings === 1 ? new Map(ids.map((id) => [id, names[0]!])) : assignRings(places, { rings: names.slice(1).map((name, i) => ({ name, share: shares[i]! / total })), pilots: { ring: names[0]!, terminalIds: pilots } });
    const reporter = new HttpUpdateReporter(feed.url);
    const terminals = ids.map(
      (terminalId) =>
        new SimulatedUpdateTerminal({ terminalId, dir: join(dir, terminalId), helperBundle: bundle, packageName: PACKAGE, reporter, now: clock, update: { feedUrl: feed.url, publicKeys: [{ id: key.id, publicKey: key.publicKey }], ring: assignment.get(terminalId)! } }),
    );
    const limit = o.concurrency ?? 4;
    const v1Sig = signData(key, packageStatement({ name: PACKAGE, version: '1.0.0', size: (await stat(v1)).size, sha512: await sha512File(v1) }));
    await eachLimited(terminals, limit, async (t) => {
      await t.setUp();
      await t.helper('adopt', v1, '--version', '1.0.0', '--signature', v1Sig, '--key-id', key.id);
      await t.boot();
    });

    const steps: DemoSummary['steps'] = [];
    const schedule = (start: number) => names.map((ring, i) => ({ ring, opensAt: new Date(start + i * HOUR * 0.25).toISOString(), soakHours: 0.25 }));
    const rollThrough = async (version: string, start: number) => {
      for (let i = 0; i < names.length; i++) {
        now = start + i * HOUR * 0.25 + 60_000;
        await eachLimited(terminals, limit, async (t) => void (await t.check()));
        const running: Record<string, Record<string, number>> = {};
        for (const t of terminals) {
          const ring = t.config.ring ?? '(none)';
          const v = (await t.installedVersion()) ?? 'none';
          running[ring] ??= {};
          running[ring][v] = (running[ring][v] ?? 0) + 1;
        }
        steps.push({ version, opened: names[i]!, running });
      }
      return version;
    };

    const good = await publishRelease({ feedRoot: join(dir, 'feed'), channel: 'stable', packageName: PACKAGE, version: '1.1.0', minFromVersion: '1.0.0', debPath: v2, key, rollout: schedule(now), now });
    manifests.set(good.version, good);
    await rollThrough(good.version, now);

    if (v3) {
      const night2 = Date.parse('2026-12-03T03:40:00+08:00');
      now = night2;
      const bad = await publishRelease({ feedRoot: join(dir, 'feed'), channel: 'stable', packageName: PACKAGE, version: '1.2.0', minFromVersion: '1.0.0', debPath: v3, key, rollout: schedule(night2), now });
      manifests.set(bad.version, bad);
      await rollThrough(bad.version, night2);
    }

    const running: Record<string, number> = {};
    for (const t of terminals) {
      const v = (await t.installedVersion()) ?? 'none';
      running[v] = (running[v] ?? 0) + 1;
    }
    const rolledBackTerminals = Object.values(v3 ? board.countsFor('1.2.0') : {}).reduce((n, c) => n + c.rolledBack, 0);
    const perRing: DemoSummary['perRing'] = {};
    for (const v of manifests.keys()) perRing[v] = board.countsFor(v);
    return {
      terminals: o.terminals,
      rings: o.rings,
      goodVersion: '1.1.0',
      badVersion: v3 ? '1.2.0' : null,
      onGoodVersion: running['1.1.0'] ?? 0,
      rolledBack: rolledBackTerminals,
      pausedRings: v3 ? board.pausedRings('1.2.0') : [],
      running,
      perRing,
      autoPauses: board.events.filter((e) => e.kind === 'autoPaused').length,
      steps,
    };
  } finally {
    await feed.close();
    if (!o.keepDir) await rm(dir, { recursive: true, force: true });
  }
}
