// Catalogue search on the kiosk: by Chinese or English name, or by the pinyin initials of the Chinese name
// ("fwzl" finds 房屋租赁…), the way residents type on a terminal without an IME.
import type { CatalogueCategory } from '@easydo/core/contract/schemas/catalogue';

export function searchCatalogue(categories: CatalogueCategory[], query: string, categoryCode: string | null = null): CatalogueCategory[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  return categories
    .filter((c) => categoryCode === null || c.code === categoryCode)
    .map((c) => ({
      ...c,
      items: c.items.filter(
        (it) => !q || it.name.zh.includes(q) || it.name.en.toLowerCase().replace(/\s+/g, '').includes(q) || it.pinyinInitials.toLowerCase().includes(q) || it.code.toLowerCase() === q,
      ),
    }))
    .filter((c) => c.items.length > 0);
}
