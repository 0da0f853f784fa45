// Which words a step speaks on arrival (the `voice.*` texts), if any. In elder mode every screen speaks its
// instruction on arrival (MIIT 适老化); otherwise only on demand (the 语音 control), so a hall of terminals is not a
// hall of voices — states and errors still speak for themselves. Two steps have a state that changes what is
// true: an attract screen out of service must not invite a card, and an offline receipt must not say the
// application was accepted.
import type { ServiceState } from '@easydo/core/contract/schemas/device';
import type { JourneyContext } from './journey-machine';
import type { Step } from './step';

export function arrivalVoice(step: Step, ctx: Pick<JourneyContext, 'receipt'>, service: ServiceState | undefined, elder: boolean): string | null {
  if (!elder) return null;
  if (step === 'attract' && service?.inService === false) return 'attractOutOfService';
  if (step === 'receipt' && ctx.receipt?.acceptanceNumber === null) return 'receiptOffline';
  return step;
}
