// A poor 好差评 rating asks why: the contract refuses one without a reason (and a good one carrying a complaint
// or a callback), checks the callback phone, and the service hands reasons and phone to the journal in the
// platform's shape (checked against the OpenAPI document's Evaluation schema).
import { describe, expect, it } from 'vitest';
import { EvaluationRequest } from '@easydo/core/contract/schemas/journey-progress';
import { SubmitEvaluationRequest } from '@easydo/core/contract/schemas/counter-evaluation';
import { isCallbackPhone, maskPhone } from '@easydo/core/contract/schemas/evaluation-feedback';
import { submitEvaluation } from '@easydo/core/services/journey/evaluation';
import { specValidator } from '@easydo/backend-client/spec-validator';
import type { Evaluation } from '@easydo/backend-client/types';

const base = { localId: 'L1', level: 4, indicators: { overall: 4 } };

describe('poor-rating feedback in the contract', () => {
  it('a poor rating needs a reason; a tile or own words will do', () => {
    expect(EvaluationRequest.safeParse(base).success).toBe(false);
    expect(EvaluationRequest.safeParse({ ...base, reasons: ['too-slow'] }).success).toBe(true);
    expect(EvaluationRequest.safeParse({ ...base, level: 5, indicators: { overall: 5 }, reasonText: '等了很久' }).success).toBe(true);
    expect(EvaluationRequest.safeParse({ ...base, reasons: ['too-slow', 'too-slow'] }).success).toBe(false);
    expect(EvaluationRequest.safeParse({ ...base, reasons: ['rude'] }).success).toBe(false);
  });

  it('a good rating carries no complaint and no callback', () => {
    expect(EvaluationRequest.safeParse({ localId: 'L1', level: 1, indicators: { overall: 1 } }).success).toBe(true);
    expect(EvaluationRequest.safeParse({ localId: 'L1', level: 2, indicators: { overall: 2 }, reasons: ['too-slow'] }).success).toBe(false);
    expect(EvaluationRequest.safeParse({ localId: 'L1', level: 3, indicators: { overall: 3 }, callbackPhone: '13800138000' }).success).toBe(false);
  });

  it('the counter pad follows the same rule', () => {
    const pad = { requestId: 'r1', level: '不满意', indicators: { overall: '不满意' } };
    expect(SubmitEvaluationRequest.safeParse(pad).success).toBe(false);
    expect(SubmitEvaluationRequest.safeParse({ ...pad, reasons: ['staff-attitude'], callbackPhone: '075583001234' }).success).toBe(true);
    expect(SubmitEvaluationRequest.safeParse({ ...pad, level: '满意', indicators: { overall: '满意' }, reasons: ['other'] }).success).toBe(false);
  });

  it('takes a mobile or a landline with its area code, and masks it for the screen', () => {
    for (const ok of ['13800138000', '19912345678', '075583001234', '01012345678']) expect(isCallbackPhone(ok)).toBe(true);
    for (const bad of ['12800138000', '1380013800', '138001380001', '83001234', '1380013800a', '']) expect(isCallbackPhone(bad)).toBe(false);
    expect(EvaluationRequest.safeParse({ ...base, reasons: ['other'], callbackPhone: '83001234' }).success).toBe(false);
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('075583001234')).toBe('075*****1234');
    expect(maskPhone('1380')).toBe('****');
  });
});

describe('submitEvaluation with a poor rating', () => {
  it('records the reasons, the own words and the callback phone in the platform shape', async () => {
    const recorded: Evaluation[] = [];
    const app = { state: 'receipt-printed', evaluation: null, evaluationDelivered: false, itemCode: 'QR00305001', submission: { applicant: { idNumber: '440304199604122469' } }, receipt: { acceptanceNumber: 'N1', department: { code: '11440300MB2C93221X' } } };
    const journal = {
      get: () => app,
      recordEvaluation: (_id: string, e: Evaluation) => recorded.push(e),
    };
    const outbox = { drainNow: async () => ({}) };
    const session = { card: { idNumber: '440304199604122469' } };
    const input = EvaluationRequest.parse({ localId: 'L1', level: 5, indicators: { overall: 5, attitude: 5 }, reasons: ['repeated-trips', 'other'], reasonText: ' 材料要求前后不一致 ', callbackPhone: '13800138000' });
    await submitEvaluation({ journal: journal as never, outbox: outbox as never, waitMs: 0 }, session as never, 'kiosk', input);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ level: '非常不满意', reasons: ['repeated-trips', 'other'], reasonText: '材料要求前后不一致', callbackPhone: '13800138000', channel: 'kiosk' });
    const checked = specValidator().validateRequest('submitEvaluation', recorded[0]);
    expect(checked).toEqual({ ok: true });
  });
});
