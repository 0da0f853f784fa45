// Handlers of intake on the resident's behalf: the clerk (signed in at this window) picks the item, adds and
// verifies pages, and submits; the clerk's token is stamped on the application. The router has checked the
// clerk (contract `requires: clerk`): `caller.clerk` is the one signed in at this window.
import type { HandlersFor } from '@easydo/core/services/ipc/router';
import type { CounterDesks } from './wire';

type IntakeChannel = 'intake:begin' | 'intake:materials' | 'intake:addPage' | 'intake:scan' | 'intake:assignPage' | 'intake:verifyPage' | 'intake:removePage' | 'intake:submit';

export function intakeHandlers(d: CounterDesks): HandlersFor<IntakeChannel> {
  const { intake } = d;
  return {
    'intake:begin': async (req, { clerk }) => {
      // Handling time starts when the resident was called to this window, else now.
      const calledAt = d.queue.current(clerk.view.windowNo)?.calledAt;
      return intake.begin(req.itemCode, calledAt ?? Date.now());
    },
    'intake:materials': () => intake.view(),
    'intake:addPage': async (req, { clerk }) => intake.addPage(req.source, req.materialCode, new Uint8Array(Buffer.from(req.imageBase64, 'base64')), clerk.view.staffId),
    'intake:scan': async (req, { clerk }) => ({ pages: await intake.scan(req.materialCode, clerk.view.staffId) }),
    'intake:assignPage': (req) => intake.assign(req.pageId, req.materialCode),
    'intake:verifyPage': (req, { clerk }) => intake.verify(req.pageId, clerk.view.staffId),
    'intake:removePage': async (req) => intake.remove(req.pageId),
    'intake:submit': async (req, { clerk }) => {
      const done = await intake.submit(req, clerk.token);
      // The application is journaled: a workload row that fails to write is logged, never the clerk's submission.
      await d.workload
        .record({ localId: done.result.localId, staffId: clerk.view.staffId, itemCode: done.item.code, startedAt: done.startedAt, submittedAt: Date.now() })
        .catch((err: unknown) => d.ctx.log.warn({ err, localId: done.result.localId }, 'workload record not written'));
      return done.result;
    },
  };
}
