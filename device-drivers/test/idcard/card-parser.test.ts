import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildCardText,
  cardToJson,
  encodeBaseMessage,
  encodeResponse,
  gb11643CheckChar,
  IdCardError,
  isValidGb11643,
  makeSimulatedCard,
  parseCardholders,
  parseCardText,
  splitReadFrame,
  synthesizeWltPhoto,
  toHex,
} from '../../src/idcard/index';
import { cardFields, fixtureFrame, fixturePhotoDigests, fixtureRecords } from './helpers';

const records = fixtureRecords();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('fixture frames parse to their fixture records', () => {
  const digests = fixturePhotoDigests();

  it('covers all twelve cards and all four types', () => {
    expect(records).toHaveLength(12);
    expect(new Set(records.map((r) => r.cardType))).toEqual(new Set(['resident', 'hmt_permit', 'foreigner_2017', 'foreigner_2023']));
    expect(digests.size).toBe(12);
  });

  for (const record of records) {
    it(`${record.id} (${record.cardType})`, () => {
      const frame = fixtureFrame(record);
      expect(frame.length).toBe(1295);
      const { text, photo } = splitReadFrame(frame);
      const card = parseCardText(text, { photo });
      const json = cardToJson(card, { includePhoto: false });
      for (const [key, value] of Object.entries(cardFields(record))) {
        expect(json[key], `${record.id}.${key}`).toEqual(value);
      }
      expect(card.cardType).toBe(record.cardType);
      expect(sha256(card.photo!)).toBe(digests.get(record.id));
      expect(card.checkDigitValid).toBe(record.cardType === 'foreigner_2017' ? null : true);
    });
  }
});

describe('text block encoder (simulator side)', () => {
  for (const record of records) {
    it(`rebuilds ${record.id}'s frame byte for byte from the record`, () => {
      const text = buildCardText(parseCardholders(record)[0]!);
      const photo = synthesizeWltPhoto(record.id);
      const frame = encodeResponse({ sw3: 0x90, data: encodeBaseMessage(text, photo, null) });
      expect(toHex(frame, '')).toBe(toHex(fixtureFrame(record), ''));
    });
  }

  it('round-trips a parsed card through buildCardText', () => {
    const card = parseCardText(splitReadFrame(fixtureFrame(records[10]!)).text);
    expect(parseCardText(buildCardText(card))).toEqual({ ...card });
  });

  it('rejects a field longer than its slot with a typed error', () => {
    expect(() => buildCardText({ cardType: 'resident', name: '一二三四五六七八九十一二三四五六' })).toThrow(IdCardError);
  });

  it('makes a simulated card from a record without a frame', () => {
    const { readFrameFile: _ignored, ...rest } = records[0]!;
    const card = makeSimulatedCard(parseCardholders(rest)[0]!);
    expect(card.readFrame).toBeNull();
    expect(toHex(card.text)).toBe(toHex(splitReadFrame(fixtureFrame(records[0]!)).text));
  });
});

describe('field rules', () => {
  const base = (overrides: Record<string, string>) =>
    buildCardText({
      cardType: 'resident',
      name: '测试',
      gender: '1',
      ethnicityCode: '01',
      birthDate: '20990101',
      address: '某地',
      idNumber: '110105209901011234',
      issuer: '某局',
      validFrom: '20200101',
      validTo: '20300101',
      ...overrides,
    });

  it('passes an unknown ethnicity code through with a null name', () => {
    const card = parseCardText(base({ ethnicityCode: '81' }));
    expect(card).toMatchObject({ ethnicityCode: '81', ethnicityName: null });
    const extra = parseCardText(base({ ethnicityCode: '81' }), { extraEthnicities: { '81': '穿青人' } });
    expect(extra).toMatchObject({ ethnicityName: '穿青人' });
  });

  it('keeps 长期 as validTo', () => {
    expect(parseCardText(base({ validTo: '长期' })).validTo).toBe('长期');
  });

  it('flags a wrong check digit without failing', () => {
    const card = parseCardText(base({ idNumber: '110105209901011235' }));
    expect(card.checkDigitValid).toBe(false);
    expect(card.idNumber).toBe('110105209901011235');
  });

  it('rejects an unknown type marker and a short block with typed errors', () => {
    const block = base({});
    block[248] = 0x5a; // 'Z'
    expect(() => parseCardText(block)).toThrowError(expect.objectContaining({ code: 'unknownCardType' }));
    expect(() => parseCardText(block.subarray(0, 100))).toThrowError(expect.objectContaining({ code: 'badCardData' }));
  });

  it('keeps a space at the 35/36 split of a 2023 English name', () => {
    const englishName = 'ABCDEFGHIJ ABCDEFGHIJ ABCDEFGHIJ A BCDEFG';
    expect(englishName[34]).toBe(' ');
    const text = buildCardText({ cardType: 'foreigner_2023', chineseName: '测试', englishName, cardNumber: '944724198501300263' });
    expect(parseCardText(text)).toMatchObject({ englishName, name: '测试' });
  });
});

describe('GB 11643 check digit', () => {
  it('matches the worked examples', () => {
    expect(gb11643CheckChar('11010520990101123')).toBe('4');
    expect(gb11643CheckChar('44030420991231002')).toBe('X');
    expect(isValidGb11643('110105209901011234')).toBe(true);
    expect(isValidGb11643('44030420991231002x')).toBe(true);
    expect(isValidGb11643('44030420991231002Y')).toBe(false);
    expect(isValidGb11643('4403042099123100')).toBe(false);
    expect(gb11643CheckChar('4403042099123100A')).toBeNull();
  });
});
