// Counter-mode handlers (clerks, queue, intake, verification, documents, workload): grows with
// counterChannels in core/src/contract/domains/counter.ts. Mounted by the kiosk app's composition root.
import type { CounterChannelName } from '@easydo/core/contract/channels';
import type { HandlersFor } from '@easydo/core/services/ipc/router';
import type { DomainWiring, TerminalContext } from '@easydo/core/services/terminal/context';

export async function wireCounter(_ctx: TerminalContext): Promise<DomainWiring<HandlersFor<CounterChannelName>>> {
  return { handlers: {}, close: async () => {} };
}
