// A designed screen for a state people meet (issue 17 item 4): a picture of what to do, a title in plain words,
// the steps to take, one main action. Spoken once when it appears, so a resident who cannot read it hears it.
// Shown over the screen (role alertdialog) when it interrupts, or in place of a screen's content when not.
import { useEffect, type ReactNode } from 'react';

export interface StateScreenProps {
  testId: string;
  title: string;
  /** What to do, one short step each. */
  steps: string[];
  /** The picture: an illustration of the action (PlaceCardArt, an icon). Decorative: the words say the same. */
  art?: ReactNode;
  /** Over the screen (an interruption) or inside it. */
  overlay?: boolean;
  /** The one way on; none where the screen's own buttons are the way (a state inside a screen). */
  actions?: ReactNode;
  speak?: (text: string) => void;
}

export function StateScreen({ testId, title, steps, art, overlay = false, actions, speak }: StateScreenProps) {
  const spoken = `${title}。${steps.join('')}`;
  useEffect(() => speak?.(spoken), [spoken]);
  const titleId = `${testId}-title`;
  return (
    <section
      className={overlay ? 'modal state-screen' : 'panel state-screen'}
      data-testid={testId}
      {...(overlay ? { role: 'alertdialog', 'aria-modal': true } : { role: 'status' })}
      aria-labelledby={titleId}
    >
      {art && <div className="state-screen-art">{art}</div>}
      <h2 id={titleId}>{title}</h2>
      <ol className="state-screen-steps">
        {steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      {actions && <div className="actions">{actions}</div>}
    </section>
  );
}
