// Field extraction and cross-checks on the fixture documents' printed lines (one box per printed line, as the
// ground truth gives them) and on small invented pages of the other materials.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../src/services/materials/ocr-pool';
import { isValidUscc, parseDate } from '../../src/services/materials/fields/codes';
import { crossCheck, lowConfidenceRegions, prefillOffers } from '../../src/services/materials/fields/cross-check';
import { extractFields, type ExtractedField } from '../../src/services/materials/fields/extract';
import { FIXTURES } from './fixtures';

/** One box per line of text, 60 px apart; `cells` splits a line into boxes at single spaces. */
function page(text: string, { cells = false, confidence = 96 } = {}): OcrLine[] {
  return text.trim().split('\n').flatMap((row, r) => {
    const parts = cells ? row.split(' ') : [row];
    let x = 100;
    return parts.map((p) => {
      const box = { text: p, bbox: { x0: x, y0: 100 + r * 60, x1: x + p.length * 40, y1: 145 + r * 60 }, confidence };
      x += p.length * 40 + 80;
      return box;
    });
  });
}

const fixture = (doc: string): OcrLine[] => page(readFileSync(path.join(FIXTURES, `${doc}.gt.txt`), 'utf8'), { cells: true });
const values = (fields: ExtractedField[]) => Object.fromEntries(fields.map((f) => [f.key, [f.value, f.valid]]));
const RES01 = { name: '卓岚', idNumber: '440304199604122469', address: '广东省深圳市福田区莲花街道青枫社区枫溪路27号翠湖苑4栋602', birthDate: '19960412' };

describe('check rules', () => {
  it('GB 32100 credit codes: the fixture licence passes, one changed character fails', () => {
    expect(isValidUscc('92440300MA5GQ3R885')).toBe(true);
    expect(isValidUscc('92440300MA5GQ3R886')).toBe(false);
    expect(isValidUscc('92440300MA5GQ3R8I5')).toBe(false); // I is not in the code set
  });

  it('dates as printed, and no impossible dates', () => {
    expect(parseDate('2026年9月1日起')).toBe('2026-09-01');
    expect(parseDate('２０２１年０６月１８日')).toBe('2021-06-18');
    expect(parseDate('2022.08.15')).toBe('2022-08-15');
    expect(parseDate('2026年2月30日')).toBeNull();
  });
});

