// Which screen a journey snapshot shows, and where it sits in the numbered steps of an application.
import type { SnapshotFrom } from 'xstate';
import type { JourneyMachine } from './journey-machine';

export type Step =
  | 'attract' | 'codeEntry' | 'catalogue' | 'guide' | 'identity' | 'preparing' | 'form' | 'materials' | 'review' | 'signature'
  | 'submitting' | 'submitFailed' | 'receipt' | 'evaluation' | 'evaluating' | 'query' | 'querying' | 'queryResult'
  | 'reprinting' | 'reprinted'
  | 'thanks' | 'ending' | 'timedOut';

export function stepOf(snapshot: SnapshotFrom<JourneyMachine>): Step {
  const v = snapshot.value;
  if (typeof v === 'string') return v as Step;
  const flow = (v as { session: { flow: string | Record<string, string> } }).session.flow;
  return (typeof flow === 'string' ? flow : Object.keys(flow)[0]) as Step;
}

/** Every numbered step an application can have (the step bar); other screens show no number. */
export const APPLICATION_STEPS = ['catalogue', 'guide', 'identity', 'form', 'materials', 'review', 'signature', 'submit', 'receipt', 'evaluation'] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

const STEP_OF: Partial<Record<Step, ApplicationStep>> = {
  catalogue: 'catalogue', guide: 'guide', identity: 'identity', preparing: 'form', form: 'form', materials: 'materials',
  review: 'review', signature: 'signature', submitting: 'submit', submitFailed: 'submit', receipt: 'receipt', evaluation: 'evaluation', evaluating: 'evaluation',
};

/**
 * This resident's steps: the card step only when they meet it (no card placed before choosing, or already on or
 * past it), so a resident who placed the card first counts 1, 2, 3 without a gap.
 */
export function applicationSteps(withIdentity: boolean): ApplicationStep[] {
  return APPLICATION_STEPS.filter((s) => withIdentity || s !== 'identity');
}

/** Where a screen sits in this resident's steps: number, total and which step; null off the numbered path. */
export function stepPosition(step: Step, withIdentity: boolean): { n: number; total: number; step: ApplicationStep } | null {
  const s = STEP_OF[step];
  if (!s) return null;
  const steps = applicationSteps(withIdentity || s === 'identity');
  return { n: steps.indexOf(s) + 1, total: steps.length, step: s };
}
