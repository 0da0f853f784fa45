// The one masking rule (card/mask.ts), case by case: what a resident sees of a name or a number.
import { describe, expect, it } from 'vitest';
import { maskCard, maskIdNumber, maskLatinName, maskName } from '../../src/idcard/index';
import type { IdCard } from '../../src/idcard/index';

describe('maskIdNumber', () => {
  it('card numbers (15+) keep the region code and the last four', () => {
    expect(maskIdNumber('440304199604122469')).toBe('440304********2469');
    expect(maskIdNumber('NLD447906230224')).toBe('NLD447*****0224');
    expect(maskIdNumber(' 440304199604122469 ')).toBe('440304********2469');
  });

  it('8 to 14 characters keep the first two and the last two, never more than half', () => {
    expect(maskIdNumber('12345678')).toBe('12****78');
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskIdNumber('H123456789')).toBe('H1******89');
    expect(maskIdNumber('A1234567890123')).toBe('A1**********23');
  });

  it('shorter numbers show nothing, and no length ever shows the whole number', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
    expect(maskIdNumber('123456')).toBe('******');
    expect(maskIdNumber('')).toBe('');
    for (let n = 1; n <= 20; n++) {
      const value = 'ABCDEFGHJKLMNPQRSTUV'.slice(0, n);
      const masked = maskIdNumber(value);
      expect(masked).toHaveLength(n);
      expect(masked.replace(/\*/g, '').length).toBeLessThanOrEqual(Math.max(n >= 15 ? 10 : n / 2, 0));
    }
  });
});

describe('maskName', () => {
  it('keeps the first character and the separators', () => {
    expect(maskName('卓岚')).toBe('卓*');
    expect(maskName('阿依古丽·努尔兰')).toBe('阿***·***');
    expect(maskName('JOHANNA')).toBe('J******');
  });

  it('a one-character name shows nothing (it would be the whole name)', () => {
    expect(maskName('卓')).toBe('*');
    expect(maskName(' 卓 ')).toBe('*');
    expect(maskName('')).toBe('');
  });
});

describe('maskLatinName and maskCard', () => {
  it('each part of a Latin name keeps its first letter', () => {
    expect(maskLatinName('OKAFOR, CHIDI EMMANUEL')).toBe('O*****, C**** E*******');
  });

  it('maskCard masks every name and number field by the same rule and drops the photo', () => {
    const card = {
      cardType: 'foreigner_2023',
      name: '奥卡福',
      englishName: 'OKAFOR, CHIDI',
      idNumber: '933156199001011234',
      photo: new Uint8Array(4),
    } as unknown as IdCard;
    const masked = maskCard(card) as unknown as Record<string, unknown>;
    expect(masked).toMatchObject({ name: '奥**', englishName: 'O*****, C****', idNumber: '933156********1234', photo: null });
  });
});
