// The terminal's time zone for every screen (from terminal:info), and the formatters bound to it and to the
// screen language, so a screen writes `when(at)` and never picks a zone or a format itself.
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIME_ZONE } from '../contract/local-time';
import { formatDateText, formatDateTimeText } from './date-time';

export const TimeZoneContext = createContext<string>(DEFAULT_TIME_ZONE);

export function useDateTimeText(): { dateTime: (at: string | number | Date) => string; date: (at: string | number | Date) => string } {
  const timeZone = useContext(TimeZoneContext);
  const { i18n } = useTranslation();
  const language = i18n.language ?? 'zh-CN';
  return { dateTime: (at) => formatDateTimeText(at, language, timeZone), date: (at) => formatDateText(at, language, timeZone) };
}
