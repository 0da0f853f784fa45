// Which words a step speaks on arrival (the `voice.*` texts). Most steps have one; two have a state that changes
// what is true: an attract screen out of service must not invite a card, and an offline receipt must not say the
// application was accepted.
import type { ServiceState } from '@easydo/core/contract/schemas/device';
import type { JourneyContext } from './journey-machine';
import type { Step } from './step';

export function arrivalVoice(step: Step, ctx: Pick<JourneyContext, 'receipt'>, service: ServiceState | undefined): string {
  if (step === 'attract' && service?.inService === false) return 'attractOutOfService';
  if (step === 'receipt' && ctx.receipt?.acceptanceNumber === null) return 'receiptOffline';
  return step;
}
