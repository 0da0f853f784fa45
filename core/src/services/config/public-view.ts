// What a screen may see of the configuration: everything except the secrets (the terminal's HMAC secret and
// the maintenance PIN hashes, shared and per maintainer), which are replaced by "is it set" (maintainers: their
// numbers only). The admin form sends secrets write-only; saving keeps the maintainers as they are.
import type { TerminalConfig } from './schema';

export type PublicConfig = Omit<TerminalConfig, 'terminalSecret' | 'adminPinHash' | 'admin'> & {
  admin: Omit<TerminalConfig['admin'], 'operators'> & { operators?: { id: string }[] };
  secretSet: boolean;
  pinSet: boolean;
};

export function publicView(config: TerminalConfig): PublicConfig {
  const { terminalSecret, adminPinHash, ...rest } = config;
  const view = structuredClone(rest);
  const operators = view.admin?.operators;
  return { ...view, ...(operators ? { admin: { ...view.admin, operators: operators.map((o) => ({ id: o.id })) } } : {}), secretSet: terminalSecret.length > 0, pinSet: adminPinHash.length > 0 };
}
