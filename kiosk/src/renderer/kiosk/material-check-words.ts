// A page's checks (what was read, compared with the card and the form) in the resident's words: one sentence per
// check, mismatches first as main sends them, and what to do when any asks the resident to look. No codes, no
// status by colour alone: the words say it, the screen adds an icon.
import type { PageChecks, PageFieldCheck } from '@easydo/core/contract/schemas/journey-materials';

type T = (key: string, params?: Record<string, string>) => string;

export interface CheckLine {
  status: PageFieldCheck['status'] | 'nothingRead';
  text: string;
}

export interface PageCheckWords {
  lines: CheckLine[];
  /** Retake, remove, or carry on and the clerk checks: shown when a line is not a match. */
  whatToDo: string | null;
}

export function pageCheckWords(checks: PageChecks, t: T, lang: 'zh' | 'en', cardType: string | null): PageCheckWords {
  if (checks.state === 'none') return { lines: [], whatToDo: null };
  if (checks.state === 'nothingRead') return { lines: [{ status: 'nothingRead', text: t('materials.check.nothingRead') }], whatToDo: t('materials.check.whatToDo') };
  const card = t(cardType === 'resident' ? 'materials.check.yourCard_resident' : 'materials.check.yourCard_other');
  const lines = checks.checks.map((c): CheckLine => {
    const onCard = c.against.startsWith('card.');
    const what = onCard ? t(`materials.check.field_${c.against.slice('card.'.length)}`) : (c.formLabel?.[lang] ?? c.against.slice('form.'.length));
    const text =
      c.status === 'match'
        ? t(onCard ? 'materials.check.matchCard' : 'materials.check.matchForm', { what, card })
        : c.status === 'unreadable'
          ? t('materials.check.unreadable', { what })
          : onCard
            ? c.readMasked
              ? t('materials.check.mismatchCardRead', { what, card, read: c.readMasked })
              : t('materials.check.mismatchCard', { what, card })
            : t('materials.check.mismatchForm', { what });
    return { status: c.status, text };
  });
  return { lines, whatToDo: lines.some((l) => l.status !== 'match') ? t('materials.check.whatToDo') : null };
}
