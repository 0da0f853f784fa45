// The cardholder record held in main for the length of a session. Keys and formats follow the reader's output
// (and fixtures/idcard/cardholders.json). It never leaves main unmasked and is never written to disk.
import type { IdCard } from '@easydo/device-drivers/idcard/card/card';
import type { MaskedCard } from '@easydo/core/contract/schemas/card';
import { maskIdNumber, maskLatinName, maskName } from '@easydo/core/services/privacy/masking';
import { DEFAULT_TIME_ZONE, localDateStamp } from '@easydo/core/contract/local-time';
import { Failure } from '../errors/failure';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type FieldOf<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/** The driver's card without the photo, fingerprints and appended addresses: main's session never holds them. */
type CardText = DistributiveOmit<IdCard, 'photo' | 'fingerprint' | 'newAddresses' | 'checkDigitValid'>;
/** What every card type carries and a session relies on. */
type Always = 'cardType' | 'name' | 'gender' | 'birthDate' | 'idNumber' | 'validFrom' | 'validTo';

/**
 * One flat record for every card type, derived from the driver's `IdCard`: the fields every card has, and the
 * fields of any card type as optional (a resident has no `englishName`), so a field the driver adds or
 * changes reaches the session without a second declaration. `checkDigitValid` is false only for a number
 * that fails its check; a number without a documented rule counts as valid.
 */
export type CardRecord = Pick<CardText, Always> & { [K in Exclude<KeysOfUnion<CardText>, Always>]?: FieldOf<CardText, K> } & {
  checkDigitValid?: boolean;
};

/** The driver's card as main keeps it (see CardRecord). */
export function toCardRecord(card: IdCard): CardRecord {
  const { photo: _photo, fingerprint: _fingerprint, newAddresses: _addresses, checkDigitValid, ...text } = card;
  return { ...text, checkDigitValid: checkDigitValid !== false };
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
