// How a shell (Electron main or the browser shell) gets a configuration it may run on. One function for both,
// so the production profile's refusals are the same wherever the terminal starts.
// SEAM (lead, session 2): helper "profile" fills in the production profile; helper "window host" calls it from
// electron-main. Keep the exported names and shapes.
import type { TerminalConfig } from '@easydo/core/services/config/schema';
import { loadOrCreateConfig } from '@easydo/core/services/config/load';

export type Profile = 'development' | 'production';

export interface StartupInput {
  profile: Profile;
  configFile: string;
  dataDir: string;
}

export interface Startup {
  config: TerminalConfig;
  /** True when a development simulator config was written just now (never in production). */
  created: boolean;
}

/** A refusal to start: `field` names the config path (or setting) that cannot be trusted. */
export class StartupRefused extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Refusing to start: ${field}: ${reason}`);
    this.name = 'StartupRefused';
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

export function loadStartupConfig(input: StartupInput): Startup {
  return loadOrCreateConfig(input.configFile);
}
