// The resident journey's handlers (kiosk mode): grows with journeyChannels in contract/domains/journey.ts.
import type { JourneyChannelName } from '@easydo/core/contract/channels';
import type { HandlersFor } from '../ipc/router';
import type { DomainWiring, TerminalContext } from '../terminal/context';

export async function wireJourney(_ctx: TerminalContext): Promise<DomainWiring<HandlersFor<JourneyChannelName>>> {
  return { handlers: {}, close: async () => {} };
}
