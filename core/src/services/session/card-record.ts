// The cardholder record held in main for the length of a session. Keys and formats follow the reader's output
// (and fixtures/idcard/cardholders.json). It never leaves main unmasked and is never written to disk.
import type { MaskedCard } from '@easydo/core/contract/schemas/card';
import { maskIdNumber, maskName } from '@easydo/core/contract/masking';

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

/** YYYYMMDD (or 长期) compared with today's date in the same format. */
export function isExpired(validTo: string, today: Date): boolean {
  if (!/^\d{8}$/.test(validTo)) return false;
  const ymd = today.toISOString().slice(0, 10).replaceAll('-', '');
  return validTo < ymd;
}

export function toMaskedCard(card: CardRecord, today: Date = new Date()): MaskedCard {
  const masked: MaskedCard = {
    cardType: card.cardType,
    nameMasked: maskName(card.name),
    idNumberMasked: maskIdNumber(card.idNumber),
    gender: card.gender,
    birthYear: card.birthDate.slice(0, 4),
    validTo: card.validTo,
    expired: isExpired(card.validTo, today),
    checkDigitValid: card.checkDigitValid ?? true,
  };
  if (card.nationality) masked.nationality = card.nationality;
  return masked;
}
