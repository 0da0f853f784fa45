// Whether a card placed on the reader is the one the session was opened with: a resident who lifts the card
// and puts it back carries on, anyone else's card is a different person (asked before anything is dropped).
import type { CardRecord } from './card-record';

export function isSameCard(a: CardRecord, b: CardRecord): boolean {
  return a.cardType === b.cardType && a.idNumber !== '' && a.idNumber === b.idNumber;
}
