// The resident journey's handlers (kiosk mode): grows with journeyChannels in contract/domains/journey.ts.
import type { JourneyChannelName } from '@easydo/core/contract/channels';
import type { HandlersFor } from '../ipc/router';
import { Failure } from '../ipc/failure';
import type { DomainWiring, TerminalContext } from '../terminal/context';

const notYet = (): never => {
  throw new Failure('state', 'not available yet');
};

export async function wireJourney(_ctx: TerminalContext): Promise<DomainWiring<HandlersFor<JourneyChannelName>>> {
  return {
    handlers: {
      'catalogue:item': notYet,
      'session:startGuest': notYet,
      'session:touch': notYet,
      'session:requireCard': notYet,
      'materials:begin': notYet,
      'materials:addImage': notYet,
      'materials:scan': notYet,
      'materials:list': notYet,
      'materials:assign': notYet,
      'materials:remove': notYet,
      'materials:useCertificate': notYet,
      'receipt:print': notYet,
      'receipt:reprint': notYet,
      'evaluation:submit': notYet,
      'progress:query': notYet,
      'progress:queryQr': notYet,
      'progress:queryByCard': notYet,
    },
    close: async () => {},
  };
}
