// Handlers of the queue channels. Tickets are taken at kiosks and counters; the rest needs a signed-in clerk
// (contract `requires: clerk`, checked by the router), whose window number is the calling window.
import type { HandlersFor } from '@easydo/core/services/ipc/router';
import type { ClerkOnDuty } from '@easydo/core/services/ipc/preconditions';
import type { TicketRecord } from './queue/queue-rules';
import type { CounterDesks } from './wire';

type QueueChannel = 'queue:categories' | 'queue:takeTicket' | 'queue:view' | 'queue:call' | 'queue:recall' | 'queue:skip' | 'queue:transfer' | 'queue:finish';

export function queueHandlers(d: CounterDesks): HandlersFor<QueueChannel> {
  const { queue, ctx } = d;
  const windowOf = async ({ clerk }: { clerk: ClerkOnDuty }) => {
    await d.ensureCategories();
    return clerk.view.windowNo;
  };
  const changed = () => ctx.hub.emit('queue:changed', { waiting: queue.waitingCount() });
  const announce = (t: TicketRecord, { recall }: { recall: boolean }) => {
    const v = queue.view(t);
    ctx.hub.emit('queue:called', { number: v.number, windowNo: t.window ?? '', categoryName: v.categoryName, priority: v.priority, recall });
  };
  return {
    'queue:categories': async () => {
      await d.ensureCategories();
      return queue.viewFor('').categories;
    },
    'queue:takeTicket': async (req, caller) => {
      await d.ensureCategories();
      const taken = await queue.take(req.category, { priority: req.priority, source: caller.mode() === 'kiosk' ? 'kiosk' : 'counter' });
      changed();
      return taken;
    },
    'queue:view': async (_req, caller) => queue.viewFor(await windowOf(caller)),
    'queue:call': async (req, caller) => {
      const t = await queue.call(await windowOf(caller), req.ticketId);
      if (t) announce(t, { recall: false });
      changed();
      return t ? queue.view(t) : null;
    },
    'queue:recall': async (_req, caller) => {
      const t = await queue.recall(await windowOf(caller));
      announce(t, { recall: true });
      return queue.view(t);
    },
    'queue:skip': async (_req, caller) => {
      const t = await queue.skip(await windowOf(caller));
      changed();
      return queue.view(t);
    },
    'queue:transfer': async (req, caller) => {
      const t = await queue.transfer(await windowOf(caller), { ...(req.category ? { category: req.category } : {}), ...(req.windowNo ? { windowNo: req.windowNo } : {}) });
      changed();
      return queue.view(t);
    },
    'queue:finish': async (_req, caller) => {
      await queue.finish(await windowOf(caller));
      changed();
      return { done: true as const };
    },
  };
}
