// Progress queries (by number + password, receipt QR, or card) and the 好差评 evaluation.
import { z } from 'zod';
import { LocalText } from './catalogue';
import { checkPoorRatingFeedback, PoorRatingFields } from './evaluation-feedback';

export const ProgressStage = z.enum(['预受理', '受理', '不予受理', '补齐补正', '办理中', '办结', '已领取', '待提交']);
export type ProgressStage = z.infer<typeof ProgressStage>;

export const ProgressEvent = z.object({
  stage: ProgressStage,
  stageLabel: LocalText,
  at: z.string(),
  /** Plain-language explanation of what this stage means for the resident. */
  explanation: LocalText,
  reason: z.string().nullable(),
  supplementList: z.array(z.string()),
  result: z.string().nullable(),
});

export const ProgressView = z.object({
  /** Null for an application still waiting in this terminal's outbox. */
  acceptanceNumber: z.string().nullable(),
  itemCode: z.string(),
  itemName: LocalText,
  department: z.object({ code: z.string(), name: z.string() }),
  submittedAt: z.string(),
  dueDate: z.string().nullable(),
  stage: ProgressStage,
  stageLabel: LocalText,
  explanation: LocalText,
  evaluated: z.boolean(),
  history: z.array(ProgressEvent),
});
export type ProgressView = z.infer<typeof ProgressView>;

export const ProgressQueryRequest = z
  .object({ acceptanceNumber: z.string().min(1).max(64), queryPassword: z.string().min(1).max(32) })
  .strict();
export const ProgressQrRequest = z.object({ payload: z.string().min(1).max(500) }).strict();
export const ProgressList = z.object({ applications: z.array(ProgressView) });

/** 1 = 非常满意 … 5 = 非常不满意 (the order of EVALUATION_LEVELS). */
export const EvaluationLevelNumber = z.number().int().min(1).max(5);

export const EvaluationRequest = z
  .object({
    localId: z.string().min(1).max(64),
    level: EvaluationLevelNumber,
    /** 整体满意度 (overall), 服务效率 (efficiency), 服务水平 (quality), 服务态度 (attitude). */
    indicators: z
      .object({
        overall: EvaluationLevelNumber,
        efficiency: EvaluationLevelNumber.optional(),
        quality: EvaluationLevelNumber.optional(),
        attitude: EvaluationLevelNumber.optional(),
      })
      .strict(),
    comment: z.string().max(500).optional(),
    ...PoorRatingFields,
  })
  .strict()
  // 4 = 不满意, 5 = 非常不满意.
  .superRefine((v, ctx) => checkPoorRatingFeedback(v.indicators.overall >= 4, v, ctx));

export const EvaluationResponse = z.object({
  localId: z.string(),
  /** True once the backend has it; false while it waits in the outbox (delivered later). */
  delivered: z.boolean(),
});
