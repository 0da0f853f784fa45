// The root side of updates: installs a file only after it checked the release key's signature on its own copy,
// keeps the last good package, and puts it back when the new version does not prove healthy in time, crash-loops,
// or an install is cut off. Runs as a systemd oneshot (spool requests, each app start, a timer); see README.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Dpkg } from './dpkg';
import { HelperRequest, type HelperConfig, type HelperResult, type HelperState } from './protocol';
import { LockBusy, acquireLock, readState, writeJsonAtomic, writeState } from './state-file';
import { UnsafeFile, copyBounded, readBounded } from './safe-open';
import { packageStatement, sha512File, verifyStatement } from './statement';

type Outcome = Omit<HelperResult, 'id' | 'at' | 'installed'>;
const ok = (code: string, message: string): Outcome => ({ ok: true, code, message });
const refuse = (code: string, message: string): Outcome => ({ ok: false, code, message });

function newer(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! > pb[i]!;
  return false;
}

export class UpdateHelper {
  private readonly dpkg: Dpkg;
  private readonly store: string;
  constructor(
    private readonly config: HelperConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.dpkg = new Dpkg(config.dpkg);
    this.store = join(config.stateDir, 'store');
  }

  /** Provisioning (a person at the image, as root): the image's own signed package becomes the first good version. */
  async adopt(file: string, claim: { version: string; signature: string; keyId: string }): Promise<Outcome> {
    return this.locked(async (state) => {
      const size = statSync(file).size;
      const copied = await this.copyVerified(file, { ...claim, size, sha512: await sha512File(file) }, { anyFolder: true });
      if ('ok' in copied) return copied;
      if ((await this.dpkg.installedVersion(this.config.packageName)) !== claim.version) {
        const r = await this.dpkg.install(copied.path);
        if (r.code !== 0) return refuse('dpkgFailed', r.output.slice(-400));
      }
      state.good = { version: claim.version, file: copied.path };
      this.prune(state);
      return ok('adopted', `${claim.version} is the last good version`);
    });
  }

  /**
   * Every request in the spool, oldest first; each answered in results/<id>.json and removed. Another helper at work
   * (a start check rolling back) is waited for, up to lockWaitSeconds: returning at once would leave the requests
   * there, and the .path unit would start this again and again until systemd's start limit stops it for good.
   */
  async processSpool(): Promise<HelperResult[]> {
    mkdirSync(this.config.spoolDir, { recursive: true });
    let release: () => void;
    try {
      release = await this.waitForLock();
    } catch (e) {
      if (e instanceof LockBusy) return [];
      throw e;
    }
    const results: HelperResult[] = [];
    try {
      for (const name of readdirSync(this.config.spoolDir).filter((n) => n.endsWith('.json')).sort()) {
        const path = join(this.config.spoolDir, name);
        let request: HelperRequest | null = null;
        try {
          const parsed = HelperRequest.safeParse(JSON.parse(readBounded(path, 16 * 1024).toString('utf8')));
          if (parsed.success) request = parsed.data;
        } catch {
          request = null;
        }
        rmSync(path, { force: true });
        if (!request) continue; // nothing to answer to: a malformed request has no id we could trust
        const req = request;
        const outcome = await this.transact((state) => this.handle(req, state)).catch((e: Error) => refuse('helperError', e.message.slice(0, 400)));
        const result: HelperResult = { id: req.id, ...outcome, installed: await this.dpkg.installedVersion(this.config.packageName), at: new Date(this.now()).toISOString() };
        mkdirSync(join(this.config.stateDir, 'results'), { recursive: true });
        writeJsonAtomic(join(this.config.stateDir, 'results', `${req.id}.json`), result);
        results.push(result);
      }
    } finally {
      release();
    }
    return results;
  }

  /** Before each start of the app (ExecStartPre=+): counts starts of a pending version, rolls back when it is over. */
  startCheck(): Promise<Outcome> {
    return this.locked(async (state) => {
      const recovered = await this.recover(state);
      if (recovered) return recovered;
      if (!state.pending) return ok('none', 'nothing pending');
      if (this.now() > state.pending.deadline) return this.rollback(state, 'neverHealthy');
      state.pending.starts += 1;
      if (state.pending.starts > this.config.maxFailedStarts) return this.rollback(state, 'crashLoop');
      return ok('pending', `start ${state.pending.starts} of ${state.pending.version}`);
    });
  }

