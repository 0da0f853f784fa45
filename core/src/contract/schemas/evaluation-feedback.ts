// What a poor 好差评 rating (不满意 / 非常不满意) carries besides its level: the reasons, chosen from the
// 好差评 system's standard reason list (the platform's tiles; codes are the spec's `EvaluationReason`), an
// optional text, and a phone number when the resident wants a callback (回访: every poor rating is followed up).
// One rule for the kiosk, the counter's pad and main: a poor rating needs a reason; a good one carries none.
import { z } from 'zod';

export const POOR_RATING_REASONS = [
  'guide-unclear', // 办事指南不清晰
  'process-complicated', // 办理流程繁琐
  'too-many-materials', // 提交材料过多
  'too-slow', // 办理时间过长
  'repeated-trips', // 需要多次跑动
  'staff-attitude', // 服务态度不好
  'staff-unskilled', // 业务不熟练
  'system-hard-to-use', // 系统操作不便
  'other', // 其他
] as const;
export const PoorRatingReason = z.enum(POOR_RATING_REASONS);
export type PoorRatingReason = z.infer<typeof PoorRatingReason>;

/** A mainland mobile number (11 digits, 1[3-9]…) or a landline with its area code (0 + 9-11 digits). */
export const CALLBACK_PHONE_PATTERN = /^(?:1[3-9]\d{9}|0\d{9,11})$/;
export const CallbackPhone = z.string().regex(CALLBACK_PHONE_PATTERN, 'a mobile number (11 digits) or a landline with its area code');

export const PoorRatingFields = {
  reasons: z.array(PoorRatingReason).max(POOR_RATING_REASONS.length).optional(),
  reasonText: z.string().max(200).optional(),
  /** Set only when the resident asked for a callback. */
  callbackPhone: CallbackPhone.optional(),
};

export function isCallbackPhone(phone: string): boolean {
  return CALLBACK_PHONE_PATTERN.test(phone);
}

/** What a screen shows of a phone number: the one rule in ../masking (138****5678). */
export { maskPhone } from '../masking';

interface Feedback {
  reasons?: readonly string[] | undefined;
  reasonText?: string | undefined;
  callbackPhone?: string | undefined;
}

/** The shared refinement: `poor` says whether the rating's overall level is 不满意 or 非常不满意. */
export function checkPoorRatingFeedback(poor: boolean, value: Feedback, ctx: z.RefinementCtx): void {
  const hasReason = (value.reasons?.length ?? 0) > 0 || (value.reasonText?.trim().length ?? 0) > 0;
  if (poor && !hasReason) ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'a poor rating needs at least one reason' });
  if (!poor && (hasReason || value.callbackPhone)) ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'reasons and a callback belong to a poor rating only' });
  if (new Set(value.reasons ?? []).size !== (value.reasons?.length ?? 0)) ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'each reason once' });
}
