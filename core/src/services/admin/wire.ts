// Admin (maintenance) handlers: grows with adminChannels in contract/domains/admin.ts.
import type { AdminChannelName } from '@easydo/core/contract/channels';
import type { HandlersFor } from '../ipc/router';
import type { DomainWiring, TerminalContext } from '../terminal/context';

export async function wireAdmin(_ctx: TerminalContext): Promise<DomainWiring<HandlersFor<AdminChannelName>>> {
  return { handlers: {}, close: async () => {} };
}
