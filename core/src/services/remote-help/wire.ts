// The resident's remote-help channels (kiosk mode), mounted by the app's composition root beside the other
// domains. The call screen's camera/microphone claim is held in the ModeRegistry like the capture screen's,
// granted only while a call is live (call-claim.ts).
import type { RemoteHelpKioskChannelName } from '@easydo/core/contract/domains/remote-help';
import type { HandlersFor } from '../ipc/router';
import type { DomainWiring } from '../ipc/domain-wiring';
import type { EventHub } from '../ipc/event-hub';
import type { ModeRegistry } from '../ipc/caller';
import type { TerminalConfig } from '../config/schema';
import type { Logger } from '../logging/logger';
import type { SessionManager } from '../session/session-manager';
import type { ApplicationDesk } from '../applications/application-port';
import { ResidentHelpDesk } from './resident-help-desk';
import { platformLine, type PlatformLineContext } from './platform-line';
import { CallClaim } from './call-claim';
import { REMOTE_HELP_DEFAULTS } from '../config/remote-help';
import type { CardSession } from '../session/card-session';

export interface RemoteHelpWiringOptions {
  /** Overrides config `remoteHelp.ringSeconds` (tests ring for a couple of seconds). */
  ringSeconds?: number;
}

/** The terminal's parts the resident's remote help uses. */
export interface ResidentHelpContext extends PlatformLineContext {
  config(): TerminalConfig;
  log: Logger;
  hub: EventHub;
  modes: ModeRegistry;
  sessions: SessionManager;
  applications: Pick<ApplicationDesk, 'prepare'>;
}

export function wireResidentHelp(ctx: ResidentHelpContext, options: RemoteHelpWiringOptions = {}): DomainWiring<HandlersFor<RemoteHelpKioskChannelName>> & { desk: ResidentHelpDesk } {
  const desk = new ResidentHelpDesk({
    openSocket: platformLine(ctx),
    emit: (name, payload) => ctx.hub.emit(name, payload),
    card: () => ctx.sessions.current()?.card ?? null,
    centreName: () => ctx.config().centreName,
    timeZone: () => ctx.config().timeZone,
    ringSeconds: () => options.ringSeconds ?? ctx.config().remoteHelp?.ringSeconds ?? REMOTE_HELP_DEFAULTS.ringSeconds,
    audit: (action, detail) => ctx.log.info({ audit: action, ...detail }, 'audit'),
    // The form as this session's form:prepare gave it (prefill looked up once per session and item).
    form: async (itemCode) => {
      const session = ctx.sessions.current();
      return session?.card ? (await ctx.applications.prepare(session as CardSession, itemCode)).fields : null;
    },
  });
  const stopListening = ctx.sessions.onEnd(() => desk.sessionEnded());
  // Subscribed before any call can start: the claim follows the desks' own call states (call-claim.ts).
  const claim = new CallClaim(ctx.modes);
  const stopClaims = claim.watch(ctx.hub);
  return {
    desk,
    handlers: {
      'help:state': () => desk.current(),
      'help:request': (req) => desk.request(req.media, req.language),
      'help:hangUp': () => desk.hangUp(),
      'help:signal': (req) => {
        desk.signal(req.signal);
        return { done: true };
      },
      'help:screen': async (req) => {
        await desk.screen(req);
        return { done: true };
      },
      'help:chat': (req) => {
        desk.chat(req.text);
        return { done: true };
      },
      'help:rate': (req) => desk.rate(req.level),
      'help:iceServers': () => ctx.config().remoteHelp?.iceServers ?? [],
      'help:callScreen': (req, caller) => {
        claim.request(caller, req.active);
        return { done: true };
      },
    },
    async close() {
      stopListening();
      desk.close();
      stopClaims();
    },
  };
}
