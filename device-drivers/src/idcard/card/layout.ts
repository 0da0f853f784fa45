// Byte layouts of the 256-byte text block for each card type (reference §3, fixtures/idcard/frames.md).
// Offsets are in bytes, widths in UTF-16 code units. Shared by the parser and the simulator's encoder so the
// two can never disagree.
import type { CardType } from './card';

export const TEXT_BYTES = 256;
export const MARKER_OFFSET = 248;

export interface FieldSpec {
  field: string;
  offset: number;
  chars: number;
}

const f = (field: string, offset: number, chars: number): FieldSpec => ({ field, offset, chars });

const RESIDENT_COMMON = [
  f('name', 0, 15),
  f('gender', 30, 1),
  f('birthDate', 36, 8),
  f('address', 52, 35),
  f('idNumber', 122, 18),
  f('issuer', 158, 15),
  f('validFrom', 188, 8),
  f('validTo', 204, 8),
];

export const LAYOUTS: Readonly<Record<CardType, readonly FieldSpec[]>> = {
  resident: [...RESIDENT_COMMON, f('ethnicityCode', 32, 2)],
  hmt_permit: [...RESIDENT_COMMON, f('permitNumber', 220, 9), f('issueCount', 238, 2)],
  foreigner_2017: [
    f('englishName', 0, 60),
    f('gender', 120, 1),
    f('cardNumber', 122, 15),
    f('nationality', 152, 3),
    f('chineseName', 158, 15),
    f('validFrom', 188, 8),
    f('validTo', 204, 8),
    f('birthDate', 220, 8),
    f('cardVersion', 236, 2),
    f('issuerCode', 240, 4),
  ],
  foreigner_2023: [
    f('chineseName', 0, 15),
    f('gender', 30, 1),
    f('renewalCount', 32, 2),
    f('birthDate', 36, 8),
    // The English name is split: characters 1-35 here, 36-46 at offset 220 (each padded separately).
    f('englishName1', 52, 35),
    f('cardNumber', 122, 18),
    // Reserved on the 2023 card (one vendor labels it the issuing authority): read if non-blank.
    f('issuerText', 158, 15),
    f('validFrom', 188, 8),
    f('validTo', 204, 8),
    f('englishName2', 220, 11),
    f('nationality', 242, 3),
    f('previousNumberLink', 250, 3),
  ],
};

export const FOREIGNER_2023_ENGLISH_SPLIT = 35;

/**
 * Issuers that are printed on foreigners' cards but not in their text block. The 2017 card carries only an
 * issuer code; the mapping below is an assumption recorded with the fixtures, not a published table.
 */
export const FOREIGNER_2017_ISSUERS: Readonly<Record<string, string>> = { '1500': '中华人民共和国公安部' };
export const FOREIGNER_2023_ISSUER = '中华人民共和国国家移民管理局';

const isPad = (unit: number) => unit === 0x20 || unit === 0x00 || unit === 0x3000 || (unit >= 0x09 && unit <= 0x0d);

/** Remove space / NUL / ideographic-space padding from both ends (or only the start). */
export function trimPadding(value: string, ends: 'both' | 'start' = 'both'): string {
  let a = 0;
  let b = value.length;
  while (a < b && isPad(value.charCodeAt(a))) a++;
  if (ends === 'both') while (b > a && isPad(value.charCodeAt(b - 1))) b--;
  return value.slice(a, b);
}
