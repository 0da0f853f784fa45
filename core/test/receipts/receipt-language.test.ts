// The slip follows the session language, a bilingual slip where the department keeps Chinese records, the
// name the applicant knows (a foreigner's Latin name, masked), one time zone; and 朗读本页 never says the
// password, the full number, the name or the ID number. Synthetic cardholders from fixtures/ only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILES } from '@easydo/device-drivers/printer/profiles';
import { planLayout } from '@easydo/device-drivers/printer/escpos/plan';
import { displayWidth } from '@easydo/device-drivers/printer/escpos/width';
import { seedCatalogue } from '@easydo/backend-client/sandbox/seed/catalogue';
import { buildAcceptanceReceiptLayout } from '../../src/services/receipts/acceptance-receipt';
import { layoutToLines } from '../../src/services/receipts/receipt-lines';
import { receiptSpeech } from '../../src/services/receipts/receipt-speech';
import { receiptLanguageFor } from '../../src/services/receipts/receipt-desk';
import type { AcceptanceReceiptData } from '../../src/services/receipts/receipt-data';
import { formatLocalDateTime, localDateStamp } from '../../src/contract/local-time';
import { QUERY_LINK } from './fixtures';

type Holder = { id: string; name: string; idNumber: string; englishName?: string };
const holders = JSON.parse(readFileSync(new URL('../../../fixtures/idcard/cardholders.json', import.meta.url), 'utf8')) as Holder[];
const frn = holders.find((h) => h.id === 'frn17b')!; // OKAFOR, CHIDI EMMANUEL / 奥卡福·奇迪
const long = holders.find((h) => h.id === 'frn17a')!; // 60-character English name
const res = holders.find((h) => h.id === 'res01')!;

const base = (h: Holder, language: AcceptanceReceiptData['language']): AcceptanceReceiptData => ({
  centre: '深圳市福田区莲花街道党群服务中心',
  terminalId: 'FT-LH-KIOSK-03',
  language,
  itemName: { zh: '社会保险参保缴费证明', en: 'Social insurance contribution record' },
  itemCode: 'QR00204001',
  applicantName: h.name,
  ...(h.englishName ? { applicantLatinName: h.englishName } : {}),
  applicantIdNumber: h.idNumber,
  submittedAt: '2025-01-01T16:30:00Z', // 2025-01-02 00:30 in Shenzhen: the UTC date is a day behind
  materials: [{ name: { zh: '外国人永久居留身份证', en: 'Foreign permanent resident ID card' }, copies: 1, form: { zh: '扫描件', en: 'scan' } }],
  nextStep: { zh: '区人力资源局将在办理时限内处理。', en: 'The District Human Resources Bureau handles it within the time limit.' },
  timeLimit: { zh: '自受理之日起1个工作日', en: '1 working days from acceptance' },
  outcome: { kind: 'accepted', acceptanceNumber: 'QR002040012025010200017', queryPassword: '836412' },
});
const lines = (d: AcceptanceReceiptData) => layoutToLines(buildAcceptanceReceiptLayout(d, { queryLink: QUERY_LINK })).join('\n');

describe('receipt language and names', () => {
  it('an English session gets an English slip with the masked Latin name, no Chinese labels', () => {
    const text = lines(base(frn, 'en'));
    expect(text).toContain('Acceptance receipt');
    expect(text).toContain('Applicant：O*****, C**** E*******');
    expect(text).toContain('Foreign permanent resident ID card');
    expect(text).not.toMatch(/受理回执|申请人|查询密码|奥/);
    expect(text).not.toContain('OKAFOR');
  });

  it('a department that keeps Chinese records gets a bilingual slip, Chinese first', () => {
    const text = lines(base(frn, 'bilingual'));
    expect(text.indexOf('受理回执')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('受理回执')).toBeLessThan(text.indexOf('Acceptance receipt'));
    expect(text).toContain('申请人 Applicant：O*****, C**** E*******（奥**·**）');
    const items = seedCatalogue().items;
    expect(receiptLanguageFor('en', items.find((i) => i.code === 'JF00301001')!)).toBe('bilingual'); // 民政
    expect(receiptLanguageFor('en', items.find((i) => i.code === 'QR00204001')!)).toBe('en');
    expect(receiptLanguageFor('zh', items.find((i) => i.code === 'JF00301001')!)).toBe('zh');
  });

  it('a long Latin name wraps within the paper instead of being cut, masked', () => {
    for (const profile of Object.values(PROFILES)) {
      const planned = planLayout(buildAcceptanceReceiptLayout(base(long, 'en'), { queryLink: QUERY_LINK }), profile);
      const printed = planned.filter((op) => op.kind === 'line').map((op) => (op as { text: string }).text);
      for (const l of printed) expect(displayWidth(l), l).toBeLessThanOrEqual(profile.columns);
      expect(printed.join('')).toContain('WILHELMINA'.slice(0, 1) + '*********');
      expect(printed.join('')).not.toContain('JOHANNA');
    }
  });

  it('a resident in Chinese still gets the Chinese slip with the Chinese name', () => {
    const text = lines({ ...base(res, 'zh') });
    expect(text).toContain('申请人：卓*');
    expect(text).not.toContain('Applicant');
  });
});

describe('one time zone', () => {
  it('the submitted time and the acceptance-number date are the same civil date (Asia/Shanghai)', () => {
    const d = base(res, 'zh');
    expect(lines(d)).toContain('提交时间：2025-01-02 00:30');
    expect(localDateStamp(d.submittedAt)).toBe('20250102');
    expect(formatLocalDateTime(d.submittedAt, 'UTC')).toBe('2025-01-01 16:30');
  });
});

describe('朗读本页 on the receipt', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: says where the password and number are, never them, nor dashes, asterisks, name or ID`, () => {
      const d = base(frn, lang === 'zh' ? 'zh' : 'en');
      const said = receiptSpeech(d, lang);
      expect(said).not.toContain('836412');
      expect(said).not.toContain('QR002040012025010200017');
      expect(said).not.toMatch(/[*]|-{2,}/);
      expect(said).not.toContain(frn.idNumber.slice(0, 6));
      expect(said).not.toMatch(/OKAFOR|奥卡福/);
      expect(said).toContain('0 0 1 7'); // the tail of the number, character by character
      expect(said).toContain(lang === 'zh' ? '查询密码也印在回执上' : 'query password is printed on the receipt');
      expect(said).toContain(lang === 'zh' ? '2025年1月2日 0点30分' : '2 January 2025, 00:30');
    });
  }
});
