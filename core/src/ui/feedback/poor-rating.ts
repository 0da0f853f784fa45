// The poor-rating panel's state and what it sends: kept apart from the component so both screens and the
// tests share one rule (a reason or own words; a valid phone when a callback is asked for).
import { isCallbackPhone, type PoorRatingReason } from '../../contract/schemas/evaluation-feedback';

export interface PoorRatingValue {
  reasons: PoorRatingReason[];
  reasonText: string;
  callback: boolean;
  phone: string;
}

export const NO_FEEDBACK: PoorRatingValue = { reasons: [], reasonText: '', callback: false, phone: '' };

export type PoorRatingProblem = 'needReason' | 'phoneInvalid';

export function poorRatingProblem(v: PoorRatingValue): PoorRatingProblem | null {
  if (v.reasons.length === 0 && !v.reasonText.trim()) return 'needReason';
  if (v.callback && !isCallbackPhone(v.phone)) return 'phoneInvalid';
  return null;
}

/** The fields evaluation:rate / evaluation:submit take; the phone only when a callback was asked for. */
export function poorRatingPayload(v: PoorRatingValue): { reasons?: PoorRatingReason[]; reasonText?: string; callbackPhone?: string } {
  return {
    ...(v.reasons.length ? { reasons: v.reasons } : {}),
    ...(v.reasonText.trim() ? { reasonText: v.reasonText.trim() } : {}),
    ...(v.callback && v.phone ? { callbackPhone: v.phone } : {}),
  };
}

export function toggleReason(v: PoorRatingValue, reason: PoorRatingReason): PoorRatingValue {
  return { ...v, reasons: v.reasons.includes(reason) ? v.reasons.filter((r) => r !== reason) : [...v.reasons, reason] };
}
