// A page's checks (what was read off it, compared with the resident's card) in the clerk's words, mismatches first
// as main sends them: the same checks the kiosk shows the resident, worded for the one who checks the original.
import type { PageChecks, PageFieldCheck } from '@easydo/core/contract/schemas/journey-materials';

type T = (key: string, params?: Record<string, string>) => string;

export interface ClerkCheckLine {
  status: PageFieldCheck['status'] | 'nothingRead';
  text: string;
}

export function clerkCheckLines(checks: PageChecks, t: T, lang: 'zh' | 'en'): ClerkCheckLine[] {
  if (checks.state === 'none') return [];
  if (checks.state === 'nothingRead') return [{ status: 'nothingRead', text: t('check_nothingRead') }];
  return checks.checks.map((c) => {
    const onCard = c.against.startsWith('card.');
    const what = onCard ? t(`check_field_${c.against.slice('card.'.length)}`) : (c.formLabel?.[lang] ?? c.against.slice('form.'.length));
    const key =
      c.status === 'match'
        ? onCard ? 'check_matchCard' : 'check_matchForm'
        : c.status === 'unreadable'
          ? 'check_unreadable'
          : !onCard ? 'check_mismatchForm' : c.readMasked ? 'check_mismatchCardRead' : 'check_mismatchCard';
    return { status: c.status, text: t(key, { what, read: c.readMasked ?? '' }) };
  });
}

export const needsLook = (lines: readonly ClerkCheckLine[]): boolean => lines.some((l) => l.status !== 'match');
