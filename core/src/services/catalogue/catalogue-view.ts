// The backend's catalogue turned into what screens need: categories with item summaries, their pinyin initials
// (so 房屋租赁合同备案 is found by typing FWZLHTBA on the keypad) and syllables (full and mixed pinyin search,
// core/contract/catalogue-search).
import { pinyin } from 'pinyin-pro';
import type { Catalogue } from '@easydo/backend-client/types';
import type { CatalogueView } from '@easydo/core/contract/schemas/catalogue';

export function pinyinInitials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .replace(/[^a-z]/gi, '')
    .toUpperCase();
}

/**
 * One tone-less syllable per character of the name, read as the phrase it is in (银行 is yin hang, 行走 xing zou),
 * ü as v; '' for what is not Chinese. What the kiosk's pinyin search matches typed letters against.
 */
export function namePinyin(text: string): string[] {
  const chars = [...text];
  const all = pinyin(text, { type: 'all', toneType: 'none', v: true });
  if (all.length === chars.length && all.every((p, i) => p.origin === chars[i])) return all.map((p) => (p.isZh ? p.pinyin.toLowerCase() : ''));
  // pinyin-pro grouped something differently (a surrogate pair): character by character instead.
  return chars.map((ch) => (/\p{Script=Han}/u.test(ch) ? pinyin(ch, { toneType: 'none', v: true }).toLowerCase() : ''));
}

export function toCatalogueView(catalogue: Catalogue, fromCache: boolean): CatalogueView {
  return {
    version: catalogue.version,
    fromCache,
    categories: catalogue.categories.map((category) => ({
      code: category.code,
      name: category.name,
      items: catalogue.items
        .filter((item) => item.categoryCode === category.code)
        .map((item) => ({
          code: item.code,
          categoryCode: item.categoryCode,
          name: item.name,
          department: item.department.name,
          timeLimitDays: item.timeLimitWorkingDays,
          pinyinInitials: pinyinInitials(item.name.zh),
          pinyin: namePinyin(item.name.zh),
        })),
    })),
  };
}
