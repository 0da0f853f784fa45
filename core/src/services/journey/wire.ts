// The resident journey's handlers (kiosk mode): grows with journeyChannels in contract/domains/journey.ts.
// The router has checked each channel's preconditions (contract `requires`): `caller.card` is the session with
// its card. Resident activity (contract `residentActivity`) reaches the idle watch through this domain's guard.
import type { JourneyChannelName } from '@easydo/core/contract/channels';
import type { SessionInfo } from '@easydo/core/contract/schemas/journey-session';
import type { HandlersFor } from '../ipc/router';
import { Failure } from '../errors/failure';
import type { DomainWiring } from '../ipc/domain-wiring';
import type { EventHub } from '../ipc/event-hub';
import type { TerminalConfig } from '../config/schema';
import type { Logger } from '../logging/logger';
import type { SessionManager } from '../session/session-manager';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { DomainDesk } from '../applications/application-desk';
import type { DeviceManager } from '../devices/device-manager';
import type { CardSource } from '../devices/card-source';
import type { ScannerBundle } from '../devices/scanner';
import type { ReceiptDesk } from '../receipts/receipt-desk';
import type { BackendClient } from '@easydo/backend-client/client';
import { toItemGuide } from './guide';
import { toMaskedCard } from '../session/card-record';
import { IDLE_MARGIN_SECONDS, IdleWatch } from './idle-watch';
import { MaterialsDesk } from './materials-desk';
import { formTexts } from './material-checks';
import { itemForCardFamily } from '../materials/checklist';
import { closeSharedPreparer } from '../materials/image/prepare-off-thread';
import { ProgressService } from './progress';
import { submitEvaluation } from './evaluation';
import { reprintProof } from './reprint-proof';
import { ReceiptSmsOnce } from '../receipts/receipt-sms';

/** The terminal's parts the resident's journey uses (the composition root hands them over). */
export interface JourneyContext {
  config(): TerminalConfig;
  log: Logger;
  hub: EventHub;
  sessions: SessionManager;
  catalogue: CatalogueService;
  backend: { client: BackendClient };
  applications: DomainDesk;
  devices: Pick<DeviceManager, 'serviceState'>;
  idReader: { cards: Pick<CardSource, 'onCardRemoved'> };
  scanner: ScannerBundle | null;
  receipts: ReceiptDesk;
}

