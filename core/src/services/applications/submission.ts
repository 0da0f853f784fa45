// What an application carries: the applicant from the card, and the form with card prefill merged in main.
// Values the renderer sends for prefilled, non-editable fields are ignored: the card is the source of truth.
import type { Applicant, CatalogueItem } from '@easydo/backend-client/types';
import type { CardRecord } from '../session/card-record';
import type { Prefill } from './prefill';
import type { FormValue } from '@easydo/core/contract/schemas/application';


const VERIFIED_BY = { card: 'card', code: 'phone_code', 'card+code': 'card_and_code' } as const;

/** `verifiedBy`: how the session's identity was established (core/services/session/session-identity.ts). */
export function buildApplicant(card: CardRecord, verifiedBy?: keyof typeof VERIFIED_BY): Applicant {
  return {
    type: 'natural_person', idType: card.cardType, idNumber: card.idNumber, name: card.name, ...(card.englishName ? { latinName: card.englishName } : {}),
    ...(verifiedBy ? { identityVerifiedBy: VERIFIED_BY[verifiedBy] } : {}),
  };
}

/** `card.name` -> the card's name, etc. Unknown paths yield undefined. */
export function cardValue(card: CardRecord, source: string): FormValue | undefined {
  if (!source.startsWith('card.')) return undefined;
  const value = (card as unknown as Record<string, unknown>)[source.slice('card.'.length)];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/**
 * Typed values for known fields only; prefilled values win where the item says they are not editable, and
 * fill in wherever the resident left a field empty.
 */
export function mergeForm(item: CatalogueItem, prefill: Prefill, typed: Record<string, FormValue>): Record<string, FormValue> {
  const known = new Set(item.fields.map((f) => f.key));
  const form: Record<string, FormValue> = {};
  for (const [key, value] of Object.entries(typed)) {
    if (known.has(key)) form[key] = value;
  }
  for (const [key, p] of Object.entries(prefill)) {
    if (!p.editable || form[key] === undefined || form[key] === '') form[key] = p.value;
  }
  return form;
}