describe('field extraction', () => {
  it('reads both parties, the address, the number and the period of the fixture lease', () => {
    expect(values(extractFields('LEASE', fixture('lease-contract')))).toEqual({
      contractNumber: ['SZFT-ZL-2026-0815', null],
      'lessor.name': ['杜明川', null],
      'lessor.idNumber': ['440305197203154416', true],
      'lessee.name': ['卓岚', null],
      'lessee.idNumber': ['440304199604122469', true],
      address: ['深圳市福田区莲花街道青枫社区枫溪路27号翠湖苑4栋602', null],
      leasePeriod: ['2026-09-01/2027-08-31', true],
    });
  });

  it('reads the fixture business licence, with its credit code checked', () => {
    expect(values(extractFields('BUSINESS_LICENCE', fixture('business-licence')))).toEqual({
      creditCode: ['92440300MA5GQ3R885', true],
      entityName: ['深圳市龙岗区远航家电维修店', null],
      operatorName: ['邓志远', null],
      registeredOn: ['2021-06-18', true],
      address: ['深圳市龙岗区布吉街道禾坪社区榕荫路156号101', null],
    });
  });

  it('reads an ID card copy laid out label | value in separate boxes, keeping the value box and confidence', () => {
    const lines = page('姓名 阿依古丽·努尔兰\n性别 女 民族 哈萨克\n出生 1990年3月8日\n住址 广东省深圳市宝安区西乡街道岚湾社区\n公民身份号码 44030619900308552X', { cells: true });
    lines[lines.length - 1]!.confidence = 71;
    const fields = extractFields('ID_CARD', lines);
    expect(values(fields)).toMatchObject({ name: ['阿依古丽·努尔兰', null], birthDate: ['1990-03-08', true], address: ['广东省深圳市宝安区西乡街道岚湾社区', null] });
    const id = fields.find((f) => f.key === 'idNumber')!;
    expect(id).toMatchObject({ value: '44030619900308552X', valid: true });
    expect(id.bbox).toEqual(lines.at(-1)!.bbox);
    expect(id.confidence).toBe(71);
  });

  it('joins an address wrapped onto the next line under its first line, and stops at the next label', () => {
    const box = (text: string, x0: number, y0: number, confidence = 95): OcrLine => ({ text, bbox: { x0, y0, x1: x0 + text.length * 44, y1: y0 + 50 }, confidence });
    const lines = [
      box('住址', 100, 500),
      box('广东省深圳市福田区莲花街道', 260, 500),
      box('青枫社区枫溪路27号翠湖苑4栋602', 262, 580, 88),
      box('公民身份号码', 100, 760),
      box('440304199604122469', 430, 760),
    ];
    const address = extractFields('ID_CARD', lines).find((f) => f.key === 'address')!;
    expect(address).toMatchObject({ value: RES01.address, confidence: 88, bbox: { x0: 260, y0: 500, y1: 630 } });
    expect(crossCheck('ID_CARD', extractFields('ID_CARD', lines), RES01).map((c) => [c.against, c.status])).toEqual([
      ['card.idNumber', 'match'],
      ['card.address', 'match'],
    ]);
    // The form as submitted carries the card's own values (prefilled from it): compared once, against the card.
    const asPrefilled = { applicantIdNumber: RES01.idNumber, cardAddress: RES01.address };
    expect(crossCheck('ID_CARD', extractFields('ID_CARD', lines), RES01, asPrefilled).map((c) => c.against)).toEqual(['card.idNumber', 'card.address']);
    // A value typed over it that differs from the card is the form's own claim, and is checked as such.
    const typed = crossCheck('ID_CARD', extractFields('ID_CARD', lines), RES01, { ...asPrefilled, applicantIdNumber: '440305197203154416' });
    expect(typed.map((c) => [c.against, c.status])).toEqual([['card.idNumber', 'match'], ['card.address', 'match'], ['form.applicantIdNumber', 'mismatch']]);
  });

  it('reads a 户口簿 page and a 结婚证 with two people in order', () => {
    const hukou = extractFields('HUKOU', page('常住人口登记卡\n户主姓名 卓岚\n姓名 卓小禾 户主或与户主关系 女\n出生日期 2019年5月2日\n公民身份号码 440304201905021223', { cells: true }));
    expect(values(hukou)).toMatchObject({ name: ['卓小禾', null], birthDate: ['2019-05-02', true], idNumber: ['440304201905021223', true] });
    const marriage = extractFields('MARRIAGE', page('结婚证\n持证人 卓岚\n登记日期 2024年10月1日\n结婚证字号 J440304-2024-001234\n姓名 卓岚 性别 女\n身份证件号 440304199604122469\n姓名 杜明川 性别 男\n身份证件号 440305197203154416', { cells: true }));
    expect(values(marriage)).toEqual({
      holderName: ['卓岚', null],
      registeredOn: ['2024-10-01', true],
      certificateNumber: ['J440304-2024-001234', null],
      'party1.name': ['卓岚', null],
      'party1.idNumber': ['440304199604122469', true],
      'party2.name': ['杜明川', null],
      'party2.idNumber': ['440305197203154416', true],
    });
  });

  it('keeps a misread ID number as read, marked invalid', () => {
    const text = readFileSync(path.join(FIXTURES, 'lease-contract.gt.txt'), 'utf8').replace('440304199604122469', '440304199604122468');
    const lessee = extractFields('LEASE', page(text, { cells: true })).find((f) => f.key === 'lessee.idNumber')!;
    expect(lessee).toMatchObject({ value: '440304199604122468', valid: false });
  });
});

