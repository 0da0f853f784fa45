// IdCard / cardholder record -> 256-byte text block: the inverse of card-parser, used by the simulator to
// serve any cardholder JSON. Fields are written UTF-16LE and padded with spaces (20 00) to their width.
import type { CardTextFields } from './card';
import { CARD_TYPE_MARKERS } from './card';
import { FOREIGNER_2023_ENGLISH_SPLIT, LAYOUTS, MARKER_OFFSET, TEXT_BYTES } from './layout';
import { IdCardError } from '../errors';

function writeChars(block: Uint8Array, offset: number, chars: number, value: string, field: string): void {
  if (value.length > chars) {
    throw new IdCardError('badCardData', `${field} has ${value.length} characters, the field holds ${chars}`, 'parse');
  }
  for (let i = 0; i < chars; i++) {
    const unit = i < value.length ? value.charCodeAt(i) : 0x20;
    block[offset + i * 2] = unit & 0xff;
    block[offset + i * 2 + 1] = unit >> 8;
  }
}

export function buildCardText(card: CardTextFields): Uint8Array {
  const block = new Uint8Array(TEXT_BYTES);
  writeChars(block, 0, TEXT_BYTES / 2, '', 'padding');
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(card)) if (typeof value === 'string') values[key] = value;
  if (card.cardType === 'foreigner_2023') {
    const english = values.englishName ?? '';
    values.englishName1 = english.slice(0, FOREIGNER_2023_ENGLISH_SPLIT);
    values.englishName2 = english.slice(FOREIGNER_2023_ENGLISH_SPLIT);
    values.issuerText = ''; // reserved on the card; the issuer is printed, not stored
  }
  if (card.cardType === 'foreigner_2017' || card.cardType === 'foreigner_2023') {
    values.chineseName ??= values.name ?? '';
    values.cardNumber ??= values.idNumber ?? '';
  }
  for (const spec of LAYOUTS[card.cardType]) {
    writeChars(block, spec.offset, spec.chars, values[spec.field] ?? '', spec.field);
  }
  writeChars(block, MARKER_OFFSET, 1, CARD_TYPE_MARKERS[card.cardType], 'marker');
  return block;
}
