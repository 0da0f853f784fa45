// The sandbox's remote-help hub on its HTTP server: the upgrade signed like every request, clerks known by their
// platform session token (the same table clerkLogin writes).
import type { Server } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { HandlerContext } from '../handlers/context';
import { clerkFromToken } from '../handlers/clerks';
import { attachRemoteHelpHub, type RemoteHelpHub } from './hub';

export function sandboxRemoteHelp(server: Server, ctx: HandlerContext, authenticate: (method: string, url: string, headers: IncomingHttpHeaders, body: Buffer) => string): RemoteHelpHub {
  return attachRemoteHelpHub(server, {
    authenticate,
    now: ctx.now,
    clerkOf: (token) => {
      try {
        const row = clerkFromToken(ctx, token);
        return { staffId: row.staff_id, displayName: row.name, windowNo: row.window_no };
      } catch {
        return null;
      }
    },
  });
}