  /** From a timer: a pending version past its health window goes, and the app restarts on the good one. */
  async deadlineCheck(): Promise<Outcome> {
    const outcome = await this.locked(async (state) => {
      const recovered = await this.recover(state);
      if (recovered) return recovered;
      if (state.pending && this.now() > state.pending.deadline) return this.rollback(state, 'neverHealthy');
      return ok('none', 'nothing due');
    });
    if (outcome.code === 'rolledBack' && this.config.restartCommand) {
      const [cmd, ...args] = this.config.restartCommand;
      spawnSync(cmd!, args, { stdio: 'ignore', timeout: 60_000 });
    }
    return outcome;
  }

  state(): HelperState {
    return readState(this.config.stateDir);
  }

  private async handle(request: HelperRequest, state: HelperState): Promise<Outcome> {
    const recovered = await this.recover(state);
    if (recovered && request.op !== 'rollback') return refuse('recovered', `an interrupted ${recovered.message}; ask again`);
    switch (request.op) {
      case 'install':
        return this.install(request, state);
      case 'healthy':
        return this.healthy(request.version, state);
      case 'rollback':
        if (!state.pending) return refuse('nothingToRollBack', 'no version is waiting for its health check');
        return this.rollback(state, request.reason);
    }
  }

  private async install(r: Extract<HelperRequest, { op: 'install' }>, state: HelperState): Promise<Outcome> {
    if (!state.good) return refuse('noLastGood', 'no good version is kept to come back to: adopt the image package first');
    if (state.pending) return refuse('pendingInstall', `${state.pending.version} is still waiting for its health check`);
    if (!newer(r.version, state.good.version)) return refuse('notNewer', `${r.version} is not newer than ${state.good.version}`);
    if (state.rolledBack.some((b) => b.version === r.version)) return refuse('knownBad', `${r.version} rolled back here before`);
    if (r.size > this.config.maxPackageBytes) return refuse('tooLarge', `over the cap of ${this.config.maxPackageBytes} bytes`);
    const copied = await this.copyVerified(r.file, r);
    if ('ok' in copied) return copied;
    state.inFlight = { op: 'install', version: r.version, startedAt: this.now() };
    writeState(this.config.stateDir, state);
    const run = await this.dpkg.install(copied.path);
    const installed = await this.dpkg.installedVersion(this.config.packageName);
    if (run.code !== 0 || installed !== r.version) {
      state.pending = { version: r.version, file: copied.path, installedAt: this.now(), deadline: this.now(), starts: 0 };
      const back = await this.rollback(state, 'installFailed');
      return refuse('installFailed', `dpkg failed (${back.message}): ${run.output.slice(-300)}`);
    }
    state.inFlight = null;
    state.pending = { version: r.version, file: copied.path, installedAt: this.now(), deadline: this.now() + this.config.healthWindowSeconds * 1000, starts: 0 };
    return ok('installed', `${r.version} installed; waiting for its health check`);
  }

  private healthy(version: string, state: HelperState): Outcome {
    if (state.good?.version === version && !state.pending) return ok('alreadyGood', `${version} is the good version`);
    if (state.pending?.version !== version) return refuse('notPending', `${version} is not the version waiting for its health check`);
    state.previousGood = state.good;
    state.good = { version, file: state.pending.file };
    state.pending = null;
    this.prune(state);
    return ok('healthy', `${version} is now the last good version`);
  }

  /** Where a verified package of this version is kept (what copyVerified writes and recover finds). */
  private storeFile(version: string): string {
    return join(this.store, `${this.config.packageName}_${version}.deb`);
  }

  /** A cut-off install or rollback (power cut, SIGKILL): whatever dpkg left, the good version goes back. */
  private async recover(state: HelperState): Promise<Outcome | null> {
    if (!state.inFlight) return null;
    const cut = state.inFlight;
    if (!state.pending && cut.op === 'install') state.pending = { version: cut.version, file: this.storeFile(cut.version), installedAt: cut.startedAt, deadline: cut.startedAt, starts: 0 };
    await this.dpkg.configurePending();
    return this.rollback(state, 'interrupted');
  }

