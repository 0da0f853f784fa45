// Saving the configuration from admin mode: the candidate is the current config with the admin's changes,
// validated by the schema as a whole (a bad value is refused, naming the field); the file is written
// atomically and the version it replaces is kept as config.previous.json for one-step rollback. The live
// object is updated in place, so everything that reads ctx.config() sees the new values at once.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, parseConfig, readConfigFile, writeConfigFile } from './load';
import { planApply, type ApplyPlan } from './apply-plan';
import type { TerminalConfig } from './schema';
import { hashPin } from '../admin/pin';

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
}

function issuesOf(error: ConfigError): ConfigRefused['issues'] {
  return error.problems.map((p) => {
    const i = p.indexOf(': ');
    return i < 0 ? { path: '(root)', message: p } : { path: p.slice(0, i), message: p.slice(i + 2) };
  });
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
    };
    if (changes.adminPin !== undefined && changes.adminPin !== '') {
      if (!/^\d{6,12}$/.test(changes.adminPin)) throw new ConfigRefused([{ path: 'adminPin', message: 'the PIN must be 6-12 digits' }]);
      raw.adminPinHash = hashPin(changes.adminPin);
    }
    let next: TerminalConfig;
    try {
      next = parseConfig(raw, 'admin form');
    } catch (e) {
      if (e instanceof ConfigError) throw new ConfigRefused(issuesOf(e));
      throw e;
    }
    return this.replace(before, next);
  }

  /** Back to the version the last save replaced (the current one becomes the previous, so rollback toggles). */
  rollback(): ApplyPlan {
    if (!this.hasPrevious()) throw new ConfigRefused([{ path: '(root)', message: 'no previous version to roll back to' }]);
    let next: TerminalConfig;
    try {
      next = this.previousFile ? readConfigFile(this.previousFile) : this.memoryPrevious!;
    } catch (e) {
      if (e instanceof ConfigError) throw new ConfigRefused(issuesOf(e));
      throw e;
    }
    return this.replace(structuredClone(this.options.live), next);
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
