// What a screen may see of the configuration: everything except the secrets (the terminal's HMAC secret and
// the maintenance PIN hash), which are replaced by "is it set". The admin form sends secrets write-only.
import type { TerminalConfig } from './schema';

export type PublicConfig = Omit<TerminalConfig, 'terminalSecret' | 'adminPinHash'> & { secretSet: boolean; pinSet: boolean };

export function publicView(config: TerminalConfig): PublicConfig {
  const { terminalSecret, adminPinHash, ...rest } = config;
  return { ...structuredClone(rest), secretSet: terminalSecret.length > 0, pinSet: adminPinHash.length > 0 };
}
