// Shared setup of the update tests: a signing key, the real helper bundle, real .deb packages, a feed server with
// a rollout board, and simulated terminals (real agent, real helper processes, real dpkg in private roots).
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey, packageStatement, signData, type SigningKey } from '@easydo/core/services/update/signing';
import { sha512File } from '@easydo/core/services/update/verify';
import type { UpdateReport } from '@easydo/core/services/update/report';
import type { ReleaseManifest } from '@easydo/core/services/update/manifest';
import { buildAppDeb, type AppBehaviour } from '@easydo/fleet/updates/fake-app-deb';
import { startFeedServer, type FeedServer } from '@easydo/fleet/updates/feed-server';
import { buildHelperBundle } from '@easydo/fleet/updates/helper-bundle';
import { publishRelease } from '@easydo/fleet/updates/release-tool';
import { RolloutBoard } from '@easydo/fleet/updates/rollout-board';
import { SimulatedUpdateTerminal, type SimulatedTerminalOptions } from '@easydo/fleet/updates/simulated-update-terminal';

export const PACKAGE = 'easydo-terminal';
/** 03:40 in Shanghai: inside the default 02:00-05:00 window, past every terminal's slot. */
export const NIGHT = Date.parse('2026-12-02T03:40:00+08:00');

export class UpdateWorld {
  dir = '';
  key!: SigningKey;
  bundle = '';
  feed!: FeedServer;
  board!: RolloutBoard;
  reports: UpdateReport[] = [];
  now = NIGHT;
  private readonly manifests = new Map<string, ReleaseManifest>();
  private debs = new Map<string, string>();

  async start(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'easydo-update-test-'));
    this.key = generateSigningKey('release-1');
    this.bundle = await buildHelperBundle(join(this.dir, 'helper.mjs'));
    this.board = new RolloutBoard('stable', (v) => this.manifests.get(v)?.rollout.map((s) => s.ring) ?? [], () => this.now);
    this.feed = await startFeedServer({ root: join(this.dir, 'feed'), board: this.board });
  }

  async stop(): Promise<void> {
    await this.feed?.close();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  async deb(version: string, behaviour: AppBehaviour = 'healthy', padBytes?: number): Promise<string> {
    const k = `${version}/${behaviour}/${padBytes ?? 0}`;
    if (!this.debs.has(k)) {
      const d = join(this.dir, 'debs', k.replace(/\//g, '-'));
      await mkdir(d, { recursive: true });
      this.debs.set(k, await buildAppDeb({ dir: d, name: PACKAGE, version, behaviour, padBytes }));
    }
    return this.debs.get(k)!;
  }

  async signatureOf(deb: string, version: string, key = this.key): Promise<{ size: number; sha512: string; signature: string }> {
    const size = (await stat(deb)).size;
    const sha512 = await sha512File(deb);
    return { size, sha512, signature: signData(key, packageStatement({ name: PACKAGE, version, size, sha512 })) };
  }

  async publish(version: string, behaviour: AppBehaviour = 'healthy', extra: { rings?: string[]; key?: SigningKey; packageKey?: SigningKey; padBytes?: number; killSwitch?: boolean } = {}): Promise<ReleaseManifest> {
    const rings = extra.rings ?? ['pilot'];
    const m = await publishRelease({
      feedRoot: join(this.dir, 'feed'),
      channel: 'stable',
      packageName: PACKAGE,
      version,
      minFromVersion: '1.0.0',
      debPath: await this.deb(version, behaviour, extra.padBytes),
      key: extra.key ?? this.key,
      packageKey: extra.packageKey,
      killSwitch: extra.killSwitch,
      rollout: rings.map((ring, i) => ({ ring, opensAt: new Date(this.now - 3600_000 + i * 3600_000).toISOString(), soakHours: 1 })),
      now: this.now,
    });
    this.manifests.set(version, m);
    return m;
  }

  /** A terminal provisioned with 1.0.0 (the image's signed package adopted as the last good version) and booted. */
  async terminal(id: string, o: Partial<SimulatedTerminalOptions> = {}): Promise<SimulatedUpdateTerminal> {
    const t = new SimulatedUpdateTerminal({
      terminalId: id,
      dir: join(this.dir, id),
      helperBundle: this.bundle,
      packageName: PACKAGE,
      reporter: {
        report: async (r) => {
          this.reports.push(r);
          this.board.ingest(r);
        },
      },
      now: () => this.now,
      ...o,
      update: { feedUrl: this.feed.url, publicKeys: [{ id: this.key.id, publicKey: this.key.publicKey }], ring: 'pilot', ...o.update },
    });
    await t.setUp();
    const v1 = await this.deb('1.0.0');
    const s = await this.signatureOf(v1, '1.0.0');
    await t.helper('adopt', v1, '--version', '1.0.0', '--signature', s.signature, '--key-id', this.key.id);
    await t.boot();
    return t;
  }

  reportsOf(id: string): UpdateReport[] {
    return this.reports.filter((r) => r.terminalId === id);
  }
}
