// 好差评: the resident's voluntary evaluation of an accepted application, once per application. Stored in the
// journal (sealed) first; the outbox delivers it, now if the backend answers, later otherwise. A poor rating
// carries its reasons and, when the resident asked for a callback (回访), a phone number: personal data that lives
// only in the sealed evaluation and the request to the platform, never in a log line.
import type { Journal } from '@easydo/backend-client/outbox/journal';
import type { Outbox } from '@easydo/backend-client/outbox/outbox';
import { EVALUATION_LEVELS, type Evaluation, type EvaluationLevel } from '@easydo/backend-client/types';
import type { PoorRatingReason } from '@easydo/core/contract/schemas/evaluation-feedback';
import { Failure } from '../errors/failure';
import type { ResidentSession } from '../session/resident-session';

export interface EvaluationInput {
  localId: string;
  level: number;
  indicators: { overall: number; efficiency?: number | undefined; quality?: number | undefined; attitude?: number | undefined };
  comment?: string | undefined;
  reasons?: PoorRatingReason[] | undefined;
  reasonText?: string | undefined;
  callbackPhone?: string | undefined;
}

/** The poor-rating part of an evaluation as the platform takes it (the contract schema has checked it). */
export function poorRatingPart(input: Pick<EvaluationInput, 'reasons' | 'reasonText' | 'callbackPhone'>): Pick<Evaluation, 'reasons' | 'reasonText' | 'callbackPhone'> {
  return {
    ...(input.reasons?.length ? { reasons: [...input.reasons] } : {}),
    ...(input.reasonText?.trim() ? { reasonText: input.reasonText.trim() } : {}),
    ...(input.callbackPhone ? { callbackPhone: input.callbackPhone } : {}),
  };
}

/** 1 = 非常满意 … 5 = 非常不满意. */
export function levelOf(n: number): EvaluationLevel {
  const level = EVALUATION_LEVELS[n - 1];
  if (!level) throw new Failure('validation', 'Level must be 1..5', 'level-invalid');
  return level;
}

export async function submitEvaluation(
  deps: { journal: Pick<Journal, 'get' | 'recordEvaluation'>; outbox: Pick<Outbox, 'drainNow'>; waitMs?: number },
  session: ResidentSession,
  channel: 'kiosk' | 'counter',
  input: EvaluationInput,
): Promise<{ localId: string; delivered: boolean }> {
  let app;
  try {
    app = await deps.journal.get(input.localId);
  } catch {
    throw new Failure('validation', 'Unknown application', 'not-found');
  }
  if (!session.card || app.submission?.applicant.idNumber !== session.card.idNumber) {
    throw new Failure('forbidden', 'This application does not belong to the current session', 'not-yours');
  }
  if (app.evaluation || app.state === 'evaluated') throw new Failure('state', 'This application has already been evaluated', 'already-evaluated');
  if (!app.receipt) throw new Failure('state', 'Evaluation opens once the application has been accepted', 'not-accepted');
  const { indicators } = input;
  const evaluation: Evaluation = {
    acceptanceNumber: app.receipt.acceptanceNumber,
    itemCode: app.itemCode,
    departmentCode: app.receipt.department.code,
    level: levelOf(input.level),
    indicators: {
      overall: levelOf(indicators.overall),
      ...(indicators.efficiency ? { efficiency: levelOf(indicators.efficiency) } : {}),
      ...(indicators.quality ? { quality: levelOf(indicators.quality) } : {}),
      ...(indicators.attitude ? { attitude: levelOf(indicators.attitude) } : {}),
    },
    ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}),
    ...poorRatingPart(input),
    channel,
  };
  await deps.journal.recordEvaluation(input.localId, evaluation);
  await Promise.race([deps.outbox.drainNow().catch(() => undefined), new Promise((r) => setTimeout(r, deps.waitMs ?? 5000))]);
  return { localId: input.localId, delivered: (await deps.journal.get(input.localId)).evaluationDelivered };
}
