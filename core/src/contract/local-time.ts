// One clock for people: every time a resident or clerk reads (receipt, screens, query history) and the date
// inside an acceptance number is the terminal's civil time zone (Asia/Shanghai unless configured), in one
// format: 2025-01-02 09:30. Pure (Intl only), so main, receipts and the renderer share it.
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

function parts(at: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(at)) out[p.type] = p.value;
  return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

function toDate(at: string | number | Date): Date | null {
  const d = at instanceof Date ? at : new Date(at);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Minutes since local midnight in the zone (the update agent's maintenance window is read on this clock). */
export function localMinutesOfDay(at: Date, timeZone: string = DEFAULT_TIME_ZONE): number {
  const p = parts(at, timeZone);
  return Number(p.hour) * 60 + Number(p.minute);
}

/** "2025-01-02 09:30" in the zone; an unreadable input comes back unchanged (a screen never shows "Invalid Date"). */
export function formatLocalDateTime(at: string | number | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const d = toDate(at);
  if (!d) return String(at);
  const p = parts(d, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "2025-01-02" in the zone. A bare date (YYYY-MM-DD, e.g. a due date) is a civil date already and stays as it is. */
export function formatLocalDate(at: string | number | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  const d = toDate(at);
  if (!d) return String(at);
  const p = parts(d, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "20250102": the civil date as it appears inside acceptance numbers and card validity dates. */
export function localDateStamp(at: string | number | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return formatLocalDate(at, timeZone).replaceAll('-', '');
}
