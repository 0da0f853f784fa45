// One terminal of the rollout demo and the update tests: the real update agent (core/src/services/update) with its
// own private dpkg root, the real root helper bundle run as a child process per request (as its systemd units
// would), and a supervisor that starts the installed app the way easydo-kiosk.service does: the helper's
// start-check first, then the app, restarted when it exits non-zero (Restart=always), at most `maxStarts` times.
import { execFile, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_TIME_ZONE } from '@easydo/core/contract/local-time';
import { UpdateAgent, type CheckOutcome } from '@easydo/core/services/update/agent';
import { UpdateConfig, type UpdateConfig as UpdateConfigT } from '@easydo/core/services/update/config';
import { HEALTH_MARKS, HealthProbe } from '@easydo/core/services/update/health';
import { SpoolHelper } from '@easydo/core/services/update/helper-port';
import type { UpdateReporter } from '@easydo/core/services/update/ports';
import { FAKE_APP, makeDpkgRoot, privateDpkgArgs } from './fake-app-deb';

const run = promisify(execFile);

export interface SimulatedTerminalOptions {
  terminalId: string;
  dir: string;
  helperBundle: string;
  packageName: string;
  update: Partial<UpdateConfigT> & Pick<UpdateConfigT, 'feedUrl' | 'publicKeys'>;
  reporter: UpdateReporter;
  now: () => number;
  timeZone?: string;
  helperHealthWindowSeconds?: number;
  maxFailedStarts?: number;
  /** Starts the supervisor tries before it gives up (a real one keeps going; the tests need an end). */
  maxStarts?: number;
}

export class SimulatedUpdateTerminal {
  readonly root: string;
  readonly helperConfigPath: string;
  readonly config: UpdateConfigT;
  agent!: UpdateAgent;
  probe: HealthProbe | null = null;
  sessionOpen = false;
  clerkSignedIn = false;
  outboxSafe = true;
  outOfService: string[] = [];
  /** Every out-of-service change over the terminal's life (outOfService is the current app's). */
  serviceLog: string[] = [];
  starts = 0;
  private restartRequested = false;

  constructor(private readonly o: SimulatedTerminalOptions) {
    this.root = join(o.dir, 'root');
    this.helperConfigPath = join(o.dir, 'helper.json');
    this.config = UpdateConfig.parse({ spoolDir: join(o.dir, 'spool'), helperStateDir: join(o.dir, 'helper-state'), ...o.update });
  }

  async setUp(): Promise<void> {
    await makeDpkgRoot(this.root);
    await mkdir(join(this.o.dir, 'agent', 'downloads'), { recursive: true });
    await writeFile(
      this.helperConfigPath,
      JSON.stringify({
        stateDir: this.config.helperStateDir,
        spoolDir: this.config.spoolDir,
        acceptFrom: join(this.o.dir, 'agent', 'downloads'),
        packageName: this.o.packageName,
        publicKeys: this.config.publicKeys,
        maxPackageBytes: this.config.maxPackageBytes,
        healthWindowSeconds: this.o.helperHealthWindowSeconds ?? 900,
        maxFailedStarts: this.o.maxFailedStarts ?? 3,
        lockWaitSeconds: 2, // one helper process at a time here anyway; a held lock (a test's) is waited out quickly
        dpkg: { command: 'dpkg', args: privateDpkgArgs(this.root) },
      }),
    );
  }

  /** Runs one helper operation as its own process (what a systemd unit does). */
  async helper(...args: string[]): Promise<unknown> {
    const { stdout } = await run(process.execPath, [this.o.helperBundle, ...args, '--config', this.helperConfigPath], { timeout: 5 * 60_000 });
    return JSON.parse(stdout.trim().split('\n').pop() ?? 'null');
  }

  /** Starts the helper without waiting (the power-cut test kills it). */
  spawnHelper(...args: string[]) {
    return spawn(process.execPath, [this.o.helperBundle, ...args, '--config', this.helperConfigPath], { stdio: 'ignore', detached: true });
  }

  async installedVersion(): Promise<string | null> {
    try {
      const { stdout } = await run('dpkg-query', [`--root=${this.root}`, '--show', '--showformat=${Status}\t${Version}', this.o.packageName]);
      const [status, version] = stdout.split('\t');
      return status === 'install ok installed' ? version! : null;
    } catch {
      return null;
    }
  }

  /** The supervisor: start-check, then the app; a crash restarts it. Ends when an app stays up or at maxStarts. */
  async boot(): Promise<{ running: string | null; healthy: boolean }> {
    for (let i = 0; i < (this.o.maxStarts ?? 8); i++) {
      await this.helper('start-check');
      this.starts += 1;
      const version = await this.installedVersion();
      if (!version) continue;
      const app = await run('sh', [join(this.root, FAKE_APP)]).then((r) => ({ code: 0, out: r.stdout }), (e: { code?: number; stdout?: string }) => ({ code: e.code ?? 1, out: e.stdout ?? '' }));
      if (app.code !== 0) continue; // Restart=always
      this.outOfService = [];
      this.agent = this.makeAgent(version);
      this.probe = new HealthProbe({ helper: this.spool(), agent: this.agent, running: version, windowMs: this.config.healthWindowSeconds * 1000, now: this.o.now });
      const healthy = app.out.includes('healthy');
      for (const m of healthy ? HEALTH_MARKS : HEALTH_MARKS.slice(0, 1)) await this.probe.mark(m);
      return { running: version, healthy };
    }
    return { running: null, healthy: false };
  }

  /** One agent check; an install restarts the app through the supervisor, whose new agent reports at its first check. */
  async check(): Promise<CheckOutcome> {
    const outcome = await this.agent.check();
    if (this.restartRequested) {
      this.restartRequested = false;
      await this.boot();
      await this.agent.check();
    }
    return outcome;
  }

  /** The timers: the agent's health window, then the helper's deadline; a rollback restarts the app. */
  async tick(): Promise<void> {
    const expired = await this.probe?.expire();
    const r = (await this.helper('deadline-check')) as { code?: string };
    if (expired === 'rolledBack' || r?.code === 'rolledBack') {
      await this.boot();
      await this.agent.check();
    }
  }

  private spool(): SpoolHelper {
    return new SpoolHelper({ spoolDir: this.config.spoolDir, stateDir: this.config.helperStateDir, pollMs: 20, answerTimeoutMs: 5 * 60_000, kick: async () => void (await this.helper('process-spool')) });
  }

  private makeAgent(version: string): UpdateAgent {
    return new UpdateAgent({
      terminalId: this.o.terminalId,
      config: this.config,
      timeZone: this.o.timeZone ?? DEFAULT_TIME_ZONE,
      dir: join(this.o.dir, 'agent'),
      now: this.o.now,
      reporter: this.o.reporter,
      helper: this.spool(),
      terminal: {
        runningVersion: () => version,
        sessionOpen: () => this.sessionOpen,
        clerkSignedIn: () => this.clerkSignedIn,
        outboxSafe: () => this.outboxSafe,
        setOutOfService: async (reason) => {
          this.outOfService.push(reason ?? 'inService');
          this.serviceLog.push(reason ?? 'inService');
        },
        restartApp: async () => {
          this.restartRequested = true;
        },
      },
    });
  }
}
