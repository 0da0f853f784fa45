// Handlers of intake on the resident's behalf: the clerk (signed in at this window) picks the item, adds and
// verifies pages, and submits; the clerk's token is stamped on the application.
import type { HandlersFor } from '@easydo/core/services/ipc/router';
import type { CounterDesks } from './wire';

type IntakeChannel = 'intake:begin' | 'intake:materials' | 'intake:addPage' | 'intake:scan' | 'intake:assignPage' | 'intake:verifyPage' | 'intake:removePage' | 'intake:submit';

export function intakeHandlers(d: CounterDesks): HandlersFor<IntakeChannel> {
  const { intake, clerks } = d;
  return {
    'intake:begin': async (req, caller) => {
      const clerk = clerks.require(caller.windowId);
      // Handling time starts when the resident was called to this window, else now.
      const calledAt = d.queue.current(clerk.view.windowNo)?.calledAt;
      return intake.begin(req.itemCode, calledAt ?? Date.now());
    },
    'intake:materials': (_req, caller) => {
      clerks.require(caller.windowId);
      return intake.view();
    },
    'intake:addPage': async (req, caller) => {
      const clerk = clerks.require(caller.windowId);
      return intake.addPage(req.source, req.materialCode, new Uint8Array(Buffer.from(req.imageBase64, 'base64')), clerk.view.staffId);
    },
    'intake:scan': async (req, caller) => ({ pages: await intake.scan(req.materialCode, clerks.require(caller.windowId).view.staffId) }),
    'intake:assignPage': (req, caller) => {
      clerks.require(caller.windowId);
      return intake.assign(req.pageId, req.materialCode);
    },
    'intake:verifyPage': (req, caller) => intake.verify(req.pageId, clerks.require(caller.windowId).view.staffId),
    'intake:removePage': async (req, caller) => {
      clerks.require(caller.windowId);
      return intake.remove(req.pageId);
    },
    'intake:submit': async (req, caller) => {
      const clerk = clerks.require(caller.windowId);
      const done = await intake.submit(req, clerk.token);
      d.workload.record({ localId: done.result.localId, staffId: clerk.view.staffId, itemCode: done.item.code, startedAt: done.startedAt, submittedAt: Date.now() });
      return done.result;
    },
  };
}
