// Signs the clerk out after a quiet period: any pointer or key input restarts the clock. Main enforces the
// same limit on its side, so a frozen screen cannot keep a session alive.
import { useEffect } from 'react';

export function useIdle(timeoutSeconds: number, onIdle: () => void, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(onIdle, timeoutSeconds * 1000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, timeoutSeconds * 1000);
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [timeoutSeconds, onIdle, active]);
}
