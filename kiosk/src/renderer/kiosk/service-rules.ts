// What the terminal's service state means for this resident. New visits need every required device
// (inService); a visit already under way may still submit when only the receipt printer stopped (canSubmit):
// its receipt is shown on screen and printed again once the printer is back.
import type { ServiceState } from '@easydo/core/contract/schemas/device';

/** Whether 开始办理 / 确认并提交 are open to this visit. Unknown state (not loaded yet): main decides. */
export function canApply(service: ServiceState | undefined, startedInService: boolean): boolean {
  if (!service) return true;
  return service.inService || (startedInService && service.canSubmit);
}

export type PrinterNotice = 'noPrint' | 'paperLow' | null;

/**
 * What to tell a resident about the receipt before they start or sign: it will not print (shown on screen
 * instead), or the roll is nearly used up (it may run out; the receipt would then be on screen).
 */
export function printerNotice(service: ServiceState | undefined): PrinterNotice {
  if (!service) return null;
  if (!service.canPrint) return 'noPrint';
  return service.paperLow ? 'paperLow' : null;
}
