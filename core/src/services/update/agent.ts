// The terminal's update agent: checks on a schedule and on a fleet command, downloads the channel's release into its
// own folder, verifies it before anything else, and hands it to the root helper only inside its slot of the
// maintenance window with no resident, no clerk and nothing unjournaled in the outbox, behind the out-of-service
// screen. After the restart the health probe (health.ts) confirms the version or the helper brings back the last
// good one; rollbacks the helper did are reported once each and never taken again.
import { join } from 'node:path';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { UpdateConfig } from './config';
import { download } from './download';
import type { HelperPort } from './helper-port';
import { inOwnSlot } from './maintenance-window';
import { openManifest, type ReleaseManifest } from './manifest';
import { ManifestFreshness } from './manifest-freshness';
import { ReasonCode, type UpdateReport, type UpdateState } from './report';
import { eligibility, RolloutControl } from './rollout';
import { verifyPackage } from './verify';
import type { UpdateReporter, UpdateTerminalPort } from './ports';

export interface UpdateAgentOptions {
  terminalId: string;
  config: UpdateConfig;
  timeZone: string;
  /** The agent's own folder (downloads, the reported-rollbacks ledger). */
  dir: string;
  terminal: UpdateTerminalPort;
  helper: HelperPort;
  reporter: UpdateReporter;
  now?: () => number;
  fetch?: typeof fetch;
}

export type CheckOutcome = { step: UpdateState; reason?: string; version?: string | null };

export class UpdateAgent {
  private running: Promise<CheckOutcome> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastReport = '';
  private readonly now: () => number;
  private readonly freshness: ManifestFreshness;

  constructor(private readonly o: UpdateAgentOptions) {
    this.now = o.now ?? Date.now;
    this.freshness = new ManifestFreshness(join(o.dir, 'manifest-seen.json'));
  }

