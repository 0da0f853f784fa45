// 好差评 on the resident-facing pad: five levels, the offline indicators, an optional comment. The pad never
// sends the acceptance number or item: main stamps them from the pending request.
import { z } from 'zod';
import { LocalText } from './catalogue';
import { checkPoorRatingFeedback, PoorRatingFields } from './evaluation-feedback';

export const EvaluationLevel = z.enum(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
export type EvaluationLevel = z.infer<typeof EvaluationLevel>;

export const EvaluationIndicators = z
  .object({ overall: EvaluationLevel, efficiency: EvaluationLevel.optional(), quality: EvaluationLevel.optional(), attitude: EvaluationLevel.optional() })
  .strict();

export const RequestEvaluationRequest = z.object({ localId: z.string().min(1).max(64) }).strict();

export const EvaluationRequested = z.object({
  requestId: z.string(),
  acceptanceNumber: z.string(),
  itemName: LocalText,
  windowNo: z.string(),
});
export type EvaluationRequested = z.infer<typeof EvaluationRequested>;

export const SubmitEvaluationRequest = z
  .object({ requestId: z.string().min(1).max(64), level: EvaluationLevel, indicators: EvaluationIndicators, comment: z.string().max(500).optional(), ...PoorRatingFields })
  .strict()
  .superRefine((v, ctx) => checkPoorRatingFeedback(v.indicators.overall === '不满意' || v.indicators.overall === '非常不满意', v, ctx));

export const EvaluationDone = z.object({ requestId: z.string(), level: EvaluationLevel.nullable(), acceptanceNumber: z.string() });
export type EvaluationDone = z.infer<typeof EvaluationDone>;
