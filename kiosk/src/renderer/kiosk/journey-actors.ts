// Binds the pure journey statechart to the terminal contract: each actor is one channel call, each action a
// fire-and-forget notice to main. Errors reach the machine as CallError (typed ContractError inside).
import { fromPromise } from 'xstate';
import type { TerminalApi } from '@easydo/core/contract/api';
import { call } from '@easydo/core/ui/terminal-context';
import { journeyMachine, type QueryRequest } from './journey-machine';
import { toSubmission } from './form-rules';
import i18n from 'i18next';

/** The slip follows the language the resident chose (main makes it bilingual where the department needs Chinese). */
const slipLanguage = (): 'zh' | 'en' => (i18n.language === 'en' ? 'en' : 'zh');

/** How often activity is reported to main at most (its idle timer is a safety net, not a stopwatch). */
const TOUCH_EVERY_MS = 5000;

export function bindJourney(api: TerminalApi) {
  let lastTouch = 0;
  return journeyMachine.provide({
    actors: {
      prepareForm: fromPromise(({ input }) => call(api, 'form:prepare', { itemCode: input.itemCode })),
      submit: fromPromise(async ({ input }) => {
        const typed = input.form ? toSubmission(input.form, input.values) : {};
        return call(api, 'application:submit', { itemCode: input.itemCode, form: typed, ...(input.signature ? { signaturePng: input.signature } : {}) });
      }),
      printReceipt: fromPromise(({ input }) => call(api, 'receipt:print', { localId: input.localId, language: slipLanguage() })),
      receiptSms: fromPromise(({ input }) => call(api, 'receipt:sms', { localId: input.localId })),
      evaluate: fromPromise(async ({ input }) => {
        const e = input.evaluation;
        const { reasons, reasonText, callbackPhone } = e;
        await call(api, 'evaluation:rate', {
          localId: input.localId, level: e.level, indicators: e.indicators, ...(e.comment ? { comment: e.comment } : {}),
          ...(reasons ? { reasons } : {}), ...(reasonText ? { reasonText } : {}), ...(callbackPhone ? { callbackPhone } : {}),
        });
      }),
      reprint: fromPromise(({ input }) => call(api, 'receipt:reprint', { ...input, language: slipLanguage() })),
      query: fromPromise(async ({ input }: { input: QueryRequest }) => {
        if (input.by === 'number') return [await call(api, 'progress:query', { acceptanceNumber: input.acceptanceNumber, queryPassword: input.queryPassword })];
        if (input.by === 'qr') return [await call(api, 'progress:queryQr', { payload: input.payload })];
        return (await call(api, 'progress:queryByCard', {})).applications;
      }),
    },
    actions: {
      endSessionInMain: (_, params) => {
        void api.invoke('session:end', { reason: params.reason });
      },
      answerOtherCardInMain: (_, params) => {
        void api.invoke('session:otherCard', { endCurrent: params.endCurrent });
      },
      startGuestInMain: () => {
        void api.invoke('session:startGuest', {});
      },
      touchMain: () => {
        const now = Date.now();
        if (now - lastTouch < TOUCH_EVERY_MS) return;
        lastTouch = now;
        void api.invoke('session:touch', {});
      },
    },
  });
}
