// The resident journey's handlers (kiosk mode): grows with journeyChannels in contract/domains/journey.ts.
import type { JourneyChannelName } from '@easydo/core/contract/channels';
import type { SessionInfo } from '@easydo/core/contract/schemas/journey-session';
import type { HandlersFor } from '../ipc/router';
import { Failure } from '../ipc/failure';
import type { DomainWiring, TerminalContext } from '../terminal/context';
import type { ResidentSession } from '../session/resident-session';
import { toItemGuide } from './guide';
import { toMaskedCard } from '../session/card-record';
import { IDLE_MARGIN_SECONDS, IdleWatch } from './idle-watch';
import { MaterialsDesk } from './materials-desk';
import { itemForCard } from './materials-view';
import { closeSharedPreparer } from '../materials/image/prepare-off-thread';
import { ProgressService } from './progress';
import { submitEvaluation } from './evaluation';

function withCard(ctx: TerminalContext): ResidentSession {
  const session = ctx.sessions.current();
  if (!session?.card) throw new Failure('state', 'Place your ID card on the reader first', 'no-card');
  return session;
}

export async function wireJourney(ctx: TerminalContext): Promise<DomainWiring<HandlersFor<JourneyChannelName>>> {
  const limitSeconds = () => ctx.config().session.idleWarningSeconds + ctx.config().session.idleCountdownSeconds + IDLE_MARGIN_SECONDS;
  const idle = new IdleWatch({ sessions: ctx.sessions, limitSeconds, onError: (err) => ctx.log.warn({ err }, 'idle session end failed') });
  const stopCardWatch = ctx.idReader.cards.onCardRemoved(() => {
    void idle.cardRemoved().catch((err: unknown) => ctx.log.warn({ err }, 'card-removed session end failed'));
  });

  const materials = new MaterialsDesk({ catalogue: ctx.catalogue, client: ctx.backend.client, hub: ctx.hub, log: ctx.log, ocrEngine: ctx.config().ocr.engine });
  ctx.applications.setMaterialsProvider(materials.provider);

  const { scanner, receipts } = ctx;
  const progress = new ProgressService(ctx.backend.client, ctx.applications.journal, ctx.catalogue);

  const info = (): SessionInfo => {
    const s = ctx.sessions.current();
    const { idleWarningSeconds, idleCountdownSeconds } = ctx.config().session;
    return { active: s !== null, guest: s !== null && s.card === null, idleLimitSeconds: limitSeconds(), idleWarningSeconds, idleCountdownSeconds };
  };

  return {
    handlers: {
      // With a card on the session the guide lists that cardholder's materials; a guest sees every variant.
      'catalogue:item': async (req) => toItemGuide(itemForCard(await ctx.catalogue.item(req.itemCode), ctx.sessions.current()?.card?.cardType ?? null)),
      'session:startGuest': async () => {
        await ctx.sessions.start(null);
        return info();
      },
      'session:touch': () => {
        idle.touch();
        return info();
      },
      // The resident answered "another card was placed: end the current session?" (card:other).
      'session:otherCard': async (req) => {
        const started = await ctx.sessions.resolveOtherCard(req.endCurrent);
        if (started?.card) ctx.hub.emit('card:read', toMaskedCard(started.card));
        else idle.touch();
        return info();
      },
      'session:requireCard': (req) => {
        withCard(ctx);
        idle.requireCard(req.required);
        return { done: true as const };
      },
      // Resident actions count as activity; reads and polls do not (a stuck screen polling must not keep a session alive).
      'materials:begin': (req) => {
        idle.touch();
        return materials.begin(withCard(ctx), req.itemCode);
      },
      'materials:addImage': (req) => {
        idle.touch();
        return materials.addImage(withCard(ctx), new Uint8Array(Buffer.from(req.imageBase64, 'base64')), req.source);
      },
      'materials:scan': async () => {
        const session = withCard(ctx);
        materials.list(session); // refuses before the scanner moves when no item was chosen
        if (!scanner) throw new Failure('device', 'This terminal has no scanner', 'noDevice');
        const pages = await scanner.scan();
        idle.touch();
        return { pages: await materials.addScanned(session, pages) };
      },
      'materials:list': () => materials.list(withCard(ctx)),
      'materials:assign': (req) => {
        idle.touch();
        return materials.assign(withCard(ctx), req.pageId, req.materialCode);
      },
      'materials:remove': (req) => {
        idle.touch();
        return materials.remove(withCard(ctx), req.pageId);
      },
      'materials:useCertificate': (req) => {
        idle.touch();
        return materials.useCertificate(withCard(ctx), req.materialCode, req.certificateId);
      },
      // Paper out mid-journey: the receipt comes back unprinted (printed: false) for the screen, never an error.
      'receipt:print': (req) => receipts.printForScreen(withCard(ctx), req.localId, req.language),
      // 补打 proves number + password too: it counts against the same per-number limit as a progress query.
      'receipt:reprint': async (req) => {
        progress.throttle.check(req.acceptanceNumber);
        try {
          const view = await receipts.reprint(ctx.sessions.current(), req.acceptanceNumber, req.queryPassword, req.language);
          progress.throttle.right(req.acceptanceNumber);
          return view;
        } catch (err) {
          if (err instanceof Failure && err.reason === 'query-wrong-password') throw progress.throttle.wrong(req.acceptanceNumber);
          throw err;
        }
      },
      'evaluation:rate': (req, caller) =>
        submitEvaluation(
          { journal: ctx.applications.journal, outbox: ctx.applications.outbox },
          withCard(ctx),
          caller.mode() === 'counter' ? 'counter' : 'kiosk',
          req,
        ),
      'progress:query': (req) => progress.byNumber(req.acceptanceNumber, req.queryPassword),
      'progress:queryQr': (req) => progress.byQr(req.payload),
      'progress:queryByCard': async () => ({ applications: await progress.byCard(withCard(ctx).card!) }),
    },
    async close() {
      stopCardWatch();
      idle.close();
      ctx.applications.setMaterialsProvider(null);
      await materials.close();
      // The page-preparation worker is process-wide (kiosk and counter sessions share it): it ends with the terminal.
      await closeSharedPreparer();
    },
  };
}
