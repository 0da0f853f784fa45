// The idle warning, a designed state screen: a large countdown a resident sees without reading, the question in
// plain words, one large button to continue (and a smaller one to end now). Spoken once when it opens; the
// countdown updates silently (the words say the same number for screen readers, politely).
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

/** A ring that empties as the seconds run out, the number inside. Decorative: the body says the number. */
function CountdownRing({ remaining, total }: { remaining: number; total: number }) {
  const r = 54;
  const length = 2 * Math.PI * r;
  const left = total > 0 ? remaining / total : 0;
  return (
    <svg className="countdown-ring" viewBox="0 0 128 128" width="160" height="160" aria-hidden="true" data-testid="idle-countdown" data-remaining={remaining}>
      <circle cx="64" cy="64" r={r} className="countdown-track" />
      <circle cx="64" cy="64" r={r} className="countdown-left" strokeDasharray={length} strokeDashoffset={length * (1 - left)} transform="rotate(-90 64 64)" />
      <text x="64" y="64" className="countdown-number" textAnchor="middle" dominantBaseline="central">
        {remaining}
      </text>
    </svg>
  );
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
    <div className="modal state-screen idle-warning" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body" data-testid="idle-warning">
      <div className="state-screen-art">
        <CountdownRing remaining={remaining} total={seconds} />
      </div>
      <h2 id="idle-title">{title}</h2>
      <p id="idle-body" className="state-screen-lead" aria-live="polite">
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
