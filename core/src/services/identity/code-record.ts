// The platform's verified identity as the session's record, so a session by code is a resident session like a
// card session (same masking, prefill, wipe, and the same rules for an expired document: the issuer says when the
// document behind the code ends). There is no card: no first day, nothing about a chip.
import type { VerifiedIdentity } from '@easydo/backend-client/types';
import type { CardRecord } from '../session/card-record';

export function recordFromVerifiedIdentity(identity: VerifiedIdentity): CardRecord {
  return {
    cardType: identity.cardType,
    name: identity.name,
    gender: identity.gender,
    birthDate: identity.birthDate,
    idNumber: identity.idNumber,
    validFrom: '',
    validTo: identity.documentValidTo ?? '',
    checkDigitValid: true,
  } as CardRecord;
}
