// The maintenance window (e.g. 02:00-05:00 in the terminal's civil time zone, which may span midnight) and this
// terminal's own slot inside it: a stable spread by terminal id, so the terminals of one street do not all restart
// in the same minute even when their ring opens for all of them at once.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { localMinutesOfDay } from '@easydo/core/contract/local-time';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');
export const MaintenanceWindow = z.strictObject({ start: HHMM, end: HHMM });
export type MaintenanceWindow = z.infer<typeof MaintenanceWindow>;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes since local midnight in `timeZone`. */
export function localMinutes(now: number, timeZone: string): number {
  return localMinutesOfDay(new Date(now), timeZone);
}

/** Minutes from the window's start to `now` (local), or null when outside it. */
function intoWindow(now: number, w: MaintenanceWindow, timeZone: string): number | null {
  const s = minutes(w.start);
  const length = (minutes(w.end) - s + 1440) % 1440 || 1440;
  const into = (localMinutes(now, timeZone) - s + 1440) % 1440;
  return into < length ? into : null;
}

export function inWindow(now: number, w: MaintenanceWindow, timeZone: string): boolean {
  return intoWindow(now, w, timeZone) !== null;
}

/**
 * True from this terminal's slot to the window's end. The slot is a hash of the id spread over the first half of
 * the window, so every terminal still has half a window for a retry after its slot.
 */
export function inOwnSlot(now: number, w: MaintenanceWindow, timeZone: string, terminalId: string): boolean {
  const into = intoWindow(now, w, timeZone);
  if (into === null) return false;
  const length = (minutes(w.end) - minutes(w.start) + 1440) % 1440 || 1440;
  return into >= slotMinute(terminalId, length);
}

export function slotMinute(terminalId: string, windowMinutes: number): number {
  const h = createHash('sha256').update(terminalId).digest().readUInt32BE(0);
  return h % Math.max(1, Math.floor(windowMinutes / 2));
}
