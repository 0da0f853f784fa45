// Handlers of sign-in, documents, pickup, evaluation and workload.
import type { HandlersFor } from '@easydo/core/services/ipc/router';
import type { WorkloadView } from '@easydo/core/contract/schemas/counter-workload';
import { dayOf } from './queue/queue-rules';
import type { CounterDesks } from './wire';

type DeskChannel =
  | 'counter:login' | 'counter:logout' | 'counter:clerk'
  | 'documents:stage' | 'documents:print' | 'pickup:find' | 'pickup:resume'
  | 'evaluation:request' | 'evaluation:submit' | 'evaluation:decline' | 'workload:get';

export function deskHandlers(d: CounterDesks): HandlersFor<DeskChannel> {
  const { clerks, ctx } = d;
  return {
    'counter:login': async (req, caller) => {
      clerks.forgetWindowsExcept(ctx.modes.windows());
      return clerks.login(caller.windowId, req);
    },
    'counter:logout': async (_req, caller) => {
      clerks.logout(caller.windowId);
      // The resident in front of the window leaves with the clerk: nothing of theirs stays behind.
      await ctx.sessions.end('cancelled');
      return { done: true as const };
    },
    'counter:clerk': (_req, caller) => ({ clerk: clerks.peek(caller.windowId)?.view ?? null }),

    'documents:stage': (req) => d.documents.stage(req.localId),
    'documents:print': (req) => d.documents.print(req.localId, req.kind),
    'pickup:find': async (req) => ({ applications: await d.pickup.find(req) }),
    'pickup:resume': (req) => d.pickup.resume(req.localId),

    'evaluation:request': async (req, { clerk }) => {
      await d.evaluation.request(req.localId, clerk.view.staffId, clerk.view.windowNo);
      return { done: true as const };
    },
    'evaluation:submit': async (req) => {
      await d.evaluation.submit(req);
      return { done: true as const };
    },
    'evaluation:decline': (req) => {
      d.evaluation.decline(req.requestId);
      return { done: true as const };
    },

    'workload:get': async (_req, { clerk }) => {
      const today = dayOf(Date.now());
      const summary = await d.workload.summary(clerk.view.staffId, today);
      const ticketsCalled = d.queue.today().filter((t) => t.window === clerk.view.windowNo && t.calledAt !== null).length;
      let platform: WorkloadView['platform'] = null;
      let platformError: string | null = null;
      try {
        const w = await ctx.backend.client.getClerkWorkload(clerk.token);
        platform = {
          applicationsTaken: w.applicationsTaken,
          byStage: Object.entries(w.byStage).map(([stage, count]) => ({ stage, count })),
          ratingsCount: w.ratings.count,
          averageStars: w.ratings.averageStars ?? null,
          reasons: w.ratings.byReason,
          callbacks: w.ratings.callbacks,
        };
      } catch (err) {
        ctx.log.warn({ err }, 'clerk workload from the platform failed');
        platformError = 'The acceptance platform cannot be reached';
      }
      return { staffId: clerk.view.staffId, today: { ...summary, ticketsCalled }, platform, platformError };
    },
  };
}
