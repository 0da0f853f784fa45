// When a resident's visit is over. Every end (finished, cancelled, idle, and main's 'session:ended' for card
// removal or admin takeover, which KioskApp feeds to the machine) brings the journey back to the attract
// screen, so that return is the one signal. A late duplicate 'session:ended' while already on the attract
// screen is no new end: it must not undo what the next person has just chosen.
import type { Step } from './step';

export function sessionJustEnded(previous: Step, current: Step): boolean {
  return current === 'attract' && previous !== 'attract';
}
