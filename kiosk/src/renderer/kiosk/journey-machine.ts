// The resident's journey as one explicit statechart (xstate v5). Pure: no DOM, no terminal API. Side effects
// (prepare a form, submit, print, evaluate, query, end the session in main) are actors/actions the screens
// provide with machine.provide(), so every state, timeout and guard runs under Node in the unit tests.
// The machine's context IS the renderer's resident session: resetting it to `emptySession()` leaves nothing
// of the previous resident reachable.
import { assign, fromPromise, setup, type ActorRefFrom } from 'xstate';
import type { PoorRatingReason } from '@easydo/core/contract/schemas/evaluation-feedback';
import type { MaskedCard } from '@easydo/core/contract/schemas/card';
import type { PreparedForm, SubmitApplicationResponse } from '@easydo/core/contract/schemas/application';
import type { ContractError, ErrorIssue } from '@easydo/core/contract/errors';
import type { ReceiptView } from '@easydo/core/contract/schemas/journey-receipt';
import type { ProgressView } from '@easydo/core/contract/schemas/journey-progress';
import type { SessionInfo } from '@easydo/core/contract/schemas/journey-session';
import { missingRequired } from './form-rules';
import { reprintRequestOf, type ReprintRequest } from './reprint';

export interface Timing {
  /** Inactivity before the warning shows. */
  idleWarningMs: number;
  /** The warning's countdown before the session ends. */
  countdownMs: number;
  /** The thank-you screen returns to the start after this long (the resident is done). */
  thanksMs: number;
}

export const DEFAULT_TIMING: Timing = { idleWarningMs: 60_000, countdownMs: 30_000, thanksMs: 15_000 };

/** The screen's warning and countdown as main configures them (session:touch / session:startGuest). */
export function timingFromSession(info: Pick<SessionInfo, 'idleWarningSeconds' | 'idleCountdownSeconds'>): Pick<Timing, 'idleWarningMs' | 'countdownMs'> {
  return { idleWarningMs: info.idleWarningSeconds * 1000, countdownMs: info.idleCountdownSeconds * 1000 };
}

/** 好差评 as evaluation:submit takes it: 1 = 非常满意 … 5 = 非常不满意. */
export type Level = 1 | 2 | 3 | 4 | 5;
export interface Evaluation {
  level: Level;
  indicators: { overall: Level; efficiency?: Level; quality?: Level; attitude?: Level };
  comment?: string;
  /** A poor rating (overall 4 or 5): its reasons, own words and, if asked for, the callback phone. */
  reasons?: PoorRatingReason[];
  reasonText?: string;
  callbackPhone?: string;
}

/** One or more applications' progress (by card: every application of the card). */
export type QueryAnswer = ProgressView[];

export type QueryRequest =
  | { by: 'number'; acceptanceNumber: string; queryPassword: string }
  | { by: 'qr'; payload: string }
  | { by: 'card' };

export interface SessionData {
  card: MaskedCard | null;
  itemCode: string | null;
  form: PreparedForm | null;
  values: Record<string, string>;
  issues: ErrorIssue[];
  materialsComplete: boolean;
  signature: string | null;
  receipt: SubmitApplicationResponse | null;
  printed: 'pending' | 'printed' | 'failed';
  receiptView: ReceiptView | null;
  /** 短信回执 sent (the slip could not be printed): the masked number it went to. */
  smsSentTo: string | null;
  evaluation: Evaluation | null;
  query: QueryAnswer | null;
  /** What the resident asked with: a 补打 needs its number + password (never taken from the answer). */
  queryRequest: QueryRequest | null;
  reprint: ReceiptView | null;
  /** Another card lies on the reader (card:other): the screen asks whether to end this visit. */
  otherCard: boolean;
  error: ContractError | null;
}

export interface JourneyContext extends SessionData {
  timing: Timing;
}

