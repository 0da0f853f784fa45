// The clerk's remote-help channels: every one needs a signed-in clerk (the router's `clerk` guard), whose platform
// token proves to the platform who offers and who answers.
import type { RemoteHelpCounterChannelName } from '@easydo/core/contract/domains/remote-help';
import type { HandlersFor } from '@easydo/core/services/ipc/router';
import type { HelperDesk } from './helper-desk';
import type { HelpLedgerPort } from '../store/counter-db';

import type { ClerkOnDuty } from '@easydo/core/services/ipc/preconditions';

const who = ({ clerk }: { clerk: ClerkOnDuty }) => ({ staffId: clerk.view.staffId, token: clerk.token });

export function remoteHelpHandlers(desk: HelperDesk, ledger: Pick<HelpLedgerPort, 'today'>): HandlersFor<RemoteHelpCounterChannelName> {
  const done = { done: true as const };
  return {
    'helper:offer': (req, caller) => desk.offer(who(caller), req.available),
    'helper:queue': (_req, caller) => desk.queue(who(caller).staffId),
    'helper:answer': (req, caller) => desk.answer(who(caller), req.callId),
    'helper:call': () => desk.current(),
    'helper:signal': (req) => (desk.signal(req.signal), done),
    'helper:highlight': (req) => (desk.guide({ kind: 'highlight', controlId: req.controlId }), done),
    'helper:suggest': (req) => (desk.guide({ kind: 'suggest', text: req.text }), done),
    'helper:precheck': (req) => (desk.guide({ kind: 'precheck', pageId: req.pageId, verdict: req.verdict, ...(req.reason ? { reason: req.reason } : {}), ...(req.note ? { note: req.note } : {}) }), done),
    'helper:chat': (req) => (desk.guide({ kind: 'chat', text: req.text }), done),
    'helper:hangUp': () => desk.hangUp(),
    'helper:workload': (_req, caller) => ledger.today(who(caller).staffId, Date.now()),
  };
}
