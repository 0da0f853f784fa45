// A designed screen for a state people meet (issue 17 item 4): a picture of what to do, a title in plain words,
// the steps to take, one main action. Spoken once when it appears, so a resident who cannot read it hears it.
// Shown over the screen (role alertdialog) when it interrupts, or in place of a screen's content when not.
import { useEffect, type ReactNode } from 'react';

/** One step: its words, and a test id where a test or another part reads that step alone. */
export type StateStep = string | { text: string; testId: string };

export interface StateScreenProps {
  testId: string;
  title: string;
  /** Attributes of the title (a test id, a data-kind) where the title itself is what others read. */
  titleProps?: Record<`data-${string}`, string>;
  /** What to do, one short step each. */
  steps: StateStep[];
  /** The picture: an illustration of the action (PlaceCardArt, an icon). Decorative: the words say the same. */
  art?: ReactNode;
  /** Over the screen (an interruption) or inside it. */
  overlay?: boolean;
  /** Inside a screen that has its own work (a checklist): picture beside the words, so it takes little height. */
  compact?: boolean;
  /** The one way on; none where the screen's own buttons are the way (a state inside a screen). */
  actions?: ReactNode;
  /** Without it the screen is not spoken by itself (the step's own arrival speech covers it). */
  speak?: (text: string) => void;
}

const textOf = (s: StateStep) => (typeof s === 'string' ? s : s.text);

export function StateScreen({ testId, title, titleProps, steps, art, overlay = false, compact = false, actions, speak }: StateScreenProps) {
  const spoken = `${title}。${steps.map(textOf).join('')}`;
  useEffect(() => speak?.(spoken), [spoken]);
  const titleId = `${testId}-title`;
  return (
    <section
      className={overlay ? 'modal state-screen' : compact ? 'panel state-screen state-screen-compact' : 'panel state-screen'}
      data-testid={testId}
      {...(overlay ? { role: 'alertdialog', 'aria-modal': true } : { role: 'status' })}
      aria-labelledby={titleId}
    >
      {art && <div className="state-screen-art">{art}</div>}
      <h2 id={titleId} {...titleProps}>
        {title}
      </h2>
      <ol className="state-screen-steps">
        {steps.map((s) => (
          <li key={textOf(s)} {...(typeof s === 'string' ? {} : { 'data-testid': s.testId })}>
            {textOf(s)}
          </li>
        ))}
      </ol>
      {actions && <div className="actions">{actions}</div>}
    </section>
  );
}