export async function wireJourney(ctx: JourneyContext): Promise<DomainWiring<HandlersFor<JourneyChannelName>>> {
  const limitSeconds = () => ctx.config().session.idleWarningSeconds + ctx.config().session.idleCountdownSeconds + IDLE_MARGIN_SECONDS;
  const idle = new IdleWatch({ sessions: ctx.sessions, limitSeconds, onError: (err) => ctx.log.warn({ err }, 'idle session end failed') });
  const stopCardWatch = ctx.idReader.cards.onCardRemoved(() => {
    void idle.cardRemoved().catch((err: unknown) => ctx.log.warn({ err }, 'card-removed session end failed'));
  });

  const materials = new MaterialsDesk({ catalogue: ctx.catalogue, client: ctx.backend.client, hub: ctx.hub, log: ctx.log, ocrEngine: ctx.config().ocr.engine });

  const { scanner, receipts } = ctx;
  const progress = new ProgressService(ctx.backend.client, ctx.applications.records, ctx.catalogue);
  const receiptSms = new ReceiptSmsOnce();

  const info = (): SessionInfo => {
    const s = ctx.sessions.current();
    const { idleWarningSeconds, idleCountdownSeconds } = ctx.config().session;
    return { active: s !== null, guest: s !== null && s.card === null, idleLimitSeconds: limitSeconds(), idleWarningSeconds, idleCountdownSeconds };
  };

  return {
    guards: { residentActivity: () => idle.touch() },
    handlers: {
      // With a card on the session the guide lists that cardholder's materials; a guest sees every variant.
      'catalogue:item': async (req) => toItemGuide(itemForCardFamily(await ctx.catalogue.item(req.itemCode), ctx.sessions.current()?.card?.cardType ?? null)),
      // A page opened or reloaded while a visit lingers: a guest's is carried on (it holds nobody's data); a
      // cardholder's is wiped and told as 'superseded', which the screen starting this visit does not take as its end.
      'session:startGuest': async () => {
        const lingering = ctx.sessions.current();
        if (lingering && !lingering.isEnded && lingering.card === null) return info();
        if (lingering) await ctx.sessions.end('superseded');
        await ctx.sessions.start(null);
        return info();
      },
      'session:touch': () => info(),
      // The resident answered "another card was placed: end the current session?" (card:other).
      'session:otherCard': async (req) => {
        const started = await ctx.sessions.resolveOtherCard(req.endCurrent);
        if (started?.card) ctx.hub.emit('card:read', toMaskedCard(started.card));
        return info();
      },
      'session:requireCard': (req) => {
        idle.requireCard(req.required);
        return { done: true as const };
      },
      'form:prepare': (req, caller) => ctx.applications.prepare(caller.card, req.itemCode),
      // The materials this session captured go with the submission; their images and OCR text are wiped once it is journaled.
      'application:submit': async (req, caller) => {
        if (!ctx.devices.serviceState().canSubmit) throw new Failure('device', 'Submission is out of service', 'out-of-service');
        const captured = await materials.forSubmission(caller.card, req.itemCode);
        return ctx.applications.submit(caller.card, req, captured ? { materials: captured.materials, materialChecks: captured.materialChecks, onJournaled: captured.journaled } : {});
      },
      // The pages are checked against the form as it will be submitted: typed values over the card's and the library's.
      'materials:begin': async (req, caller) =>
        materials.begin(caller.card, req.itemCode, formTexts(await ctx.applications.formAsSubmitted(caller.card, req.itemCode, req.form ?? {}))),
      'materials:addImage': (req, caller) => materials.addImage(caller.card, new Uint8Array(Buffer.from(req.imageBase64, 'base64')), req.source),
      'materials:scan': async (_req, caller) => {
        materials.list(caller.card); // refuses before the scanner moves when no item was chosen
        if (!scanner) throw new Failure('device', 'This terminal has no scanner', 'noDevice');
        const pages = await scanner.scan();
        return { pages: await materials.addScanned(caller.card, pages) };
      },
      'materials:list': (_req, caller) => materials.list(caller.card),
      'materials:assign': (req, caller) => materials.assign(caller.card, req.pageId, req.materialCode),
      'materials:remove': (req, caller) => materials.remove(caller.card, req.pageId),
      'materials:useCertificate': (req, caller) => materials.useCertificate(caller.card, req.materialCode, req.certificateId),
      // Paper out mid-journey: the receipt comes back unprinted (printed: false) for the screen, never an error.
      'receipt:print': (req, caller) => receipts.printForScreen(caller.card, req.localId, req.language),
      'receipt:sms': (req, caller) => {
        // Read per call: the switch is live, and a screen opened before it was turned off may still offer the button.
        if (!ctx.config().receiptSms) throw new Failure('state', 'This terminal does not send receipt SMS', 'sms-off');
        return receiptSms.send({ journal: ctx.applications.records, client: ctx.backend.client }, caller.card, caller.card.card, req.localId);
      },
      // 补打 proves number + password (or the slip's QR token) too: it counts against the same per-number limit as a
      // progress query.
      'receipt:reprint': async (req) => {
        const asked = reprintProof(req);
        progress.throttle.check(asked.acceptanceNumber);
        try {
          const session = ctx.sessions.current();
          const view = 'progressToken' in asked
            ? await receipts.reprintByLink(session, asked.acceptanceNumber, asked.progressToken, req.language)
            : await receipts.reprint(session, asked.acceptanceNumber, asked.queryPassword, req.language);
          progress.throttle.right(asked.acceptanceNumber);
          return view;
        } catch (err) {
          if (err instanceof Failure && err.reason === 'query-wrong-password') throw progress.throttle.wrong(asked.acceptanceNumber);
          throw err;
        }
      },
      'evaluation:rate': (req, caller) =>
        submitEvaluation(
          { journal: ctx.applications.records, outbox: ctx.applications.delivery },
          caller.card,
          caller.mode() === 'counter' ? 'counter' : 'kiosk',
          req,
        ),
      'progress:query': (req) => progress.byNumber(req.acceptanceNumber, req.queryPassword),
      'progress:queryQr': (req) => progress.byQr(req.payload),
      'progress:queryByCard': async (_req, caller) => ({ applications: await progress.byCard(caller.card.card) }),
    },
    async close() {
      stopCardWatch();
      idle.close();
      await materials.close();
      // The page-preparation worker is process-wide (kiosk and counter sessions share it): it ends with the terminal.
      await closeSharedPreparer();
    },
  };
}
