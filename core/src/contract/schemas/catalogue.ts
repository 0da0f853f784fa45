// Service catalogue as shown on screens (the backend's full item definition lives in backend-client).
import { z } from 'zod';

export const LocalText = z.object({ zh: z.string(), en: z.string() });
export type LocalText = z.infer<typeof LocalText>;

export const CatalogueItemSummary = z.object({
  code: z.string(),
  categoryCode: z.string(),
  name: LocalText,
  department: z.string(),
  timeLimitDays: z.number().int().nonnegative(),
  /** Pinyin initials of the Chinese name, for search on the on-screen keyboard. */
  pinyinInitials: z.string(),
  /**
   * One tone-less syllable per character of the Chinese name (ü as v; '' for a character that is not Chinese), for
   * full-pinyin and mixed search (contract/catalogue-search). Absent from older summaries: initials still search.
   */
  pinyin: z.array(z.string().max(8)).max(200).optional(),
});
export type CatalogueItemSummary = z.infer<typeof CatalogueItemSummary>;

export const CatalogueCategory = z.object({
  code: z.string(),
  name: LocalText,
  items: z.array(CatalogueItemSummary),
});
export type CatalogueCategory = z.infer<typeof CatalogueCategory>;

export const CatalogueView = z.object({
  version: z.string(),
  /** True when served from the local cache because the backend was unreachable. */
  fromCache: z.boolean(),
  categories: z.array(CatalogueCategory),
});
export type CatalogueView = z.infer<typeof CatalogueView>;
