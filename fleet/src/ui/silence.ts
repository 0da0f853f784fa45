/** "12 s ago" / "3 min ago" for a terminal's last heartbeat. */
export function silenceText(t: (k: string, o?: Record<string, unknown>) => string, seconds: number | null): string {
  if (seconds === null) return t('list.never');
  return seconds < 120 ? t('list.ago', { s: seconds }) : t('list.agoMin', { m: Math.round(seconds / 60) });
}
