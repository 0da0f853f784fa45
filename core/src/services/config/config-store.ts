// Saving the configuration from admin mode: the candidate is the current config with the admin's changes,
// validated by the schema as a whole (a bad value is refused, naming the field); the file is written
// atomically and the version it replaces is kept as config.previous.json for one-step rollback. The live
// object is updated in place, so everything that reads ctx.config() sees the new values at once. A terminal
// running in production also refuses what the production profile would refuse at start-up (a saved config must
// start again), and a new PIN must pass the PIN policy in every profile.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, parseConfig, readConfigFile, writeConfigFile } from './load';
import { planApply, type ApplyPlan } from './apply-plan';
import type { TerminalConfig, TerminalRole } from './schema';
import { hashPin } from './pin';
import { pinWeakness } from './pin-policy';
import { productionRefusals, type Profile } from './production-policy';
import { keptIceCredentials } from './public-view';

export class ConfigRefused extends Error {
  constructor(readonly issues: Array<{ path: string; message: string }>) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'ConfigRefused';
  }
}

/** What the admin form sends: the public fields, plus write-only secrets (absent or empty = keep). */
export interface ConfigChanges {
  values: Record<string, unknown>;
  terminalSecret?: string | undefined;
  adminPin?: string | undefined;
}

export interface ConfigStoreOptions {
  /** The live config object (mutated in place on save). */
  live: TerminalConfig;
  /** null when the terminal runs without a config file (then saves are kept in memory only). */
  file: string | null;
  /** The profile the terminal runs in; production refuses what production-policy.ts refuses. Default development. */
  profile?: Profile;
  /** What the terminal runs as (production refuses a counter's keyboard wedge). */
  role?: TerminalRole;
}

export class ConfigStore {
  /** Without a file the previous version lives here (and goes with the process). */
  private memoryPrevious: TerminalConfig | null = null;

  constructor(private readonly options: ConfigStoreOptions) {}

  get previousFile(): string | null {
    return this.options.file ? path.join(path.dirname(this.options.file), 'config.previous.json') : null;
  }

  current(): TerminalConfig {
    return this.options.live;
  }

  hasPrevious(): boolean {
    return this.previousFile !== null ? existsSync(this.previousFile) : this.memoryPrevious !== null;
  }

  /** Validates, keeps the old version, writes, applies. Throws ConfigRefused naming every bad field. */
  save(changes: ConfigChanges): ApplyPlan {
    const before = structuredClone(this.options.live);
    const { secretSet: _s, pinSet: _p, terminalSecret: _t, adminPinHash: _h, ...values } = changes.values;
    const raw: Record<string, unknown> = {
      ...values,
      terminalSecret: changes.terminalSecret ? changes.terminalSecret : before.terminalSecret,
      adminPinHash: before.adminPinHash,
      // Maintainers' credentials are not the form's to change (it sees their numbers only).
      ...(values.admin && before.admin?.operators ? { admin: { ...(values.admin as object), operators: before.admin.operators } } : {}),
    };
    const help = values.remoteHelp as { iceServers?: unknown } | undefined;
    if (help && typeof help === 'object' && help.iceServers !== undefined) raw.remoteHelp = { ...help, iceServers: keptIceCredentials(help.iceServers, before) };
    if (changes.adminPin !== undefined && changes.adminPin !== '') {
      const weak = pinWeakness(changes.adminPin);
      if (weak) throw new ConfigRefused([{ path: 'adminPin', message: weak }]);
      raw.adminPinHash = hashPin(changes.adminPin);
    }
    let next: TerminalConfig;
    try {
      next = parseConfig(raw, 'admin form');
    } catch (e) {
      if (e instanceof ConfigError) throw new ConfigRefused(e.issues);
      throw e;
    }
    this.refuseForProfile(next);
    return this.replace(before, next);
  }

  /** Back to the version the last save replaced (the current one becomes the previous, so rollback toggles). */
  rollback(): ApplyPlan {
    if (!this.hasPrevious()) throw new ConfigRefused([{ path: '(root)', message: 'no previous version to roll back to' }]);
    let next: TerminalConfig;
    try {
      next = this.previousFile ? readConfigFile(this.previousFile) : this.memoryPrevious!;
    } catch (e) {
      if (e instanceof ConfigError) throw new ConfigRefused(e.issues);
      throw e;
    }
    this.refuseForProfile(next);
    return this.replace(structuredClone(this.options.live), next);
  }

  private refuseForProfile(next: TerminalConfig): void {
    if (this.options.profile !== 'production') return;
    const refusals = productionRefusals(next, this.options.role);
    if (refusals.length > 0) throw new ConfigRefused(refusals.map((r) => ({ path: r.field, message: `refused in production: ${r.reason}` })));
  }

  private replace(before: TerminalConfig, next: TerminalConfig): ApplyPlan {
    const { file } = this.options;
    if (file) {
      writeConfigFile(this.previousFile!, before);
      writeConfigFile(file, next);
    } else {
      this.memoryPrevious = before;
    }
    const live = this.options.live as Record<string, unknown>;
    for (const key of Object.keys(live)) if (!(key in next)) delete live[key];
    Object.assign(live, next);
    return planApply(before, next);
  }
}
