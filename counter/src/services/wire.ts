// Counter-mode handlers (clerks, queue, intake, verification, documents, evaluation, workload), mounted by the
// kiosk app's composition root. The desks live here; each area's handlers are in its own wire-* file.
import path from 'node:path';
import type { CounterChannelName } from '@easydo/core/contract/channels';
import type { RemoteHelpCounterChannelName } from '@easydo/core/contract/domains/remote-help';
import type { HandlersFor } from '@easydo/core/services/ipc/router';
import type { TerminalContext } from '@easydo/core/services/terminal/context';
import type { DomainWiring } from '@easydo/core/services/ipc/domain-wiring';
import { ClerkDesk } from './clerk/clerk-desk';
import { QueueDesk, categoryDefs, type QueueCategoryDef } from './queue/queue-desk';
import { IntakeDesk } from './intake/intake-desk';
import { DocumentDesk } from './documents/document-desk';
import { PickupDesk } from './pickup/pickup-desk';
import { EvaluationDesk } from './evaluation/evaluation-desk';
import { HeldDesk } from './held/held-desk';
import { queueHandlers } from './wire-queue';
import { intakeHandlers } from './wire-intake';
import { deskHandlers } from './wire-desk';
import { heldHandlers } from './wire-held';
import { HelperDesk } from './remote-help/helper-desk';
import { remoteHelpHandlers } from './remote-help/wire-remote-help';
import { platformLine } from '@easydo/core/services/remote-help/platform-line';
import { openCounterDb, type WorkloadPort } from './store/counter-db';

export interface CounterDesks {
  ctx: TerminalContext;
  clerks: ClerkDesk;
  queue: QueueDesk;
  ensureCategories(): Promise<void>;
  workload: WorkloadPort;
  intake: IntakeDesk;
  documents: DocumentDesk;
  pickup: PickupDesk;
  evaluation: EvaluationDesk;
  held: HeldDesk;
}

export async function wireCounter(ctx: TerminalContext): Promise<DomainWiring<HandlersFor<CounterChannelName | RemoteHelpCounterChannelName>> & { clerkSignedIn(): boolean }> {
  // counter.sqlite on its own thread (store/counter-db.ts): an fsync never stalls the router or the devices.
  const db = await openCounterDb({ file: path.join(ctx.dataDir, 'counter.sqlite') });
  let categories: QueueCategoryDef[] = [];
  const ensureCategories = async () => {
    if (categories.length === 0) categories = categoryDefs((await ctx.catalogue.get()).categories);
  };
  await ensureCategories().catch((err: unknown) => ctx.log.warn({ err }, 'queue categories not loaded yet'));
  const { workload, help: helpLedger } = db;
  const helper = new HelperDesk({
    openSocket: platformLine(ctx),
    emit: (name, payload) => ctx.hub.emit(name, payload),
    ledger: helpLedger,
    audit: (action, detail) => ctx.log.info({ audit: action, ...detail }, 'audit'),
    warn: (detail, message) => ctx.log.warn(detail, message),
  });
  const desks: CounterDesks = {
    ctx,
    clerks: new ClerkDesk({
      client: ctx.backend.client,
      audit: (action, detail) => ctx.log.info({ audit: action, ...detail }, 'audit'),
      // A clerk who signs out (or is signed out when idle) no longer offers remote help from here, nor stays in a call.
      onSignedOut: (staffId) => helper.withdraw(staffId),
    }),
    queue: await QueueDesk.open({ store: db.queue, categories: () => categories }),
    ensureCategories,
    workload,
    intake: new IntakeDesk(ctx, () => ctx.hub.emit('intake:materialsChanged', {})),
    documents: new DocumentDesk(ctx),
    pickup: new PickupDesk(ctx),
    evaluation: new EvaluationDesk(ctx, (localId, level, feedback) => workload.rate(localId, level, feedback)),
    held: new HeldDesk(ctx, (localId) => workload.staffOf(localId)),
  };
  return {
    // The contract's `clerk` precondition: the clerk signed in at the calling window (counts as their activity).
    guards: { clerk: (caller) => desks.clerks.require(caller.windowId) },
    clerkSignedIn: () => desks.clerks.anySignedIn(),
    handlers: { ...queueHandlers(desks), ...intakeHandlers(desks), ...deskHandlers(desks), ...heldHandlers(desks), ...remoteHelpHandlers(helper, helpLedger) },
    async close() {
      helper.close();
      await desks.intake.close();
      await db.close();
    },
  };
}
