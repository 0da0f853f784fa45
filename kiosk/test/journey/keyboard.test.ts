// On-screen keyboard logic: pinyin candidates from the bundled common characters, composing, pads.
import { describe, expect, it } from 'vitest';
import { buildPinyinIndex } from '@easydo/core/ui/keyboard/pinyin-index';
import { gb2312Level1 } from '@easydo/core/ui/keyboard/common-chars';
import { commonPhrases } from '@easydo/core/ui/keyboard/common-phrases';
import { pinyin } from 'pinyin-pro';
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

const texts = (compose: string, limit = 12) => index.lookup(compose, limit).map((c) => c.text);

describe('pinyin words', () => {
  it('offers the word first once the letters can no longer be one syllable', () => {
    expect(index.lookup('shenzhen')[0]).toEqual({ text: '深圳', consumes: 8 });
    expect(texts('shenzhen')).toContain('深圳市'); // the start of a longer word
    expect(texts('shenfenzheng')[0]).toBe('身份证');
    expect(texts('wenti')[0]).toBe('问题');
  });

  it('reads polyphonic characters in their word', () => {
    expect(texts('yinhang')[0]).toBe('银行');
    expect(texts('chongqing')[0]).toBe('重庆');
    expect(texts('zhanghu')[0]).toBe('账户');
  });

  it('spells words by initials and by a syllable still being typed', () => {
    expect(texts('sz')).toContain('深圳');
    expect(texts('shenz')[0]).toBe('深圳');
    expect(texts('fwtd')[0]).toBe('服务态度');
  });

  it('keeps characters first while the letters may still be one syllable', () => {
    expect(texts('zh').slice(0, 3)).toContain('中');
    expect([...texts('xian')[0]!]).toHaveLength(1);
    expect(texts('xian').slice(0, 4)).toContain('西安'); // a word the letters spell exactly is offered early
    expect(index.lookup('shen')[0]).toMatchObject({ consumes: 4 });
    expect(texts('shen', 40).slice(0, 12).every((t) => [...t].length === 1)).toBe(true);
  });

  it('offers a word that ends before the letters do, for the letters it spells', () => {
    const shenzhen = index.lookup('shenzhenx').find((c) => c.text === '深圳');
    expect(shenzhen).toEqual({ text: '深圳', consumes: 8 });
    expect(index.lookup('qqq')).toEqual([]);
  });

  it('finds every bundled word by its full pinyin among the first candidates shown', () => {
    const words = commonPhrases();
    expect(words.length).toBeGreaterThan(600);
    const missing = words.filter((w) => {
      const letters = (pinyin(w, { toneType: 'none', type: 'array', v: true }) as string[]).join('').toLowerCase();
      return !texts(letters, 12).includes(w);
    });
    expect(missing).toEqual([]);
  });

  it('lists words of two characters or more, each once', () => {
    const words = commonPhrases();
    expect(new Set(words).size).toBe(words.length);
    expect(words.filter((w) => !/^[\u4e00-\u9fff]{2,}$/.test(w))).toEqual([]);
  });
});

describe('keyboard reducer', () => {
  it('composes pinyin, picks a candidate, and keeps composing the rest', () => {
    let s = run(type('shenqing'));
    expect(s.compose).toBe('shenqing');
    const shen = candidatesFor(s, index).find((c) => c.text === '申')!;
    expect(shen).toEqual({ text: '申', consumes: 4 });
    s = reduce(s, { type: 'pick', candidate: shen });
    expect(s).toMatchObject({ text: '申', compose: 'qing' });
    s = reduce(s, { type: 'pick', candidate: candidatesFor(s, index).find((c) => c.text === '请')! });
    expect(s).toMatchObject({ text: '申请', compose: '' });
  });

  it('picks a whole word and keeps composing what follows it', () => {
    let s = run(type('shenzhenshifutianqu'));
    expect(candidatesFor(s, index)[0]).toEqual({ text: '深圳市', consumes: 11 });
    s = run([{ type: 'space' }], s);
    expect(s).toMatchObject({ text: '深圳市', compose: 'futianqu' });
    s = run([{ type: 'space' }], s);
    expect(s).toMatchObject({ text: '深圳市福田区', compose: '' });
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