export function emptySession(): SessionData {
  return {
    card: null,
    itemCode: null,
    form: null,
    values: {},
    issues: [],
    materialsComplete: false,
    signature: null,
    receipt: null,
    printed: 'pending',
    receiptView: null,
    smsSentTo: null,
    evaluation: null,
    query: null,
    queryRequest: null,
    reprint: null,
    otherCard: false,
    error: null,
  };
}

export type JourneyEvent =
  | { type: 'CARD_READ'; card: MaskedCard }
  | { type: 'CARD_REMOVED' }
  | { type: 'OTHER_CARD' }
  | { type: 'OTHER_CARD_ANSWER'; endCurrent: boolean }
  | { type: 'PRINT_AGAIN' }
  | { type: 'SEND_SMS' }
  | { type: 'SESSION_ENDED'; reason: string }
  | { type: 'BROWSE' }
  | { type: 'SHOW_CODE' }
  | { type: 'QUERY' }
  | { type: 'BACK' }
  | { type: 'CANCEL' }
  | { type: 'SELECT_ITEM'; itemCode: string }
  | { type: 'APPLY' }
  | { type: 'FIELD'; key: string; value: string }
  | { type: 'NEXT' }
  | { type: 'MATERIALS'; complete: boolean }
  | { type: 'SIGNED'; dataUrl: string }
  | { type: 'CLEAR_SIGNATURE' }
  | { type: 'RETRY' }
  | { type: 'RATE'; evaluation: Evaluation }
  | { type: 'SKIP' }
  | { type: 'FINISH' }
  | { type: 'ASK'; request: QueryRequest }
  | { type: 'REPRINT' }
  | { type: 'ACTIVITY' }
  | { type: 'EXTEND' }
  | { type: 'TIMING'; timing: Partial<Timing> };

const notProvided = (name: string) => () => Promise.reject(new Error(`journey actor ${name} not provided`));

const toContractError = (e: unknown): ContractError =>
  e && typeof e === 'object' && 'error' in e && e.error && typeof e.error === 'object' && 'code' in e.error
    ? (e.error as ContractError)
    : { code: 'internal', message: e instanceof Error ? e.message : String(e) };

/** The device reason of a receipt the printer could not print, as the screens translate device errors. */
const unprintedError = (fault: string | undefined): ContractError => ({
  code: 'device',
  message: 'The receipt could not be printed',
  ...(fault ? { reason: fault as ContractError['reason'] } : {}),
  params: { device: 'receiptPrinter' },
});

