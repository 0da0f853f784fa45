// Submitting an application: written to the journal (with its idempotency key) before any network attempt,
// then delivered by the outbox. The caller passes everything the application carries: the card session, the
// request and the materials (built PDFs, chosen certificates); the desk asks nobody back for them. The resident
// waits a bounded time for the acceptance number; if the backend does not answer in time the application stays
// queued and the receipt says so honestly ("已提交，待受理").
import { assertCardAccepted } from '../session/card-record';
import { itemForCardFamily } from '../materials/checklist';
import path from 'node:path';
import type { BackendClient } from '@easydo/backend-client/client';
import { JournalError, openJournal, type Journal, type LocalApplication } from '@easydo/backend-client/outbox/journal';
import { createOutbox, type Outbox } from '@easydo/backend-client/outbox/outbox';
import { createKeyFileProvider } from '@easydo/backend-client/outbox/key-file-provider';
import type { KeyProvider } from '@easydo/backend-client/outbox/crypto';
import type { FormValue, SubmitApplicationResponse } from '@easydo/core/contract/schemas/application';
import type { TerminalConfig } from '../config/schema';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { Logger } from '../logging/logger';
import type { ApplicationDesk } from './application-port';
import type { CardSession } from '../session/card-session';
import { buildApplicant, mergeForm } from './submission';
import { SessionPrefill } from './session-prefill';
import { validateForm } from './form-validation';
import { toPreparedForm } from './form-view';
import { signatureMaterial } from './signature';
import { Failure } from '../errors/failure';
import { identityOf } from '../session/session-identity';

export interface ApplicationDeskOptions {
  config: TerminalConfig;
  dataDir: string;
  client: BackendClient;
  catalogue: CatalogueService;
  log: Logger;
  keyProvider?: KeyProvider;
  /** How long the resident waits for the number before getting the offline receipt. */
  waitForNumberMs?: number;
}

/**
 * What the domains may do with journaled applications: read them and record what happened at the terminal
 * (the receipt printed, the 好差评). Writing applications, delivering, purging and the crypto stay with the desk.
 */
export type ApplicationRecords = Pick<Journal, 'get' | 'list' | 'setAside' | 'markReceiptPrinted' | 'recordEvaluation'>;
/** What the domains may see and ask of delivery: its status and the admin's "drain now". */
export type Delivery = Pick<Outbox, 'status' | 'lastStatus' | 'drainNow'>;

/** The desk as the domains get it (TerminalContext.applications): never the journal or the outbox themselves. */
export interface DomainDesk extends ApplicationDesk {
  records: ApplicationRecords;
  delivery: Delivery;
  /**
   * A counter application set aside because its clerk's token was refused (needs-clerk), sent again with a
   * signed-in clerk's token under its own idempotency key; waits for the number like submit().
   */
  resubmit(localId: string, clerkToken: string): Promise<SubmitApplicationResponse>;
}

/** The desk as the composition root (and the tests through it) hold it. */
export interface RunningDesk extends DomainDesk {
  journal: Journal;
  outbox: Outbox;
  close(): Promise<void>;
}

/** A short code for the offline receipt, derived from the local id (no personal data in it). */
export function trackingCodeOf(localId: string): string {
  return localId.replaceAll('-', '').slice(0, 10).toUpperCase();
}

export function toResponse(app: LocalApplication): SubmitApplicationResponse {
  // Set aside for a person (refused, clerk token refused, unreadable): for the resident it is journaled, not lost.
  const localStage = app.state === 'failed' || app.state === 'needs-clerk' || app.state === 'quarantined' ? 'submitted-locally' : app.state;
  return {
    localId: app.localId,
    localStage,
    acceptanceNumber: app.receipt?.acceptanceNumber ?? null,
    queryPassword: app.receipt?.queryPassword ?? null,
    trackingCode: trackingCodeOf(app.localId),
    serverStage: app.receipt?.stage ?? null,
  };
}

export async function createApplicationDesk(options: ApplicationDeskOptions): Promise<RunningDesk> {
  const journal = await openJournal({
    file: path.join(options.dataDir, 'journal.sqlite'),
    keyProvider: options.keyProvider ?? createKeyFileProvider(path.join(options.dataDir, 'journal.key')),
  });
  const outbox = createOutbox({
    journal,
    client: options.client,
    retentionMs: options.config.retentionDays * 86_400_000,
    onChange: (c) => options.log.info({ localId: c.localId, state: c.state }, 'outbox change'),
  });
  outbox.start();
  const waitMs = options.waitForNumberMs ?? 5000;
  const prefills = new SessionPrefill(options.client);
  // This application now, within the resident's wait; the rest of the queue keeps its back-off.
  const waitForNumber = (localId: string) => outbox.deliverNow(localId, waitMs);

  async function formOf(session: CardSession, itemCode: string, typed: Record<string, FormValue>) {
    // The fields of this card's family only (no 户籍地址 asked of a permit holder), as form:prepare showed them.
    const item = itemForCardFamily(await options.catalogue.item(itemCode), session.card.cardType);
    assertCardAccepted(session.card, item);
    return { item, form: mergeForm(item, await prefills.for(session, item), typed) };
  }

  return {
    journal,
    outbox,
    records: journal,
    delivery: outbox,
    async prepare(session, itemCode) {
      const item = itemForCardFamily(await options.catalogue.item(itemCode), session.card.cardType);
      assertCardAccepted(session.card, item);
      return toPreparedForm(item, await prefills.for(session, item));
    },
    formAsSubmitted: async (session, itemCode, typed) => (await formOf(session, itemCode, typed)).form,
    async submit(session, request, extras = {}) {
      const card = session.card;
      const { item, form } = await formOf(session, request.itemCode, request.form);
      const issues = validateForm(item, form);
      if (issues.length > 0) throw new Failure('validation', 'Some fields need attention', 'form-invalid', issues);
      const signature = request.signaturePng ? [signatureMaterial(request.signaturePng)] : [];
      const local = await journal.enqueue(
        {
          itemCode: item.code,
          applicant: buildApplicant(card, identityOf(session)?.method),
          channel: extras.channel ?? 'kiosk',
          form,
          ...(extras.clerkToken ? { clerkToken: extras.clerkToken } : {}),
          ...(extras.materialChecks && Object.keys(extras.materialChecks).length > 0 ? { materialChecks: extras.materialChecks } : {}),
        },
        [...(extras.materials ?? []), ...signature],
      );
      options.log.info({ localId: local.localId, itemCode: item.code }, 'application journaled');
      // The PDFs are sealed in the journal now: the page images and OCR text are no longer needed.
      await extras.onJournaled?.().catch((err: unknown) => options.log.warn({ err }, 'materials wipe after journaling failed'));
      await waitForNumber(local.localId);
      return toResponse(await journal.get(local.localId));
    },
    async resubmit(localId, clerkToken) {
      try {
        await journal.reauthorise(localId, clerkToken);
      } catch (e) {
        if (!(e instanceof JournalError)) throw e;
        if (e.code === 'not_found') throw new Failure('validation', 'Unknown application', 'not-found');
        if (e.code === 'purged') throw new Failure('state', 'This application is past the retention period', 'purged');
        throw new Failure('state', 'This application is not waiting for a clerk', 'not-pending');
      }
      options.log.info({ localId }, 'application re-authorised by a clerk');
      await waitForNumber(localId);
      return toResponse(await journal.get(localId));
    },
    async close() {
      await outbox.stop();
      await journal.close();
    },
  };
}
