// Which screen a journey snapshot shows, and where it sits in the numbered steps of an application.
import type { SnapshotFrom } from 'xstate';
import type { JourneyMachine } from './journey-machine';

export type Step =
  | 'attract' | 'catalogue' | 'guide' | 'identity' | 'preparing' | 'form' | 'materials' | 'review' | 'signature'
  | 'submitting' | 'submitFailed' | 'receipt' | 'evaluation' | 'evaluating' | 'query' | 'querying' | 'queryResult'
  | 'reprinting' | 'reprinted'
  | 'thanks' | 'ending' | 'timedOut';

export function stepOf(snapshot: SnapshotFrom<JourneyMachine>): Step {
  const v = snapshot.value;
  if (typeof v === 'string') return v as Step;
  const flow = (v as { session: { flow: string | Record<string, string> } }).session.flow;
  return (typeof flow === 'string' ? flow : Object.keys(flow)[0]) as Step;
}

/** The numbered steps of an application (the step bar); other screens show no number. */
export const APPLICATION_STEPS = ['catalogue', 'identity', 'form', 'materials', 'review', 'signature', 'submit', 'receipt', 'evaluation'] as const;

export function stepNumber(step: Step): number | null {
  const map: Partial<Record<Step, (typeof APPLICATION_STEPS)[number]>> = {
    catalogue: 'catalogue', guide: 'catalogue', identity: 'identity', preparing: 'form', form: 'form', materials: 'materials',
    review: 'review', signature: 'signature', submitting: 'submit', submitFailed: 'submit', receipt: 'receipt', evaluation: 'evaluation', evaluating: 'evaluation',
  };
  const s = map[step];
  return s ? APPLICATION_STEPS.indexOf(s) + 1 : null;
}
