// Identity by phone code: its handlers (contract/domains/identity.ts), built on the terminal's context and the
// 2D scanner bundle. The development panel's "show a code" asks the embedded sandbox for a synthetic resident's
// dynamic code (through the simulated scanner's control, which lives in the development composition only) and
// holds it in front of the simulated scanner.
import type { IdentityChannelName } from '@easydo/core/contract/channels';
import type { HandlersFor } from '../ipc/router';
import { Failure } from '../errors/failure';
import type { SessionManager } from '../session/session-manager';
import type { BackendClient } from '@easydo/backend-client/client';
import type { Sandbox } from '@easydo/backend-client/sandbox/server';
import type { QrScannerBundle } from '../devices/qr-scanner';
import { IdentityDesk, type IdentityDeskDeps } from './identity-desk';

export interface IdentityWiring {
  desk: IdentityDesk;
  handlers: HandlersFor<IdentityChannelName>;
  /** Stops listening for the session's end and cancels a scan still waiting (the terminal closes). */
  close(): void;
}

/** The terminal's parts identity by phone code uses. */
export interface IdentityContext {
  config: IdentityDeskDeps['config'];
  sessions: SessionManager;
  /** The sandbox only in development (the simulated scanner shows its synthetic residents' codes). */
  backend: { client: BackendClient; sandbox: Sandbox | null };
}

export function wireIdentity(ctx: IdentityContext, qr: QrScannerBundle | null): IdentityWiring {
  const desk = new IdentityDesk({ scanner: qr?.scanner ?? null, client: ctx.backend.client, sessions: ctx.sessions, config: ctx.config });
  const offSessionEnd = ctx.sessions.onEnd(() => desk.cancel());
  return {
    desk,
    close() {
      offSessionEnd();
      desk.cancel();
    },
    handlers: {
      'identity:options': () => desk.options(),
      'identity:scanCode': (req) => desk.scanCode(req.codeKind),
      'identity:confirmWithCode': (req, caller) => desk.confirmWithCode(caller.card, req.codeKind),
      'identity:cancelScan': () => {
        desk.cancel();
        return { done: true as const };
      },
      'identity:itemNeed': (req, caller) => desk.itemNeed(caller.card, req.itemCode),
      'qr:scanReceipt': () => desk.scanReceipt(),
      'sim:showReceiptQr': (req) => {
        if (!qr?.simulator) throw new Failure('forbidden', 'The 2D scanner is not simulated here', 'not-simulated');
        qr.simulator.present(req.payload);
        return { done: true as const };
      },
      'sim:showCode': async (req) => {
        const sandbox = ctx.backend.sandbox;
        if (!qr?.simulator || !sandbox) throw new Failure('forbidden', 'The 2D scanner or the backend is not simulated here', 'not-simulated');
        qr.simulator.present(await qr.simulator.sandboxCode(sandbox, req));
        return { done: true as const };
      },
    },
  };
}