export const journeyMachine = setup({
  types: {
    context: {} as JourneyContext,
    events: {} as JourneyEvent,
    input: {} as { timing?: Partial<Timing> } | undefined,
  },
  actors: {
    prepareForm: fromPromise<PreparedForm, { itemCode: string }>(notProvided('prepareForm')),
    /** The form comes from the machine's own context: the actor needs nothing from outside to build the request. */
    submit: fromPromise<SubmitApplicationResponse, { itemCode: string; form: PreparedForm | null; values: Record<string, string>; signature: string | null }>(notProvided('submit')),
    printReceipt: fromPromise<ReceiptView, { localId: string }>(notProvided('printReceipt')),
    receiptSms: fromPromise<{ sentTo: string }, { localId: string }>(notProvided('receiptSms')),
    evaluate: fromPromise<void, { localId: string; evaluation: Evaluation }>(notProvided('evaluate')),
    query: fromPromise<QueryAnswer, QueryRequest>(notProvided('query')),
    reprint: fromPromise<ReceiptView, ReprintRequest>(notProvided('reprint')),
  },
  actions: {
    /** Tell main the session is over (main wipes its side and emits session:ended). */
    endSessionInMain: (_, _params: { reason: 'finished' | 'cancelled' | 'idle' }) => undefined,
    /** Tell main the resident is still there (session:touch when main provides it). */
    touchMain: () => undefined,
    /** Open a guest session in main (guides and progress queries without a card). */
    startGuestInMain: () => undefined,
    /** The resident's answer about another card on the reader (session:otherCard). */
    answerOtherCardInMain: (_, _params: { endCurrent: boolean }) => undefined,
    wipe: assign(() => emptySession()),
  },
  guards: {
    hasCard: ({ context }) => context.card !== null,
    formComplete: ({ context }) => context.form !== null && missingRequired(context.form, context.values).length === 0,
    materialsComplete: ({ context }) => context.materialsComplete,
    signed: ({ context }) => context.signature !== null,
    printFailed: ({ context }) => context.printed === 'failed',
    canReprint: ({ context }) => reprintRequestOf(context.queryRequest) !== null,
    isValidationError: (_, params: { error: unknown }) => toContractError(params.error).code === 'validation',
  },
  delays: {
    idleWarning: ({ context }) => context.timing.idleWarningMs,
    countdown: ({ context }) => context.timing.countdownMs,
    thanks: ({ context }) => context.timing.thanksMs,
  },
}).createMachine({
  id: 'journey',
  initial: 'attract',
  context: ({ input }) => ({ ...emptySession(), timing: { ...DEFAULT_TIMING, ...input?.timing } }),
  on: {
    // Main ended the session (finished, idle, card removed, admin takeover): wipe and start again.
    // 'superseded' is a stale visit main wiped because this screen has just started a new one: not this visit's end.
    SESSION_ENDED: { guard: ({ event }) => event.reason !== 'superseded', target: '.attract', actions: 'wipe' },
    TIMING: { actions: assign({ timing: ({ context, event }) => ({ ...context.timing, ...event.timing }) }) },
  },
  states: {
    attract: {
      entry: 'wipe',
      on: {
        CARD_READ: { target: 'session.flow.catalogue', actions: assign({ card: ({ event }) => event.card }) },
        BROWSE: { target: 'session.flow.catalogue', actions: 'startGuestInMain' },
        QUERY: { target: 'session.flow.query', actions: 'startGuestInMain' },
        // 亮码办事 from the start, as a hall's code terminal offers it: identity first, then the catalogue.
        SHOW_CODE: { target: 'session.flow.codeEntry', actions: 'startGuestInMain' },
      },
    },
    session: {
      type: 'parallel',
      on: {
        CANCEL: { target: 'attract', actions: { type: 'endSessionInMain', params: { reason: 'cancelled' } } },
        // The same card placed again (main resumed the session) or a guest's card: the visit carries on as it is.
        CARD_READ: { actions: assign({ card: ({ event }) => event.card, otherCard: false }) },
        // Someone else's card: nothing is dropped until the resident answers (main holds that card aside).
        OTHER_CARD: { actions: assign({ otherCard: true }) },
        // The card left the reader: a question about another card no longer stands (main forgot that card), while
        // the visit goes on (main resumes it when the same card comes back; the card-requiring items end it in main).
        CARD_REMOVED: { actions: assign({ otherCard: false }) },
        OTHER_CARD_ANSWER: {
          actions: [assign({ otherCard: false }), { type: 'answerOtherCardInMain', params: ({ event }) => ({ endCurrent: event.endCurrent }) }],
        },
      },
      states: {
        // Inactivity: warn (shown and spoken by the screen), let the resident extend, then end.
        idle: {
          initial: 'watching',
          states: {
            watching: {
              after: { idleWarning: 'warning' },
              on: { ACTIVITY: { target: 'watching', reenter: true, actions: 'touchMain' } },
            },
            warning: {
              after: { countdown: '#journey.timedOut' },
              on: { EXTEND: { target: 'watching', actions: 'touchMain' } },
            },
          },
        },
        flow: {
          initial: 'catalogue',
          states: {
            // The resident shows a phone's identity code before choosing an item (the visit is a guest's until then).
            codeEntry: {
              on: {
                CARD_READ: { target: 'catalogue', actions: assign({ card: ({ event }) => event.card, otherCard: false }) },
                BACK: '#journey.ending',
              },
            },
            catalogue: {
              on: {
                SELECT_ITEM: { target: 'guide', actions: assign({ itemCode: ({ event }) => event.itemCode }) },
                QUERY: 'query',
                BACK: '#journey.ending',
              },
            },
            guide: {
              on: {
                APPLY: [{ guard: 'hasCard', target: 'preparing' }, { target: 'identity' }],
                BACK: { target: 'catalogue', actions: assign({ itemCode: null }) },
              },
            },
            identity: {
              on: {
                CARD_READ: { target: 'preparing', actions: assign({ card: ({ event }) => event.card }) },
                BACK: 'guide',
                QUERY: 'query',
              },
            },
            preparing: {
              invoke: {
                src: 'prepareForm',
                input: ({ context }) => ({ itemCode: context.itemCode ?? '' }),
                onDone: { target: 'form', actions: assign({ form: ({ event }) => event.output, values: {}, issues: [], error: null }) },
                onError: { target: 'guide', actions: assign({ error: ({ event }) => toContractError(event.error) }) },
              },
            },
            form: {
              on: {
                FIELD: {
                  actions: assign({
                    values: ({ context, event }) => ({ ...context.values, [event.key]: event.value }),
                    issues: ({ context, event }) => context.issues.filter((i) => i.path !== event.key),
                  }),
                },
                NEXT: { guard: 'formComplete', target: 'materials' },
                BACK: { target: 'guide', actions: assign({ form: null, values: {}, issues: [] }) },
              },
            },
            materials: {
              on: {
                MATERIALS: { actions: assign({ materialsComplete: ({ event }) => event.complete }) },
                NEXT: { guard: 'materialsComplete', target: 'review' },
                BACK: 'form',
              },
            },
            review: {
              on: { NEXT: 'signature', BACK: 'materials' },
            },
            signature: {
              on: {
                SIGNED: { actions: assign({ signature: ({ event }) => event.dataUrl }) },
                CLEAR_SIGNATURE: { actions: assign({ signature: null }) },
                NEXT: { guard: 'signed', target: 'submitting' },
                BACK: { target: 'review', actions: assign({ signature: null }) },
              },
            },
            submitting: {
              invoke: {
                src: 'submit',
                input: ({ context }) => ({ itemCode: context.itemCode ?? '', form: context.form, values: context.values, signature: context.signature }),
                onDone: { target: 'receipt', actions: assign({ receipt: ({ event }) => event.output, error: null }) },
                onError: [
                  {
                    // Typed field issues go back to the form, each shown beside its field.
                    guard: { type: 'isValidationError', params: ({ event }) => ({ error: event.error }) },
                    target: 'form',
                    actions: assign({
                      issues: ({ event }) => toContractError(event.error).issues ?? [],
                      error: ({ event }) => toContractError(event.error),
                      signature: null,
                    }),
                  },
                  { target: 'submitFailed', actions: assign({ error: ({ event }) => toContractError(event.error) }) },
                ],
              },
            },
            submitFailed: {
              on: { RETRY: 'submitting', BACK: 'review' },
            },
            receipt: {
              initial: 'printing',
              states: {
                printing: {
                  invoke: {
                    src: 'printReceipt',
                    input: ({ context }) => ({ localId: context.receipt?.localId ?? '' }),
                    onDone: {
                      target: 'shown',
                      // Paper out: the receipt is in hand all the same, on screen, and can be printed again later.
                      actions: assign(({ event }) =>
                        event.output.printed === false
                          ? { printed: 'failed' as const, receiptView: event.output, error: unprintedError(event.output.printFault) }
                          : { printed: 'printed' as const, receiptView: event.output, error: null },
                      ),
                    },
                    onError: { target: 'shown', actions: assign({ printed: 'failed', error: ({ event }) => toContractError(event.error) }) },
                  },
                },
                shown: {
                  on: {
                    // 重新打印 once the printer is back (the screen enables it on service:changed).
                    PRINT_AGAIN: { guard: 'printFailed', target: 'printing', actions: assign({ printed: 'pending', error: null }) },
                    // 短信回执: an accepted application whose slip did not print, texted once, where main offers it.
                    SEND_SMS: {
                      guard: ({ context }) => context.printed === 'failed' && context.receiptView?.smsOffered === true && context.smsSentTo === null,
                      target: 'texting',
                      actions: assign({ error: null }),
                    },
                  },
                },
                texting: {
                  invoke: {
                    src: 'receiptSms',
                    input: ({ context }) => ({ localId: context.receipt?.localId ?? '' }),
                    onDone: { target: 'shown', actions: assign({ smsSentTo: ({ event }) => event.output.sentTo }) },
                    onError: { target: 'shown', actions: assign({ error: ({ event }) => toContractError(event.error) }) },
                  },
                },
              },
              on: { NEXT: 'evaluation' },
            },
            evaluation: {
              on: {
                RATE: { target: 'evaluating', actions: assign({ evaluation: ({ event }) => event.evaluation }) },
                SKIP: '#journey.thanks',
              },
            },
            evaluating: {
              invoke: {
                src: 'evaluate',
                input: ({ context }) => ({ localId: context.receipt?.localId ?? '', evaluation: context.evaluation! }),
                // A failed rating never blocks the resident: thank them either way.
                onDone: '#journey.thanks',
                onError: '#journey.thanks',
              },
            },
            query: {
              on: {
                ASK: { target: 'querying', actions: assign({ queryRequest: ({ event }) => event.request }) },
                BACK: [{ guard: 'hasCard', target: 'catalogue' }, { target: '#journey.ending' }],
              },
            },
            querying: {
              invoke: {
                src: 'query',
                input: ({ context }) => context.queryRequest!,
                onDone: { target: 'queryResult', actions: assign({ query: ({ event }) => event.output, error: null }) },
                // A wrong password keeps the number typed (the password is cleared): the resident corrects one field.
                onError: {
                  target: 'query',
                  actions: assign({
                    error: ({ event }) => toContractError(event.error),
                    query: null,
                    queryRequest: ({ context }) => (context.queryRequest?.by === 'number' ? { ...context.queryRequest, queryPassword: '' } : null),
                  }),
                },
              },
            },
            queryResult: {
              on: {
                // 补打 only for a query by number + password or receipt QR: a card query has no password to prove it.
                REPRINT: { guard: 'canReprint', target: 'reprinting', actions: assign({ error: null }) },
                BACK: { target: 'query', actions: assign({ query: null, queryRequest: null, reprint: null, error: null }) },
              },
            },
            reprinting: {
              invoke: {
                src: 'reprint',
                input: ({ context }) => reprintRequestOf(context.queryRequest)!,
                onDone: { target: 'reprinted', actions: assign({ reprint: ({ event }) => event.output, error: null }) },
                // Paper out, not found, purged: back on the result with the reason shown.
                onError: { target: 'queryResult', actions: assign({ error: ({ event }) => toContractError(event.error) }) },
              },
            },
            reprinted: {
              on: { BACK: { target: 'queryResult', actions: assign({ reprint: null }) } },
            },
          },
        },
      },
    },
    thanks: {
      after: { thanks: 'ending' },
      on: { FINISH: 'ending' },
    },
    timedOut: {
      always: { target: 'attract', actions: { type: 'endSessionInMain', params: { reason: 'idle' } } },
    },
    ending: {
      always: { target: 'attract', actions: { type: 'endSessionInMain', params: { reason: 'finished' } } },
    },
  },
});

export type JourneyMachine = typeof journeyMachine;
export type JourneyActor = ActorRefFrom<JourneyMachine>;
