// A connected call keeps the kiosk visit from idling out while the resident talks with the clerk, but not for
// ever: once nobody has really touched the screen for CALL_KEEP_ALIVE_CAP_MS, the call stops vouching for the
// resident, so the visit's own idle warning shows (and ends a visit left behind with a call still open).
import { useEffect, useRef } from 'react';

/** How often a connected call tells the visit the resident is still there (well inside the idle warning). */
export const CALL_ACTIVITY_MS = 20_000;
/** How long after the last real touch or key a connected call still keeps the visit alive. */
export const CALL_KEEP_ALIVE_CAP_MS = 10 * 60_000;

/** Whether a call's activity tick still counts, given the last real touch. */
export function callKeepsVisitAlive(lastTouchAt: number, now: number): boolean {
  return now - lastTouchAt < CALL_KEEP_ALIVE_CAP_MS;
}

type Touchable = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** Reports activity every CALL_ACTIVITY_MS until the cap after the last real touch on `page`; returns the stop. */
export function startCallKeepAlive(page: Touchable, onActivity: () => void, now: () => number = Date.now): () => void {
  let lastTouchAt = now(); // the resident just agreed to the call
  const touched = () => void (lastTouchAt = now());
  page.addEventListener('pointerdown', touched, true);
  page.addEventListener('keydown', touched, true);
  const timer = setInterval(() => {
    if (callKeepsVisitAlive(lastTouchAt, now())) onActivity();
  }, CALL_ACTIVITY_MS);
  return () => {
    clearInterval(timer);
    page.removeEventListener('pointerdown', touched, true);
    page.removeEventListener('keydown', touched, true);
  };
}

/** While `connected`, the call keeps the visit alive (capped, see above). */
export function useCallKeepAlive(connected: boolean, onActivity: () => void): void {
  const latest = useRef(onActivity);
  latest.current = onActivity;
  useEffect(() => {
    if (!connected) return;
    return startCallKeepAlive(document, () => latest.current());
  }, [connected]);
}
