// The cardholder record held in main for the length of a session. Keys and formats follow the reader's output
// (and fixtures/idcard/cardholders.json). It never leaves main unmasked and is never written to disk.
import type { MaskedCard } from '@easydo/core/contract/schemas/card';
import { maskIdNumber, maskLatinName, maskName } from '@easydo/core/services/privacy/masking';
import { DEFAULT_TIME_ZONE, localDateStamp } from '@easydo/core/contract/local-time';
import { Failure } from '../ipc/failure';

export interface CardRecord {
  cardType: 'resident' | 'hmt_permit' | 'foreigner_2017' | 'foreigner_2023';
  name: string;
  gender: string;
  birthDate: string;
  idNumber: string;
  validFrom: string;
  validTo: string;
  checkDigitValid?: boolean;
  ethnicityCode?: string;
  address?: string | null;
  issuer?: string | null;
  permitNumber?: string;
  issueCount?: string;
  chineseName?: string;
  englishName?: string;
  nationality?: string;
  cardNumber?: string;
}

/** YYYYMMDD (or 长期) compared with today's civil date in the terminal's zone (a card valid to today is valid all day). */
export function isExpired(validTo: string, today: Date, timeZone: string = DEFAULT_TIME_ZONE): boolean {
  if (!/^\d{8}$/.test(validTo)) return false;
  return validTo < localDateStamp(today, timeZone);
}

export function toMaskedCard(card: CardRecord, today: Date = new Date(), timeZone: string = DEFAULT_TIME_ZONE): MaskedCard {
  const masked: MaskedCard = {
    cardType: card.cardType,
    nameMasked: maskName(card.name),
    idNumberMasked: maskIdNumber(card.idNumber),
    gender: card.gender,
    birthYear: card.birthDate.slice(0, 4),
    validTo: card.validTo,
    expired: isExpired(card.validTo, today, timeZone),
    checkDigitValid: card.checkDigitValid ?? true,
  };
  if (card.nationality) masked.nationality = card.nationality;
  if (card.englishName?.trim()) masked.latinNameMasked = maskLatinName(card.englishName);
  return masked;
}

/**
 * An expired card stops an item that does not accept one (the catalogue says which do, e.g. renewals), with
 * a reason the screens explain: what to do instead (the counter, a 临时身份证).
 */
export function assertCardAccepted(card: CardRecord, item: { acceptsExpiredCard?: boolean | undefined }, today: Date = new Date(), timeZone: string = DEFAULT_TIME_ZONE): void {
  if (item.acceptsExpiredCard || !isExpired(card.validTo, today, timeZone)) return;
  throw new Failure('state', 'The identity card has expired and this item does not accept an expired card', 'card-expired');
}
