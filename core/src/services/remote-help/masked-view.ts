// The one way a kiosk screen becomes what a helping clerk sees: the screen's own report (step, controls, fields
// as displayed) plus the session's masked card, then checked. A view that carries the cardholder's name or
// number in the clear, any personal-number shape, or a base64 image is refused whole, before it leaves main.
import type { HelpScreenReport, HelpView } from '@easydo/core/contract/schemas/remote-help';
import type { CardRecord } from '../session/card-record';
import { toMaskedCard } from '../session/card-record';
import { scrubShapes } from '../logging/text-shapes';
import { Failure } from '../errors/failure';

/** Every string in a value, however deep. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** What of this card must never appear in a view: its number, names and address, in the clear. */
function secretsOf(card: CardRecord | null): string[] {
  if (!card) return [];
  const record = card as unknown as Record<string, unknown>;
  return ['idNumber', 'name', 'englishName', 'address', 'chineseName', 'permitNumber', 'passportNumber']
    .map((k) => record[k])
    .filter((v): v is string => typeof v === 'string' && v.trim().length >= 2)
    .map((v) => v.trim());
}

export type ViewProblem = 'card-in-clear' | 'personal-number' | 'image';

/** Why a view may not be sent, or null when it may. */
export function viewProblem(view: HelpView, card: CardRecord | null): ViewProblem | null {
  const all = strings(view);
  const secrets = secretsOf(card);
  for (const s of all) {
    if (secrets.some((secret) => s.includes(secret))) return 'card-in-clear';
    if (scrubShapes(s) !== s) return 'personal-number';
    if (/data:image\/|[A-Za-z0-9+/]{200,}/.test(s)) return 'image';
  }
  return null;
}

export function buildMaskedView(report: HelpScreenReport, card: CardRecord | null, today: Date, timeZone: string): HelpView {
  const masked = card ? toMaskedCard(card, today, timeZone) : null;
  const view: HelpView = {
    ...report,
    card: masked ? { cardType: masked.cardType, nameMasked: masked.nameMasked, idNumberMasked: masked.idNumberMasked, expired: masked.expired } : null,
  };
  const problem = viewProblem(view, card);
  if (problem) throw new Failure('forbidden', `screen view refused (${problem})`);
  return view;
}
