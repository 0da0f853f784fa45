// Whole seconds left of a countdown, from wall-clock time rather than counted ticks: a timer that fires late
// (a busy renderer, a throttled tab) must not make something stay on screen longer than promised.
export function secondsLeft(startedAt: number, now: number, totalSeconds: number): number {
  return Math.max(0, Math.min(totalSeconds, totalSeconds - Math.floor((now - startedAt) / 1000)));
}
