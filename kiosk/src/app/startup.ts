// How a shell (Electron main or the browser shell) gets a configuration it may run on. One function for both,
// so the production profile's refusals are the same wherever the terminal starts.
//
// Development (`npm start`): a missing config file is created with simulators, the embedded sandbox and the
// development PIN. Production (packaged builds; `--profile production` / EASYDO_PROFILE=production elsewhere):
// nothing is ever written; the file must exist, pass the strict schema (no unknown key anywhere) and pass
// production-policy.ts (no simulator, virtual printer, SANE test device or sandbox; https only; not the dev PIN).
// Every refusal is a StartupRefused naming the field.
import { existsSync } from 'node:fs';
import type { TerminalConfig, TerminalRole } from '@easydo/core/services/config/schema';
import { ConfigError, loadOrCreateConfig, readConfigFile } from '@easydo/core/services/config/load';
import { productionRefusals, type Profile } from '@easydo/core/services/config/production-policy';

export type { Profile } from '@easydo/core/services/config/production-policy';

export interface StartupInput {
  profile: Profile;
  configFile: string;
  dataDir: string;
  /** What the terminal runs as: production refuses a counter's keyboard-wedge 2D scanner. */
  role?: TerminalRole;
}

export interface Startup {
  config: TerminalConfig;
  /** True when a development simulator config was written just now (never in production). */
  created: boolean;
}

export interface Refusal {
  field: string;
  reason: string;
}

/** A refusal to start: `field` names the config path (or setting) that cannot be trusted; `others` any further ones. */
export class StartupRefused extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly others: Refusal[] = [],
  ) {
    const more = others.length > 0 ? ` (also: ${others.map((o) => `${o.field}: ${o.reason}`).join('; ')})` : '';
    super(`Refusing to start: ${field}: ${reason}${more}`);
    this.name = 'StartupRefused';
  }

  static of(refusals: Refusal[]): StartupRefused {
    const [first, ...others] = refusals;
    return new StartupRefused(first!.field, first!.reason, others);
  }
}

/** Packaged builds are production whatever they are told; otherwise --profile, then EASYDO_PROFILE, then development. */
export function resolveProfile(options: { packaged: boolean; argProfile?: string | undefined; env?: NodeJS.ProcessEnv }): Profile {
  if (options.packaged) return 'production';
  const wanted = options.argProfile ?? options.env?.EASYDO_PROFILE;
  if (wanted === undefined || wanted === '') return 'development';
  if (wanted === 'production' || wanted === 'development') return wanted;
  throw new StartupRefused('profile', `unknown profile "${wanted}" (development or production)`);
}

/** What a terminal started in this mode is deployed as (an admin-mode start maintains a kiosk). */
export function terminalRole(mode: string): TerminalRole {
  return mode === 'counter' ? 'counter' : 'kiosk';
}

function refusedConfig(error: unknown): never {
  if (error instanceof ConfigError) throw StartupRefused.of(error.issues.map((i) => ({ field: i.path === '(root)' ? 'config' : i.path, reason: i.message })));
  throw error;
}

export function loadStartupConfig(input: StartupInput): Startup {
  if (input.profile === 'development') {
    try {
      return loadOrCreateConfig(input.configFile);
    } catch (error) {
      refusedConfig(error);
    }
  }
  if (!existsSync(input.configFile)) {
    throw new StartupRefused('config', `no config file at ${input.configFile}: the production profile never writes one (provision it; see README "Running on real hardware")`);
  }
  let config: TerminalConfig;
  try {
    config = readConfigFile(input.configFile);
  } catch (error) {
    refusedConfig(error);
  }
  const refusals = productionRefusals(config, input.role);
  if (refusals.length > 0) throw StartupRefused.of(refusals);
  return { config, created: false };
}