describe('cross-checks', () => {
  it('the lease names the cardholder: match on name and number', () => {
    const checks = crossCheck('LEASE', extractFields('LEASE', fixture('lease-contract')), RES01);
    expect(checks.map((c) => [c.against, c.status, c.read])).toEqual([
      ['card.name', 'match', '卓岚'],
      ['card.idNumber', 'match', '440304199604122469'],
    ]);
  });

  it('another cardholder is a mismatch, shown with what was read; a misread number is unreadable, not a mismatch', () => {
    const other = { name: '邓志远', idNumber: '440307198811023310' };
    const fields = extractFields('LEASE', fixture('lease-contract'));
    expect(crossCheck('LEASE', fields, other).map((c) => c.status)).toEqual(['mismatch', 'mismatch']);
    const misread = fields.map((f) => (f.key.endsWith('idNumber') ? { ...f, value: f.value.slice(0, 17) + '0', valid: false } : f));
    const id = crossCheck('LEASE', misread, RES01).find((c) => c.against === 'card.idNumber')!;
    expect(id.status).toBe('unreadable');
  });

  it('an ID card copy agrees with the card on the address without the province, and the birth date in either form', () => {
    const lines = page(`姓名 卓岚\n出生 1996年4月12日\n住址 ${RES01.address}\n公民身份号码 ${RES01.idNumber}`, { cells: true });
    const checks = crossCheck('ID_CARD', extractFields('ID_CARD', lines), { ...RES01, address: RES01.address });
    expect(checks.every((c) => c.status === 'match')).toBe(true);
    expect(checks).toHaveLength(4);
    const moved = crossCheck('ID_CARD', extractFields('ID_CARD', lines), { ...RES01, address: '广东省深圳市南山区粤海街道云杉社区云杉路9号' });
    expect(moved.find((c) => c.against === 'card.address')!.status).toBe('mismatch');
  });

  it('checks against filled form values and offers only empty ones as prefill', () => {
    const fields = extractFields('BUSINESS_LICENCE', fixture('business-licence'));
    const checks = crossCheck('BUSINESS_LICENCE', fields, null, { creditCode: '92440300MA5GQ3R885', companyName: '深圳市龙岗区远航家电修理店' });
    expect(checks.map((c) => [c.against, c.status])).toEqual([
      ['form.creditCode', 'match'],
      ['form.companyName', 'mismatch'],
    ]);
    expect(prefillOffers('BUSINESS_LICENCE', fields, { creditCode: '92440300MA5GQ3R885' }).map((o) => [o.formKey, o.value])).toEqual([['companyName', '深圳市龙岗区远航家电维修店']]);
    const lease = extractFields('LEASE', fixture('lease-contract'));
    expect(prefillOffers('LEASE', lease, { rentalAddress: '' }).map((o) => [o.formKey, o.value])).toEqual([
      ['rentalContractNumber', 'SZFT-ZL-2026-0815'],
      ['rentalAddress', '深圳市福田区莲花街道青枫社区枫溪路27号翠湖苑4栋602'],
      ['residenceAddress', '深圳市福田区莲花街道青枫社区枫溪路27号翠湖苑4栋602'],
      ['rentalStart', '2026-09-01'],
      ['rentalEnd', '2027-08-31'],
    ]);
    const unsure = lease.map((f) => ({ ...f, confidence: 60 }));
    expect(prefillOffers('LEASE', unsure, {})).toEqual([]);
  });

  it('lists the boxes read below the confidence threshold', () => {
    const lines = page('居住证明\n兹证明', { confidence: 95 });
    lines[1]!.confidence = 62;
    expect(lowConfidenceRegions(lines)).toEqual([{ bbox: lines[1]!.bbox, confidence: 62, text: '兹证明' }]);
  });
});
