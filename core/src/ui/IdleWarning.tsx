// The idle warning: shown and spoken, counting down visibly, with one large button to continue.
import { useEffect, useState } from 'react';

export interface IdleWarningProps {
  seconds: number;
  title: string;
  body: (remaining: number) => string;
  extendLabel: string;
  endLabel: string;
  onExtend(): void;
  onEnd(): void;
  speak(text: string): void;
}

export function IdleWarning({ seconds, title, body, extendLabel, endLabel, onExtend, onEnd, speak }: IdleWarningProps) {
  const [remaining, setRemaining] = useState(seconds);
  useEffect(() => {
    speak(`${title}。${body(seconds)}`);
    const started = Date.now();
    const timer = setInterval(() => setRemaining(Math.max(0, seconds - Math.floor((Date.now() - started) / 1000))), 250);
    return () => clearInterval(timer);
    // Speak once when the warning opens; the countdown updates silently.
  }, [seconds]);
  return (
    <div className="modal idle-warning" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body" data-testid="idle-warning">
      <h2 id="idle-title">{title}</h2>
      <p id="idle-body" aria-live="polite">
        {body(remaining)}
      </p>
      <div className="actions">
        <button type="button" className="btn btn-primary btn-main" data-testid="idle-extend" onClick={onExtend} autoFocus>
          {extendLabel}
        </button>
        <button type="button" className="btn btn-secondary" data-testid="idle-end" onClick={onEnd}>
          {endLabel}
        </button>
      </div>
    </div>
  );
}
