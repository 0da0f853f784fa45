// Times as a person in the hall reads them: the terminal's civil time zone (config `timeZone`, Asia/Shanghai by
// default) in the screen language's own way of writing a date: "2026年12月2日 14:05", "2 Dec 2026, 14:05".
// Month names are fixed here rather than taken from the ICU data, whose short forms vary by version ("Sep"/"Sept").
import { DEFAULT_TIME_ZONE } from '../contract/local-time';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Civil {
  year: number;
  month: number;
  day: number;
  hour: string;
  minute: string;
}

function civil(at: Date, timeZone: string): Civil {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const p: Record<string, string> = {};
  for (const part of fmt.formatToParts(at)) p[part.type] = part.value;
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: p.hour!.padStart(2, '0'), minute: p.minute!.padStart(2, '0') };
}

const isEnglish = (language: string) => language.toLowerCase().startsWith('en');

function dateText(c: Pick<Civil, 'year' | 'month' | 'day'>, language: string): string {
  return isEnglish(language) ? `${c.day} ${MONTHS_EN[c.month - 1]} ${c.year}` : `${c.year}年${c.month}月${c.day}日`;
}

/** A moment (ISO string, epoch ms or Date) as date and time in the zone; an unreadable input comes back as it is. */
export function formatDateTimeText(at: string | number | Date, language: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  const c = civil(d, timeZone);
  return `${dateText(c, language)}${isEnglish(language) ? ', ' : ' '}${c.hour}:${c.minute}`;
}

/** A date only. A bare civil date (YYYY-MM-DD, e.g. a due date) is a date already: no zone shifts it. */
export function formatDateText(at: string | number | Date, language: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const bare = typeof at === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(at) : null;
  if (bare) return dateText({ year: Number(bare[1]), month: Number(bare[2]), day: Number(bare[3]) }, language);
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  return dateText(civil(d, timeZone), language);
}
