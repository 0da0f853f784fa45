// On-screen keyboard logic: pinyin candidates from the bundled common characters, composing, pads.
import { describe, expect, it } from 'vitest';
import { buildPinyinIndex } from '@easydo/core/ui/keyboard/pinyin-index';
import { gb2312Level1 } from '@easydo/core/ui/keyboard/common-chars';
import { candidatesFor, formatDateDigits, initialKeyboard, keyboardReducer, numericReducer, type KeyAction } from '@easydo/core/ui/keyboard/keyboard-state';

const index = buildPinyinIndex();
const reduce = keyboardReducer(index);
const run = (actions: KeyAction[], start = initialKeyboard()) => actions.reduce(reduce, start);
const type = (letters: string): KeyAction[] => [...letters].map((char) => ({ type: 'char', char }));

describe('pinyin index', () => {
  it('holds the 3,755 GB 2312 level-1 characters', () => {
    expect(gb2312Level1()).toHaveLength(3755);
    expect(index.syllables.has('zhong')).toBe(true);
    expect(index.syllables.size).toBeGreaterThan(380);
  });

  it('ranks frequent characters first and includes every reading of polyphonic ones', () => {
    expect(index.candidates('de')[0]).toBe('的');
    expect(index.candidates('shi').slice(0, 3)).toContain('是');
    expect(index.candidates('zhong')).toContain('中');
    expect(index.candidates('hang')).toContain('行'); // 行 reads xing and hang
    expect(index.candidates('xing')).toContain('行');
    expect(index.candidates('lv')).toContain('绿');
  });

  it('offers candidates for the start of a syllable and nothing for junk', () => {
    expect(index.candidates('zh').slice(0, 10)).toContain('中');
    expect(index.candidates('')).toEqual([]);
    expect(index.candidates('qqq')).toEqual([]);
  });

  it('finds the leading syllable of a longer composition', () => {
    expect(index.leadingSyllable('zhangsan')).toBe('zhang');
    expect(index.leadingSyllable('xxx')).toBeNull();
  });
});

describe('keyboard reducer', () => {
  it('composes pinyin, picks a candidate, and keeps composing the rest', () => {
    let s = run(type('shenqing'));
    expect(s.compose).toBe('shenqing');
    expect(candidatesFor(s, index)).toContain('申');
    s = reduce(s, { type: 'pick', char: '申' });
    expect(s).toMatchObject({ text: '申', compose: 'qing' });
    expect(candidatesFor(s, index)).toContain('请');
    s = reduce(s, { type: 'pick', char: '请' });
    expect(s).toMatchObject({ text: '申请', compose: '' });
  });

  it('space takes the first candidate; backspace removes composed letters before text', () => {
    let s = run([...type('de'), { type: 'space' }]);
    expect(s.text).toBe('的');
    s = run([...type('zh'), { type: 'backspace' }, { type: 'backspace' }, { type: 'backspace' }], s);
    expect(s).toMatchObject({ text: '', compose: '' });
  });

  it('types latin letters, shifted once, and digits directly; switching layout keeps composed letters', () => {
    let s = run([{ type: 'layout', layout: 'latin' }, { type: 'shift' }, ...type('ab'), { type: 'char', char: '1' }]);
    expect(s.text).toBe('Ab1');
    s = run([...type('ni'), { type: 'layout', layout: 'latin' }]);
    expect(s).toMatchObject({ text: 'ni', compose: '', layout: 'latin' });
  });

  it('never grows past maxLength', () => {
    const s = run([{ type: 'layout', layout: 'latin' }, ...type('abcdef')], initialKeyboard('', 4));
    expect(s.text).toBe('abcd');
  });
});

describe('numeric pad', () => {
  it('takes digits up to the limit, one dot only where allowed', () => {
    const n = numericReducer(11);
    expect([...'139001380001234'].reduce(n, '')).toBe('13900138000');
    expect(['1', '.', '5'].reduce(numericReducer(8), '')).toBe('15');
    expect(['1', '.', '5', '.'].reduce(numericReducer(8, true), '')).toBe('1.5');
    expect(['1', '2', 'backspace'].reduce(n, '')).toBe('1');
  });

  it('formats dates as they are typed', () => {
    expect(formatDateDigits('2024')).toBe('2024');
    expect(formatDateDigits('20240')).toBe('2024-0');
    expect(formatDateDigits('20240315')).toBe('2024-03-15');
    expect(formatDateDigits('2024031599')).toBe('2024-03-15');
  });
});