  /** Checks every `checkMinutes` (and once now). */
  start(): void {
    void this.check().catch(() => undefined);
    this.timer = setInterval(() => void this.check().catch(() => undefined), this.o.config.checkMinutes * 60_000);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One check (the fleet's update command calls this too); concurrent calls share the one under way. */
  check(): Promise<CheckOutcome> {
    this.running ??= this.checkOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async checkOnce(): Promise<CheckOutcome> {
    const running = await this.o.terminal.runningVersion();
    const helperState = await this.o.helper.state();
    await this.reportRollbacks(helperState.rolledBack, running);
    if (helperState.pending || helperState.inFlight) return { step: 'installed', reason: 'awaitingHealth', version: helperState.pending?.version ?? null };

    const base = this.o.config.feedUrl.replace(/\/$/, '');
    const ch = this.o.config.channel;
    let manifest: ReleaseManifest;
    let control: RolloutControl | null;
    try {
      manifest = openManifest(await this.getJson(`${base}/channels/${ch}/manifest.json`), this.o.config.publicKeys, ch);
      // Without the fleet's control document we cannot know of a pause: hold rather than guess.
      control = RolloutControl.parse(await this.getJson(`${base}/channels/${ch}/rollout.json`));
    } catch (e) {
      return this.say({ state: 'idle', version: null, running, reason: codeOf(e, 'feedUnavailable') });
    }
    // An older signed manifest than one already seen would undo a kill switch or a pause: refused, nothing taken.
    if (!(await this.freshness.accept(manifest))) return this.say({ state: 'idle', version: null, running, reason: 'manifestReplayed' });
    const knownBad = helperState.rolledBack.map((b) => b.version);
    const el = eligibility(manifest, { version: running, ring: this.o.config.ring, now: this.now(), control, knownBad });
    // Already on it (or newer): nothing on offer, and the fleet's count for that version keeps this terminal's result.
    if (!el.eligible && el.why === 'notNewer') return this.say({ state: 'idle', version: null, running, reason: el.why });
    if (!el.eligible) return this.say({ state: 'pending', version: manifest.version, running, reason: el.why });

    const fileName = `${manifest.packageName}_${manifest.version}.deb`;
    const downloads = join(this.o.dir, 'downloads');
    const finalPath = join(downloads, fileName);
    const claim = { name: manifest.packageName, version: manifest.version, ...manifest.package };
    if (!(await verifyPackage(finalPath, claim, this.o.config.publicKeys).then(() => true, () => false))) {
      await this.say({ state: 'downloading', version: manifest.version, running });
      try {
        await this.clearOtherDownloads(downloads, fileName);
        const { partPath } = await download({ url: new URL(manifest.package.url, `${base}/channels/${ch}/`).href, size: manifest.package.size, dir: downloads, fileName, maxBytes: this.o.config.maxPackageBytes });
        try {
          await verifyPackage(partPath, claim, this.o.config.publicKeys);
        } catch (e) {
          await rm(partPath, { force: true });
          throw e;
        }
        await rename(partPath, finalPath);
      } catch (e) {
        return this.say({ state: 'failed', version: manifest.version, running, reason: codeOf(e, 'downloadFailed') });
      }
      await this.say({ state: 'downloaded', version: manifest.version, running });
    }

    const gate = await this.installGate();
    if (gate) return this.say({ state: 'downloaded', version: manifest.version, running, reason: gate });
    await this.o.terminal.setOutOfService('updateInstalling');
    // A resident may have tapped a card between the gate and the screen: look again behind the screen.
    const late = await this.installGate();
    if (late) {
      await this.o.terminal.setOutOfService(null);
      return this.say({ state: 'downloaded', version: manifest.version, running, reason: late });
    }
    await this.say({ state: 'installing', version: manifest.version, running });
    const answer = await this.o.helper.install({ file: finalPath, version: manifest.version, size: manifest.package.size, sha512: manifest.package.sha512, signature: manifest.package.signature, keyId: manifest.package.keyId }).catch((e: Error) => ({ ok: false, code: codeOf(e, 'helperError') }));
    if (!answer.ok) {
      await this.o.terminal.setOutOfService(null);
      const after = await this.o.helper.state();
      await this.reportRollbacks(after.rolledBack, running);
      return this.say({ state: 'failed', version: manifest.version, running, reason: answer.code });
    }
    await rm(finalPath, { force: true }); // the helper keeps its own copy
    await this.say({ state: 'installed', version: manifest.version, running });
    await this.o.terminal.restartApp();
    return { step: 'installed', version: manifest.version };
  }

  /** Null when installing may start now, else why not. */
  private async installGate(): Promise<string | null> {
    const c = this.o.config;
    if (!inOwnSlot(this.now(), c.maintenanceWindow, this.o.timeZone, this.o.terminalId)) return 'outsideWindow';
    if (this.o.terminal.sessionOpen()) return 'sessionOpen';
    if (this.o.terminal.clerkSignedIn()) return 'clerkSignedIn';
    if (!(await this.o.terminal.outboxSafe())) return 'outboxNotJournaled';
    return null;
  }

  /** Reports each rollback the helper did once (the ledger survives restarts: the rolled-back app reports it). */
  private async reportRollbacks(rolledBack: Array<{ version: string; reason: string; at: number }>, running: string): Promise<void> {
    const ledgerPath = join(this.o.dir, 'reported-rollbacks.json');
    const seen = new Set<string>(await readFile(ledgerPath, 'utf8').then((t) => JSON.parse(t) as string[], () => []));
    for (const b of rolledBack) {
      const key = `${b.version}@${b.at}`;
      if (seen.has(key)) continue;
      await this.say({ state: 'rolledBack', version: b.version, running, reason: b.reason }, { force: true });
      seen.add(key);
      await mkdir(this.o.dir, { recursive: true });
      await writeFile(ledgerPath, JSON.stringify([...seen].slice(-100)));
    }
  }

  private async clearOtherDownloads(dir: string, keep: string): Promise<void> {
    for (const n of await readdir(dir).catch(() => [] as string[])) if (n !== keep && n !== `${keep}.part`) await rm(join(dir, n), { force: true });
  }

  private async getJson(url: string): Promise<unknown> {
    const res = await (this.o.fetch ?? fetch)(url, { redirect: 'error', signal: AbortSignal.timeout(30_000) });
    if (!res.ok) throw Object.assign(new Error(`feed answered ${res.status}`), { code: 'feedUnavailable' });
    const text = await res.text();
    if (text.length > 256 * 1024) throw Object.assign(new Error('feed document too large'), { code: 'feedUnavailable' });
    return JSON.parse(text);
  }

  /** Sends a report when something changed (the same state and reason twice is said once). */
  async say(r: Omit<UpdateReport, 'terminalId' | 'channel' | 'ring' | 'at'>, opts: { force?: boolean } = {}): Promise<CheckOutcome> {
    const report: UpdateReport = { terminalId: this.o.terminalId, channel: this.o.config.channel, ring: this.o.config.ring, ...r, at: new Date(this.now()).toISOString() };
    const key = JSON.stringify({ ...report, at: '' });
    if (opts.force || key !== this.lastReport) {
      this.lastReport = key;
      await this.o.reporter.report(report).catch(() => undefined); // reporting never stops an update
    }
    return { step: r.state, version: r.version, ...(r.reason ? { reason: r.reason } : {}) };
  }
}

function codeOf(e: unknown, fallback: string): string {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && ReasonCode.safeParse(code).success ? code : fallback;
}
