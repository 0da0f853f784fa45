// The config version a terminal reports: a content hash of its configuration without the secrets (so the
// console can tell at a glance which terminals run the same settings, and a push can say which version it
// expects). Key order does not matter; any value that changes changes the version.
import { createHash } from 'node:crypto';
import type { TerminalConfig } from '../config/schema';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function configVersion(config: TerminalConfig): string {
  const { terminalSecret: _s, adminPinHash: _p, ...rest } = config;
  return createHash('sha256').update(JSON.stringify(canonical(rest))).digest('hex').slice(0, 16);
}
