// Screen times: the terminal's zone, the language's way of writing a date, never an ISO string.
import { describe, expect, it } from 'vitest';
import { formatDateText, formatDateTimeText } from '@easydo/core/ui/date-time';

describe('formatDateTimeText', () => {
  const at = '2026-12-02T06:05:00.000Z';
  it('writes Beijing time in Chinese and in English', () => {
    expect(formatDateTimeText(at, 'zh-CN', 'Asia/Shanghai')).toBe('2026年12月2日 14:05');
    expect(formatDateTimeText(at, 'en', 'Asia/Shanghai')).toBe('2 Dec 2026, 14:05');
  });
  it('follows the configured zone, across a date line', () => {
    expect(formatDateTimeText('2026-12-01T17:30:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年12月2日 01:30');
    expect(formatDateTimeText('2026-12-01T17:30:00Z', 'en', 'Europe/London')).toBe('1 Dec 2026, 17:30');
    expect(formatDateTimeText(Date.parse('2026-09-09T00:00:00Z'), 'en-GB', 'Asia/Shanghai')).toBe('9 Sep 2026, 08:00');
  });
  it('leaves an unreadable value as it is rather than "Invalid Date"', () => {
    expect(formatDateTimeText('soon', 'zh-CN')).toBe('soon');
  });
});

describe('formatDateText', () => {
  it('keeps a bare civil date on its day in any zone', () => {
    expect(formatDateText('2026-12-31', 'zh-CN', 'America/Los_Angeles')).toBe('2026年12月31日');
    expect(formatDateText('2026-12-31', 'en', 'Pacific/Kiritimati')).toBe('31 Dec 2026');
  });
  it('dates a moment in the zone', () => {
    expect(formatDateText('2026-12-01T17:30:00Z', 'en', 'Asia/Shanghai')).toBe('2 Dec 2026');
  });
});
