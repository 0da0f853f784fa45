// What a screen may see of the configuration: everything except the secrets (the terminal's HMAC secret and
// the maintenance PIN hashes, shared and per maintainer), which are replaced by "is it set" (maintainers: their
// numbers only), and remote help's TURN credentials (left out; a save keeps each server's credential while its
// urls and username stay the same, keptIceCredentials). The admin form sends secrets write-only; saving keeps the
// maintainers as they are.
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
  if (view.remoteHelp) view.remoteHelp.iceServers = view.remoteHelp.iceServers.map(({ credential: _c, ...server }) => server);
  return { ...view, ...(operators ? { admin: { ...view.admin, operators: operators.map((o) => ({ id: o.id })) } } : {}), secretSet: terminalSecret.length > 0, pinSet: adminPinHash.length > 0 };
}

type IceServer = NonNullable<TerminalConfig['remoteHelp']>['iceServers'][number];
const sameServer = (a: { urls?: unknown; username?: unknown }, b: IceServer) => JSON.stringify(a.urls) === JSON.stringify(b.urls) && a.username === b.username;

/** The form's (or a push's) ICE servers with the credential put back where the view left it out. */
export function keptIceCredentials(incoming: unknown, before: TerminalConfig): unknown {
  const servers = before.remoteHelp?.iceServers ?? [];
  if (!Array.isArray(incoming)) return incoming;
  return incoming.map((server: unknown) => {
    if (typeof server !== 'object' || server === null || 'credential' in server) return server;
    const kept = servers.find((b) => sameServer(server, b))?.credential;
    return kept === undefined ? server : { ...server, credential: kept };
  });
}
