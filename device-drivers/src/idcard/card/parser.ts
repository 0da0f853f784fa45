// 256-byte text block -> IdCard. The type marker at offset 248 is checked first (parsing every card as the
// resident layout is the classic bug, reference §7). Fields are UTF-16LE padded with spaces; odd data is
// carried through as text, never fatal, except an unknown card type or a short block.
import type { CardType, IdCard } from './card';
import { CARD_TYPE_MARKERS } from './card';
import { isValidGb11643 } from './check-digit';
import { IdCardError } from '../errors';
import { ethnicityName, hmtRegionOf } from './ethnicity';
import {
  FOREIGNER_2017_ISSUERS,
  FOREIGNER_2023_ISSUER,
  LAYOUTS,
  MARKER_OFFSET,
  TEXT_BYTES,
  trimPadding,
} from './layout';

const utf16 = new TextDecoder('utf-16le');

export interface ParseCardOptions {
  photo?: Uint8Array | null;
  /** Extra ethnicity codes (e.g. groups outside GB 3304) layered over the built-in table. */
  extraEthnicities?: Readonly<Record<string, string>>;
}

function readChars(text: Uint8Array, offset: number, chars: number): string {
  return utf16.decode(text.subarray(offset, offset + chars * 2));
}

const clean = (value: string): string => trimPadding(value);

export function cardTypeOf(text: Uint8Array): CardType {
  if (text.length < TEXT_BYTES) {
    throw new IdCardError('badCardData', `text block has ${text.length} bytes, expected ${TEXT_BYTES}`, 'parse');
  }
  const marker = readChars(text, MARKER_OFFSET, 1);
  const type = (Object.keys(CARD_TYPE_MARKERS) as CardType[]).find((t) => CARD_TYPE_MARKERS[t] === marker);
  if (!type) {
    const code = (text[MARKER_OFFSET]! | (text[MARKER_OFFSET + 1]! << 8)).toString(16).padStart(4, '0');
    throw new IdCardError('unknownCardType', `unknown card type marker U+${code.toUpperCase()} at offset ${MARKER_OFFSET}`, 'parse');
  }
  return type;
}

/** Parse a card's 256-byte text block. Throws only IdCardError ('badCardData' or 'unknownCardType'). */
export function parseCardText(text: Uint8Array, options: ParseCardOptions = {}): IdCard {
  const cardType = cardTypeOf(text);
  const raw: Record<string, string> = {};
  for (const spec of LAYOUTS[cardType]) raw[spec.field] = readChars(text, spec.offset, spec.chars);
  const v = (field: string): string => clean(raw[field] ?? '');
  const photo = options.photo ?? null;

  switch (cardType) {
    case 'resident': {
      const idNumber = v('idNumber');
      const code = v('ethnicityCode');
      return {
        cardType,
        name: v('name'),
        gender: v('gender'),
        ethnicityCode: code,
        ethnicityName: ethnicityName(code, options.extraEthnicities),
        birthDate: v('birthDate'),
        address: v('address'),
        idNumber,
        issuer: v('issuer'),
        validFrom: v('validFrom'),
        validTo: v('validTo'),
        checkDigitValid: isValidGb11643(idNumber),
        photo,
      };
    }
    case 'hmt_permit': {
      const idNumber = v('idNumber');
      return {
        cardType,
        name: v('name'),
        gender: v('gender'),
        birthDate: v('birthDate'),
        address: v('address'),
        idNumber,
        issuer: v('issuer'),
        validFrom: v('validFrom'),
        validTo: v('validTo'),
        permitNumber: v('permitNumber'),
        issueCount: v('issueCount'),
        hmtRegion: hmtRegionOf(idNumber),
        checkDigitValid: isValidGb11643(idNumber),
        photo,
      };
    }
    case 'foreigner_2017': {
      const cardNumber = v('cardNumber');
      const chineseName = v('chineseName');
      const issuerCode = v('issuerCode');
      return {
        cardType,
        name: chineseName,
        gender: v('gender'),
        birthDate: v('birthDate'),
        address: null,
        idNumber: cardNumber,
        issuer: FOREIGNER_2017_ISSUERS[issuerCode] ?? null,
        validFrom: v('validFrom'),
        validTo: v('validTo'),
        chineseName,
        englishName: v('englishName'),
        nationality: v('nationality'),
        cardNumber,
        cardVersion: v('cardVersion'),
        issuerCode,
        // The 2017 number's last digit follows no documented algorithm: report "not checkable".
        checkDigitValid: null,
        photo,
      };
    }
    case 'foreigner_2023': {
      const cardNumber = v('cardNumber');
      const chineseName = v('chineseName');
      const rest = clean(raw.englishName2 ?? '');
      // When the name continues at offset 220, the first part is used unpadded so a space at character 35 survives.
      const englishName = rest ? trimPadding(raw.englishName1 ?? '', 'start') + rest : v('englishName1');
      return {
        cardType,
        name: chineseName,
        gender: v('gender'),
        birthDate: v('birthDate'),
        address: null,
        idNumber: cardNumber,
        issuer: v('issuerText') || FOREIGNER_2023_ISSUER,
        validFrom: v('validFrom'),
        validTo: v('validTo'),
        chineseName,
        englishName,
        nationality: v('nationality'),
        cardNumber,
        renewalCount: v('renewalCount'),
        previousNumberLink: v('previousNumberLink'),
        checkDigitValid: isValidGb11643(cardNumber) && cardNumber.startsWith('9'),
        photo,
      };
    }
  }
}
