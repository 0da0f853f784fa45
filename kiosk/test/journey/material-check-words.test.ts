// A page's checks in the resident's words, through the bundled zh-CN and English texts (real i18next): no codes,
// the masked number where main sent one, what to do whenever a check is not a match.
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../src/renderer/i18n';
import { pageCheckWords } from '../../src/renderer/kiosk/material-check-words';
import type { PageChecks } from '@easydo/core/contract/schemas/journey-materials';

const i18n = initI18n('zh-CN');
const zh = i18n.getFixedT('zh-CN', 'journey') as unknown as (k: string, p?: Record<string, string>) => string;
const en = i18n.getFixedT('en', 'journey') as unknown as (k: string, p?: Record<string, string>) => string;

const MIXED: PageChecks = {
  state: 'checked',
  checks: [
    { against: 'card.idNumber', formLabel: null, status: 'mismatch', readMasked: '440305********4416' },
    { against: 'form.rentalContractNumber', formLabel: { zh: '租赁合同编号', en: 'Rental contract number' }, status: 'mismatch', readMasked: null },
    { against: 'card.birthDate', formLabel: null, status: 'unreadable', readMasked: null },
    { against: 'card.name', formLabel: null, status: 'match', readMasked: '卓*' },
  ],
};

describe('page check words', () => {
  it('says each check in Chinese, mismatches first, and what to do', () => {
    const words = pageCheckWords(MIXED, zh, 'zh', 'resident');
    expect(words.lines.map((l) => [l.status, l.text])).toEqual([
      ['mismatch', '这一页的证件号码（440305********4416）与您的身份证不一致，请确认是否放错了材料'],
      ['mismatch', '这一页的租赁合同编号与您填写的不一致，请核对'],
      ['unreadable', '出生日期没看清，请重新放平后再拍'],
      ['match', '姓名与您的身份证一致'],
    ]);
    expect(words.whatToDo).toMatch(/删除.*重新.*拍.*继续办理.*工作人员核对/);
    for (const l of words.lines) expect(l.text).not.toMatch(/materials\.|card\.|form\.|mismatch|match/);
  });

  it('says it in English for a card that is not a resident ID card', () => {
    const words = pageCheckWords(MIXED, en, 'en', 'foreigner_2023');
    expect(words.lines[0]!.text).toBe('The ID number on this page (440305********4416) differs from your card: please check this is the right document');
    expect(words.lines[1]!.text).toBe('Rental contract number on this page differs from what you entered: please check it');
    expect(words.lines[3]!.text).toBe('The name matches your card');
    expect(words.whatToDo).toMatch(/take it again.*carry on.*staff will check/);
  });

  it('all matches: no call to act; nothing read: one line and what to do; none: nothing', () => {
    expect(pageCheckWords({ state: 'checked', checks: [MIXED.checks[3]!] }, zh, 'zh', 'resident')).toEqual({ lines: [{ status: 'match', text: '姓名与您的身份证一致' }], whatToDo: null });
    const nothing = pageCheckWords({ state: 'nothingRead', checks: [] }, zh, 'zh', 'resident');
    expect(nothing.lines).toEqual([{ status: 'nothingRead', text: '这一页没看清，请重新放平后再拍' }]);
    expect(nothing.whatToDo).not.toBeNull();
    expect(pageCheckWords({ state: 'none', checks: [] }, zh, 'zh', 'resident')).toEqual({ lines: [], whatToDo: null });
  });
});
