// Pure pieces behind the screens: catalogue search, form rules, speech that never fails, step numbering.
import { describe, expect, it } from 'vitest';
import { searchCatalogue } from '../../src/renderer/kiosk/catalogue-search';
import { fieldProblem, keypadFor, missingRequired, toSubmission } from '../../src/renderer/kiosk/form-rules';
import { createSpeaker } from '@easydo/core/ui/speech';
import { stepPosition, type Step } from '../../src/renderer/kiosk/step';
import type { CatalogueCategory } from '@easydo/core/contract/schemas/catalogue';
import type { FormFieldView, PreparedForm } from '@easydo/core/contract/schemas/application';

const item = (code: string, zh: string, en: string, pinyinInitials: string) => ({ code, categoryCode: 'c', name: { zh, en }, department: 'd', timeLimitDays: 3, pinyinInitials });
const cats: CatalogueCategory[] = [
  { code: 'housing', name: { zh: '房屋租赁', en: 'Housing' }, items: [item('X1', '房屋租赁登记备案', 'Housing lease registration', 'fwzldjba')] },
  { code: 'civil', name: { zh: '民政', en: 'Civil' }, items: [item('Q1', '婚姻登记记录证明', 'Marriage registration record', 'hydjjlzm')] },
];

describe('catalogue search', () => {
  it('finds by Chinese name, English name, pinyin initials and code; filters by category', () => {
    expect(searchCatalogue(cats, '租赁').flatMap((c) => c.items.map((i) => i.code))).toEqual(['X1']);
    expect(searchCatalogue(cats, 'lease reg').flatMap((c) => c.items.map((i) => i.code))).toEqual(['X1']);
    expect(searchCatalogue(cats, 'HYDJ').flatMap((c) => c.items.map((i) => i.code))).toEqual(['Q1']);
    expect(searchCatalogue(cats, 'djba').flatMap((c) => c.items.map((i) => i.code))).toEqual(['X1']);
    expect(searchCatalogue(cats, 'q1')).toHaveLength(1);
    expect(searchCatalogue(cats, '', 'civil').map((c) => c.code)).toEqual(['civil']);
    expect(searchCatalogue(cats, 'zzzz')).toEqual([]);
  });
});

const f = (key: string, extra: Partial<FormFieldView> = {}): FormFieldView => ({ key, label: { zh: key, en: key }, type: 'text', required: true, editable: true, prefilled: null, display: null, ...extra });

describe('form rules', () => {
  const form: PreparedForm = {
    itemCode: 'X',
    fields: [
      f('name', { editable: false, prefilled: 'card', display: '卓*' }),
      f('phone', { type: 'phone', pattern: '^1[3-9][0-9]{9}$', prefilled: 'library', display: '138****8001' }),
      f('area', { type: 'number', min: 1, max: 2000 }),
      f('start', { type: 'date' }),
      f('kind', { type: 'select', options: [{ value: 'a', label: { zh: 'A', en: 'A' } }] }),
      f('note', { required: false }),
    ],
  };
  it('lists required fields with neither prefill nor typed value', () => {
    expect(missingRequired(form, {})).toEqual(['area', 'start', 'kind']);
    expect(missingRequired(form, { area: '12', start: '2024-01-01', kind: 'a' })).toEqual([]);
  });
  it('explains what is wrong with a value', () => {
    const [, phone, area, start, kind] = form.fields as [FormFieldView, FormFieldView, FormFieldView, FormFieldView, FormFieldView];
    expect(fieldProblem(area, '')).toBe('required');
    expect(fieldProblem(area, 'x')).toBe('number');
    expect(fieldProblem(area, '0')).toBe('min');
    expect(fieldProblem(area, '2001')).toBe('max');
    expect(fieldProblem(area, '90')).toBeNull();
    expect(fieldProblem(phone, '')).toBeNull(); // prefilled
    expect(fieldProblem(phone, '12345')).toBe('pattern');
    expect(fieldProblem(start, '2024-1-1')).toBe('date');
    expect(fieldProblem(kind, 'b')).toBe('option');
  });
  it('sends typed values only, numbers as numbers, never locked prefilled fields', () => {
    expect(toSubmission(form, { name: 'x', area: '90', phone: '13900000000', note: ' ' })).toEqual({ area: 90, phone: '13900000000' });
  });
  it('picks the keypad that suits the field', () => {
    expect(form.fields.map(keypadFor)).toEqual(['full', 'numeric', 'numeric', 'date', 'choice', 'full']);
  });
});

describe('speech', () => {
  it('does nothing, and never throws, without speech synthesis or voices', () => {
    const none = createSpeaker({});
    expect(none.available).toBe(false);
    expect(() => none.speak('你好', 'zh-CN')).not.toThrow();
    expect(() => none.cancel()).not.toThrow();
    const broken = createSpeaker({
      speechSynthesis: { cancel: () => { throw new Error('x'); }, getVoices: () => [], speak: () => { throw new Error('no voices'); } } as unknown as SpeechSynthesis,
      SpeechSynthesisUtterance: class { lang = ''; voice = null; rate = 1; constructor(readonly text: string) {} } as unknown as typeof SpeechSynthesisUtterance,
    });
    expect(() => broken.speak('hello', 'en')).not.toThrow();
    expect(() => broken.cancel()).not.toThrow();
  });
  it('interrupts what is being said and picks a voice of the language', () => {
    const calls: string[] = [];
    const voices = [{ lang: 'en-US', name: 'en' }, { lang: 'zh_CN', name: 'zh' }];
    const speaker = createSpeaker({
      speechSynthesis: { cancel: () => calls.push('cancel'), getVoices: () => voices, speak: (u: { text: string; voice: { name: string } }) => calls.push(`${u.voice.name}:${u.text}`) } as unknown as SpeechSynthesis,
      SpeechSynthesisUtterance: class { lang = ''; voice = null; rate = 1; constructor(readonly text: string) {} } as unknown as typeof SpeechSynthesisUtterance,
    });
    speaker.speak('请放卡', 'zh-CN');
    expect(calls).toEqual(['cancel', 'zh:请放卡']);
  });
});

describe('step numbering', () => {
  it('counts without a gap when the card was placed first, and gives the guide its own step', () => {
    const path = ['catalogue', 'guide', 'preparing', 'form', 'materials', 'review', 'signature', 'submitting', 'receipt', 'evaluation'] as const;
    expect(path.map((s) => stepPosition(s, false)?.n)).toEqual([1, 2, 3, 3, 4, 5, 6, 7, 8, 9]);
    expect(stepPosition('guide', false)).toEqual({ n: 2, total: 9, step: 'guide' });
    expect(stepPosition('catalogue', false)?.step).toBe('catalogue');
  });
  it('counts the card step for a resident who meets it', () => {
    expect(['catalogue', 'guide', 'identity', 'form'].map((s) => stepPosition(s as Step, true)?.n)).toEqual([1, 2, 3, 4]);
    expect(stepPosition('identity', false)).toEqual({ n: 3, total: 10, step: 'identity' });
    expect(stepPosition('form', true)?.total).toBe(10);
  });
  it('gives screens off the application path no number', () => {
    expect(stepPosition('query', true)).toBeNull();
    expect(stepPosition('thanks', false)).toBeNull();
  });
});
