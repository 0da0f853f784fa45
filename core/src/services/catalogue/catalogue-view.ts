// The backend's catalogue turned into what screens need: categories with item summaries and pinyin initials
// (so 房屋租赁合同备案 is found by typing FWZLHTBA on the keypad).
import { pinyin } from 'pinyin-pro';
import type { Catalogue } from '@easydo/backend-client/types';
import type { CatalogueView } from '@easydo/core/contract/schemas/catalogue';

export function pinyinInitials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .replace(/[^a-z]/gi, '')
    .toUpperCase();
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
        })),
    })),
  };
}
