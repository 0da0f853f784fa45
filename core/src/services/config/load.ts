// Loading the config file: JSON validated by the schema; a bad file is reported with every problem (each naming
// its field, an unknown key by its own path), never half-applied. Only the development profile may write a fresh
// simulator config with the dev PIN when the file is missing (kiosk/src/app/startup.ts decides).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { TerminalConfig } from './schema';
import { hashPin } from './pin';
import { DEV_ADMIN_PIN } from './pin-policy';

export interface ConfigIssue {
  /** Dotted path of the field (`devices.idReader.prot`), `(root)` for the file as a whole. */
  path: string;
  message: string;
}

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(
    readonly file: string,
    readonly issues: ConfigIssue[],
  ) {
    const problems = issues.map((i) => `${i.path}: ${i.message}`);
    super(`Invalid configuration in ${file}:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
    this.name = 'ConfigError';
  }
}

/** zod issues → one issue per field; an unknown key is named by its own path, not its parent's. */
export function configIssues(issues: z.core.$ZodIssue[]): ConfigIssue[] {
  return issues.flatMap((i) => {
    const at = i.path.map(String);
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: [...at, k].join('.'), message: 'unknown key (misspelled? not a setting of this version)' }));
    return [{ path: at.join('.') || '(root)', message: i.message }];
  });
}

export function parseConfig(raw: unknown, file = '(config)'): TerminalConfig {
  const parsed = TerminalConfig.safeParse(raw);
  if (!parsed.success) throw new ConfigError(file, configIssues(parsed.error.issues));
  return parsed.data;
}

export function readConfigFile(file: string): TerminalConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ConfigError(file, [{ path: '(root)', message: missing ? 'the config file does not exist' : `not readable JSON: ${(error as Error).message}` }]);
  }
  return parseConfig(raw, file);
}

/** Writes atomically (temp file + rename) with owner-only permissions: the file holds the terminal secret. */
export function writeConfigFile(file: string, config: TerminalConfig): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

export { DEV_ADMIN_PIN } from './pin-policy';

/** The simulator default: written when no config file exists yet, in the development profile only (demos, tests). */
export function simulatorDefaults(): TerminalConfig {
  return parseConfig({
    terminalId: 'SZ-DEV-0001',
    centreName: '福田区莲花街道党群服务中心',
    terminalSecret: randomBytes(24).toString('base64url'),
    adminPinHash: hashPin(DEV_ADMIN_PIN),
  });
}

/** Development profile only: production never writes a config (see kiosk/src/app/startup.ts). */
export function loadOrCreateConfig(file: string): { config: TerminalConfig; created: boolean } {
  if (existsSync(file)) return { config: readConfigFile(file), created: false };
  const config = simulatorDefaults();
  writeConfigFile(file, config);
  return { config, created: true };
}
