// Loading the config file: JSON validated by the schema; a bad file is reported with every problem, never
// half-applied. A first run on simulators writes a fresh config with a random secret and the dev PIN.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { TerminalConfig } from './schema';
import { hashPin } from '../admin/pin';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid configuration in ${file}:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(raw: unknown, file = '(config)'): TerminalConfig {
  const parsed = TerminalConfig.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      file,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return parsed.data;
}

export function readConfigFile(file: string): TerminalConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(file, [`not readable JSON: ${(error as Error).message}`]);
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

export const DEV_ADMIN_PIN = '246810';

/** The simulator default: used when no config file exists yet (development, demos, tests). */
export function simulatorDefaults(): TerminalConfig {
  return parseConfig({
    terminalId: 'SZ-DEV-0001',
    centreName: '福田区莲花街道党群服务中心',
    terminalSecret: randomBytes(24).toString('base64url'),
    adminPinHash: hashPin(DEV_ADMIN_PIN),
  });
}

export function loadOrCreateConfig(file: string): { config: TerminalConfig; created: boolean } {
  if (existsSync(file)) return { config: readConfigFile(file), created: false };
  const config = simulatorDefaults();
  writeConfigFile(file, config);
  return { config, created: true };
}
