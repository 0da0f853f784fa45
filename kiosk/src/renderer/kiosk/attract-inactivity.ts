// Settings a person changes on the attract screen without ever starting a session (elder mode, language,
// volume) must not wait there for the next person: after the same quiet time that would warn a resident in a
// session, the attract screen resets them. Any touch or key restarts the wait.
import { useEffect, useRef } from 'react';

export interface InactivityTimer {
  /** Something happened on screen: start the wait again. */
  poke(): void;
  stop(): void;
}

/** The timer core, free of React and the DOM so it can be tested with fake timers. */
export function startInactivityTimer(afterMs: number, onIdle: () => void): InactivityTimer {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    if (handle !== undefined) clearTimeout(handle);
    handle = setTimeout(() => {
      handle = undefined;
      onIdle();
    }, afterMs);
  };
  arm();
  return {
    poke: arm,
    stop() {
      if (handle !== undefined) clearTimeout(handle);
      handle = undefined;
    },
  };
}

/** While `active`, calls `onIdle` after `afterMs` without a touch or key anywhere on the page. */
export function useAttractInactivity(active: boolean, afterMs: number, onIdle: () => void): void {
  const latest = useRef(onIdle);
  latest.current = onIdle;
  useEffect(() => {
    if (!active) return;
    const timer = startInactivityTimer(afterMs, () => latest.current());
    const poke = () => timer.poke();
    document.addEventListener('pointerdown', poke, true);
    document.addEventListener('keydown', poke, true);
    return () => {
      timer.stop();
      document.removeEventListener('pointerdown', poke, true);
      document.removeEventListener('keydown', poke, true);
    };
  }, [active, afterMs]);
}
