// The persistent step bar: "第 n 步，共 m 步：name" in words (read by screen readers and 朗读本页), and a row of
// segments for the eye: done ones filled with a tick, the current one filled and outlined, the rest hollow; shape
// and fill carry the state, never colour alone.
import type { TFunction } from 'i18next';
import { Check } from 'lucide-react';
import { applicationSteps, type ApplicationStep } from './step';

export interface StepBarProps {
  position: { n: number; total: number; step: ApplicationStep };
  withIdentity: boolean;
  t: TFunction<'journey'>;
}

export function StepBar({ position, withIdentity, t }: StepBarProps) {
  const steps = applicationSteps(withIdentity || position.step === 'identity');
  return (
    <nav className="stepbar-frame" aria-label={t('stepOf', { n: position.n, total: position.total, name: t(`steps.${position.step}`) })}>
      <p className="stepbar" data-testid="stepbar" data-step-number={position.n} aria-live="polite">
        {t('stepOf', { n: position.n, total: position.total, name: t(`steps.${position.step}`) })}
      </p>
      <ol className="step-segments" aria-hidden="true">
        {steps.map((s, i) => (
          <li key={s} className={i + 1 < position.n ? 'seg done' : i + 1 === position.n ? 'seg current' : 'seg'}>
            {i + 1 < position.n ? <Check size="1em" strokeWidth={3} /> : i + 1}
          </li>
        ))}
      </ol>
    </nav>
  );
}