  private async rollback(state: HelperState, reason: string): Promise<Outcome> {
    const good = state.good;
    const bad = state.pending;
    if (!good) return refuse('noLastGood', 'no good version is kept');
    state.inFlight = { op: 'rollback', version: good.version, startedAt: this.now() };
    writeState(this.config.stateDir, state);
    let run = await this.dpkg.install(good.file);
    if (run.code !== 0) {
      await this.dpkg.configurePending();
      run = await this.dpkg.install(good.file);
    }
    const installed = await this.dpkg.installedVersion(this.config.packageName);
    if (installed !== good.version) return refuse('rollbackFailed', `dpkg could not reinstall ${good.version}: ${run.output.slice(-300)}`); // inFlight stays: the next start tries again
    state.inFlight = null;
    state.pending = null;
    if (bad && bad.version !== good.version) {
      state.rolledBack = [...state.rolledBack, { version: bad.version, reason, at: this.now() }].slice(-50);
      if (bad.file !== good.file && bad.file !== state.previousGood?.file) rmSync(bad.file, { force: true });
    }
    return ok('rolledBack', `${bad?.version ?? 'the cut-off version'} -> ${good.version} (${reason})`);
  }

  /** Copies the named file into the root-owned store and checks the copy (so the agent cannot swap it afterwards). */
  private async copyVerified(file: string, claim: { version: string; size: number; sha512: string; signature: string; keyId: string }, o: { anyFolder?: boolean } = {}): Promise<{ path: string } | Outcome> {
    const key = this.config.publicKeys.find((k) => k.id === claim.keyId);
    if (!key) return refuse('unsigned', `key ${claim.keyId} is not pinned here`);
    let within: string | undefined;
    try {
      within = o.anyFolder ? undefined : realpathSync(this.config.acceptFrom);
    } catch {
      return refuse('notAccepted', "the agent's download folder does not exist");
    }
    mkdirSync(this.store, { recursive: true, mode: 0o700 });
    const target = this.storeFile(claim.version);
    const tmp = `${target}.incoming`;
    rmSync(tmp, { force: true });
    try {
      copyBounded(file, tmp, { size: claim.size, maxBytes: this.config.maxPackageBytes, ...(within !== undefined ? { within } : {}) });
    } catch (e) {
      rmSync(tmp, { force: true });
      if (e instanceof UnsafeFile) return refuse(e.code === 'sizeMismatch' ? 'unsigned' : e.code, e.message);
      return refuse((e as NodeJS.ErrnoException).code === 'ENOSPC' ? 'diskFull' : 'copyFailed', (e as Error).message.slice(0, 200));
    }
    const size = statSync(tmp).size;
    const sha512 = await sha512File(tmp);
    const statement = packageStatement({ name: this.config.packageName, version: claim.version, size, sha512 });
    if (size !== claim.size || sha512 !== claim.sha512 || !verifyStatement(key.publicKey, statement, claim.signature)) {
      rmSync(tmp, { force: true });
      return refuse('unsigned', 'the file is not the signed release (size, sha512 or signature)');
    }
    renameSync(tmp, target);
    return { path: target };
  }

  /** Only the good, the previous good and a pending package stay in the store. */
  private prune(state: HelperState): void {
    const keep = new Set([state.good?.file, state.previousGood?.file, state.pending?.file].filter(Boolean));
    mkdirSync(this.store, { recursive: true, mode: 0o700 });
    for (const n of readdirSync(this.store)) if (!keep.has(join(this.store, n))) rmSync(join(this.store, n), { force: true });
  }

  /** The lock, waiting (bounded) while another helper holds it; LockBusy when the wait is over. */
  private async waitForLock(): Promise<() => void> {
    const until = Date.now() + this.config.lockWaitSeconds * 1000; // wall time, whatever clock the state uses
    for (;;) {
      try {
        return acquireLock(this.config.stateDir);
      } catch (e) {
        if (!(e instanceof LockBusy) || Date.now() >= until) throw e;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  private async locked(work: (state: HelperState) => Promise<Outcome> | Outcome): Promise<Outcome> {
    const release = await this.waitForLock();
    try {
      return await this.transact(work);
    } finally {
      release();
    }
  }

  private async transact(work: (state: HelperState) => Promise<Outcome> | Outcome): Promise<Outcome> {
    const state = readState(this.config.stateDir);
    const outcome = await work(state);
    writeState(this.config.stateDir, state);
    return outcome;
  }
}
