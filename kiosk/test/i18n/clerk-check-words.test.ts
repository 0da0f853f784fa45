// The counter's words for a page's checks, through the bundled texts (real i18next, namespace counter).
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../src/renderer/i18n';
import { clerkCheckLines, needsLook } from '@easydo/counter/ui/material-check-words';

const i18n = initI18n('zh-CN');
const zh = i18n.getFixedT('zh-CN', 'counter') as unknown as (k: string, p?: Record<string, string>) => string;
const en = i18n.getFixedT('en', 'counter') as unknown as (k: string, p?: Record<string, string>) => string;

describe("the clerk's check words", () => {
  it('says the mismatch with the masked value read, the unreadable and the match', () => {
    const checks = {
      state: 'checked' as const,
      checks: [
        { against: 'card.idNumber', formLabel: null, status: 'mismatch' as const, readMasked: '440305********4416' },
        { against: 'card.address', formLabel: null, status: 'unreadable' as const, readMasked: null },
        { against: 'card.name', formLabel: null, status: 'match' as const, readMasked: '卓*' },
      ],
    };
    const lines = clerkCheckLines(checks, zh, 'zh');
    expect(lines.map((l) => l.text)).toEqual(['证件号码与身份证不一致（材料上为 440305********4416）', '住址未能读清，请对照原件', '姓名与身份证一致']);
    expect(needsLook(lines)).toBe(true);
    expect(clerkCheckLines(checks, en, 'en')[0]!.text).toBe('ID number differs from the ID card (on the document: 440305********4416)');
    expect(needsLook(clerkCheckLines({ state: 'checked', checks: [checks.checks[2]!] }, zh, 'zh'))).toBe(false);
  });

  it('nothing read is one line that asks for a look; none is nothing', () => {
    const nothing = clerkCheckLines({ state: 'nothingRead', checks: [] }, zh, 'zh');
    expect(nothing).toEqual([{ status: 'nothingRead', text: '未能从这份材料上读出可核对的内容，请对照原件' }]);
    expect(needsLook(nothing)).toBe(true);
    expect(clerkCheckLines({ state: 'none', checks: [] }, zh, 'zh')).toEqual([]);
  });
});
