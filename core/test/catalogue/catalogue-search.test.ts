// Pinyin phrase search over the real seeded catalogue (43 items, syllables from pinyin-pro as main sends them):
// full pinyin with and without spaces, initials, hanzi mixed with pinyin, tones and ü typed any way, and the
// ranking exact name > prefix > initials > contained.
import { describe, expect, it } from 'vitest';
import { seedCatalogue } from '@easydo/backend-client/sandbox/seed/catalogue';
import type { CatalogueCategory, CatalogueItemSummary } from '../../src/contract/schemas/catalogue';
import { foldPinyinQuery, rankItem, RANK, searchCatalogue } from '../../src/contract/catalogue-search';
import { namePinyin, pinyinInitials, toCatalogueView } from '../../src/services/catalogue/catalogue-view';

const view = toCatalogueView({ version: 't', ...seedCatalogue() } as Parameters<typeof toCatalogueView>[0], false);
const names = (query: string) => searchCatalogue(view.categories, query).flatMap((c) => c.items.map((i) => i.name.zh));
const first = (query: string) => names(query)[0];

/** A summary as main sends it, for a made-up name (ranking cases need names the catalogue lacks). */
const summary = (zh: string, code = zh): CatalogueItemSummary => ({ code, categoryCode: 'c', name: { zh, en: `item ${code}` }, department: 'd', timeLimitDays: 1, pinyinInitials: pinyinInitials(zh), pinyin: namePinyin(zh) });

describe('syllables main sends', () => {
  it('one per character, tone-less, ü as v, read as a phrase; empty for what is not Chinese', () => {
    expect(namePinyin('城市绿地临时占用审批')).toEqual(['cheng', 'shi', 'lv', 'di', 'lin', 'shi', 'zhan', 'yong', 'shen', 'pi']);
    expect(namePinyin('银行（A1）')).toEqual(['yin', 'hang', '', '', '', '']);
    for (const c of view.categories) for (const i of c.items) expect(i.pinyin, i.name.zh).toHaveLength([...i.name.zh].length);
  });

  it('a typed query folds tones, ü and spaces away', () => {
    expect(foldPinyinQuery(' Jiù Yè  Dēng Jì ')).toBe('jiuyedengji');
    expect(foldPinyinQuery('lǜ dì')).toBe('lvdi');
    expect(foldPinyinQuery('lu:di')).toBe('lvdi');
    expect(foldPinyinQuery('jv zhu')).toBe('juzhu');
    expect(foldPinyinQuery('ju1zhu4')).toBe('juzhu');
    expect(foldPinyinQuery("xi'an 就业")).toBe('xian就业');
  });
});

describe('search on the seeded catalogue', () => {
  it('full pinyin with or without spaces, upper or lower case, with tones', () => {
    for (const q of ['jiu ye deng ji', 'jiuyedengji', 'JIUYEDENGJI', 'jiù yè dēng jì', 'jiu4ye4deng1ji4']) expect(first(q), q).toBe('就业登记');
  });

  it('initials, and hanzi mixed with pinyin or initials', () => {
    for (const q of ['jydj', 'JYDJ', '就ydj', '就业dengji', '就业deng记', 'jiu业登ji']) expect(first(q), q).toBe('就业登记');
    expect(first('hydjjlzm')).toBe('婚姻登记记录证明');
  });

  it('ü typed as ü, v, u: or u, with or without tones', () => {
    for (const q of ['lvdi', 'lüdi', 'lu:di', 'ludi', 'lǜ dì', 'chengshilvdi']) expect(names(q), q).toContain('城市绿地临时占用审批');
    expect(first('chengshilvdi')).toBe('城市绿地临时占用审批');
  });

  it('a syllable still being typed finds the item; a word not in any name finds nothing', () => {
    expect(first('jiuyedeng')).toBe('就业登记');
    expect(first('jiuyed')).toBe('就业登记');
    expect(names('xyzxyz')).toEqual([]);
    expect(names('qqqq')).toEqual([]);
  });

  it('ranks exact name > prefix > initials > contained', () => {
    // jiuye: 就业登记 / 就业创业证申领 start with it; 灵活就业社保补贴 and 职业技能培训补贴 only contain it or its sound.
    const jiuye = names('jiuye');
    expect(jiuye.slice(0, 2).sort()).toEqual(['就业创业证申领', '就业登记']);
    expect(jiuye.indexOf('灵活就业社保补贴')).toBeGreaterThan(1);
    // dengji: the items whose name is or starts with 登记 would come first; here all contain it, earliest first.
    const dengji = names('dengji');
    expect(dengji[0]).toBe('生育登记');
    expect(dengji).toEqual(expect.arrayContaining(['就业登记', '失业登记', '流动党员登记', '房屋租赁登记备案']));
  });

  it('English names and item codes still find items', () => {
    expect(first('employment registration')).toBe('就业登记');
    expect(first('gf00201001')).toBe('就业登记');
  });
});

describe('ranking rules', () => {
  const cases: [string, string, number][] = [
    ['登记', 'dengji', RANK.exact],
    ['登记', '登记', RANK.exact],
    ['登记备案', 'dengji', RANK.prefix],
    ['登记备案', 'deng', RANK.prefix],
    ['登记备案', 'djba', RANK.initials],
    ['登记备案', '登jba', RANK.initials],
    ['就业登记', 'dengji', RANK.contains],
    ['就业登记', 'dj', RANK.initials],
  ];
  for (const [zh, q, rank] of cases) it(`${zh} for "${q}" is ${Object.keys(RANK)[rank]}`, () => expect(rankItem(summary(zh), q)?.rank).toBe(rank));

  it('sorts a result list by rank, then by where the match starts, then shorter names first', () => {
    const cats: CatalogueCategory[] = [
      { code: 'a', name: { zh: 'A', en: 'A' }, items: [summary('就业登记', 'contains'), summary('登记备案', 'prefix'), summary('登记', 'exact')] },
      { code: 'b', name: { zh: 'B', en: 'B' }, items: [summary('多久登记', 'later'), summary('大件家具', 'initials')] },
    ];
    const found = searchCatalogue(cats, 'dengji');
    expect(found.flatMap((c) => c.items.map((i) => i.code))).toEqual(['exact', 'prefix', 'contains', 'later']);
    // By initials all five match; 多久登记 (duo jiu) and 大件家具 (da jian) both start with d-j, so catalogue order.
    const dj = searchCatalogue(cats, 'dj').flatMap((c) => c.items.map((i) => i.code));
    expect(dj).toEqual(['exact', 'prefix', 'contains', 'later', 'initials']);
    expect(searchCatalogue(cats, 'djjj').flatMap((c) => c.items.map((i) => i.code))).toEqual(['initials']);
  });
});
