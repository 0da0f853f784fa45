// The card records the driver produces: plain data (strings, null, one Uint8Array for the photo), so they can
// cross IPC as they are. Key names and value formats follow fixtures/idcard/cardholders.json: dates YYYYMMDD,
// validTo YYYYMMDD or 长期, gender as the GB/T 2261.1 code ('1' male, '2' female).

export const CARD_TYPES = ['resident', 'hmt_permit', 'foreigner_2017', 'foreigner_2023'] as const;
export type CardType = (typeof CARD_TYPES)[number];

/** Marker character at text offset 248 (reference §3). */
export const CARD_TYPE_MARKERS: Readonly<Record<CardType, string>> = {
  resident: ' ',
  hmt_permit: 'J',
  foreigner_2017: 'I',
  foreigner_2023: 'Y',
};

export const LONG_TERM = '长期';

interface CardCommon {
  /** Holder name (for foreigners the Chinese name). */
  name: string;
  gender: string;
  birthDate: string;
  /** Resident / HMT: the 18-character ID number; foreigners: the card number. */
  idNumber: string;
  validFrom: string;
  validTo: string;
  issuer: string | null;
  address: string | null;
  /** GB 11643 MOD 11-2 result for numbers that carry one; null where no check rule is documented. */
  checkDigitValid: boolean | null;
  /** Raw 1024-byte WLT photo: opaque, decode only through a WltDecoder, never persist. */
  photo: Uint8Array | null;
  /** Present only when the reader was asked for fingerprints (`30 10`): opaque templates, may be empty. */
  fingerprint?: Uint8Array | null;
  /** Present only when the reader was asked for appended addresses (`30 03`). */
  newAddresses?: string[];
}

export interface ResidentCard extends CardCommon {
  cardType: 'resident';
  ethnicityCode: string;
  /** GB 3304 name, or null for a code outside the table (passed through, not an error). */
  ethnicityName: string | null;
  address: string;
  issuer: string;
}

export interface HmtPermitCard extends CardCommon {
  cardType: 'hmt_permit';
  address: string;
  issuer: string;
  permitNumber: string;
  issueCount: string;
  /** 香港 / 澳门 / 台湾 from the ID number's address code, null if it is none of 81/82/83. */
  hmtRegion: string | null;
}

export interface Foreigner2017Card extends CardCommon {
  cardType: 'foreigner_2017';
  address: null;
  chineseName: string;
  englishName: string;
  nationality: string;
  cardNumber: string;
  cardVersion: string;
  issuerCode: string;
}

export interface Foreigner2023Card extends CardCommon {
  cardType: 'foreigner_2023';
  address: null;
  chineseName: string;
  englishName: string;
  nationality: string;
  cardNumber: string;
  renewalCount: string;
  previousNumberLink: string;
}

export type IdCard = ResidentCard | HmtPermitCard | Foreigner2017Card | Foreigner2023Card;

/**
 * The text fields of any card type, as a cardholder JSON record or an IdCard carries them: what the simulator
 * needs to build a text block. Unused fields for a type are ignored.
 */
export interface CardTextFields {
  cardType: CardType;
  name?: string | null;
  gender?: string | null;
  ethnicityCode?: string | null;
  birthDate?: string | null;
  address?: string | null;
  idNumber?: string | null;
  issuer?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  permitNumber?: string | null;
  issueCount?: string | null;
  chineseName?: string | null;
  englishName?: string | null;
  nationality?: string | null;
  cardNumber?: string | null;
  cardVersion?: string | null;
  issuerCode?: string | null;
  renewalCount?: string | null;
  previousNumberLink?: string | null;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Fields of a card as plain JSON (what cardToJson returns: photo as base64, or left out). */
export type IdCardJson = DistributiveOmit<IdCard, 'photo' | 'fingerprint'> & { photo?: string | null; fingerprint?: string | null };

export function cardToJson(card: IdCard, { includePhoto }: { includePhoto: boolean }): IdCardJson & Record<string, unknown> {
  const { photo, fingerprint, ...rest } = card;
  const out: IdCardJson & Record<string, unknown> = { ...rest };
  if (includePhoto) {
    out.photo = photo ? Buffer.from(photo).toString('base64') : null;
    if (fingerprint !== undefined) out.fingerprint = fingerprint ? Buffer.from(fingerprint).toString('base64') : null;
  }
  return out;
}
