// The terminal's line to the platform's remote-help signalling, opened with the terminal's own credentials at the
// backend it already talks to (the city's platform, or the embedded sandbox in development).
import { openRemoteHelpSocket, type RemoteHelpSocket } from '@easydo/backend-client/remote-help/socket';
import type { ServerMessage } from '@easydo/backend-client/remote-help/messages';

/** Where the platform is and who this terminal is (config's terminalId and secret). */
export interface PlatformLineContext {
  config(): { terminalId: string; terminalSecret: string };
  backend: { url: string };
}

export function platformLine(ctx: PlatformLineContext) {
  return (onMessage: (m: ServerMessage) => void, onState: (s: 'up' | 'down') => void): RemoteHelpSocket => {
    const config = ctx.config();
    return openRemoteHelpSocket({ baseUrl: ctx.backend.url, terminalId: config.terminalId, secret: config.terminalSecret, onMessage, onState });
  };
}

/** The platform's messages, for desks outside core (counter) that may not import the backend client. */
export type { ServerMessage as PlatformMessage, ClientMessage as PlatformRequest } from '@easydo/backend-client/remote-help/messages';
export type { RemoteHelpSocket as PlatformLine } from '@easydo/backend-client/remote-help/socket';
