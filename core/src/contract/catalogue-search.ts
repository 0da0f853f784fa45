// Catalogue search as residents type it on the kiosk's keyboard, without an IME: Chinese characters, full pinyin
// with or without spaces ("jiu ye deng ji", "jiuyedengji"), initials ("jydj"), a mix ("就ydj", "就业dengji"), with
// or without tones ("jiù yè") and with ü typed as ü, v, u: or u ("lüdi", "lvdi", "ludi"). The English name and the
// item code count too. Ranked: exact name > name prefix > initials > contained, then earlier, then shorter.
// Pure (no pinyin dictionary here: main sends each name's syllables, catalogue-view.ts), so the renderer runs it
// per keystroke. Hand-written: pinyin-pro converts text, it does not match a typed query against it.
import type { CatalogueCategory, CatalogueItemSummary } from './schemas/catalogue';

export type SearchRank = 0 | 1 | 2 | 3;
export const RANK = { exact: 0, prefix: 1, initials: 2, contains: 3 } as const;

const HAN = /\p{Script=Han}/u;
const isHan = (ch: string) => HAN.test(ch);
const isAlnum = (ch: string) => /^[a-z0-9]$/.test(ch);

/** A typed query as pinyin letters and characters: lower case, no tones or spaces, ü as v, "jv" as "ju". */
export function foldPinyinQuery(query: string): string {
  return query
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/u:/g, 'v')
    .replace(/([a-z])[1-5]/g, '$1') // tone numbers: ju1zhu4
    .replace(/([jqxy])v/g, '$1u')
    .replace(/[^a-z0-9\p{Script=Han}]/gu, '');
}

/** A syllable as the matcher compares it (pinyin-pro writes ü as v: "lv", "ju"). */
const foldSyllable = (s: string) => s.toLowerCase().replace(/([jqxy])v/g, '$1u');
/** What a typed syllable may look like: as written, and ü typed as u ("lu" for 绿). */
const spellings = (s: string) => (s.includes('v') ? [s, s.replace(/v/g, 'u')] : [s]);
/** Initials a resident may type for a syllable: its first letter, and zh/ch/sh whole. */
const initialsOf = (s: string) => [...new Set([s.slice(0, 1), ...(/^[zcs]h/.test(s) ? [s.slice(0, 2)] : [])])].filter((i) => i.length < s.length);

// Outcome bits of one way through the name: an initial stood for a whole syllable / the last syllable was only
// begun / the match ran to the end of the name.
const ABBREV = 4;
const PARTIAL = 2;
const AT_END = 1;
const withFlag = (mask: number, flag: number) => {
  let out = 0;
  for (let code = 0; code < 8; code++) if (mask & (1 << code)) out |= 1 << (code | flag);
  return out;
};

/** Every way the query matches the name from `start` on, as a bitmask over the outcome codes above. */
function outcomes(q: string, chars: string[], syllables: string[], start: number): number {
  const memo = new Map<number, number>();
  const skippable = (ch: string) => !isHan(ch) && !isAlnum(ch.toLowerCase());
  const restSkippable = (ni: number) => chars.slice(ni).every(skippable);
  const walk = (qi: number, ni: number): number => {
    if (qi === q.length) return 1 << (restSkippable(ni) ? AT_END : 0);
    if (ni === chars.length) return 0;
    const key = qi * 1000 + ni;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const c = chars[ni]!;
    const s = syllables[ni] ?? '';
    const qc = q[qi]!;
    let mask = 0;
    if (isHan(qc)) {
      if (qc === c) mask |= walk(qi + 1, ni + 1);
    } else if (s) {
      for (const spelled of spellings(s)) {
        if (q.startsWith(spelled, qi)) mask |= walk(qi + spelled.length, ni + 1);
        // The last syllable only begun ("juzhuzh"): still typing, not an abbreviation.
        const rest = q.slice(qi);
        if (rest.length < spelled.length && spelled.startsWith(rest)) mask |= 1 << (PARTIAL | (restSkippable(ni + 1) ? AT_END : 0));
      }
      for (const initial of initialsOf(s)) {
        if (q.startsWith(initial, qi) && qi + initial.length < q.length) mask |= withFlag(walk(qi + initial.length, ni + 1), ABBREV);
      }
    } else if (c.toLowerCase() === qc) {
      mask |= walk(qi + 1, ni + 1);
    }
    if (skippable(c) && ni > start) mask |= walk(qi, ni + 1);
    memo.set(key, mask);
    return mask;
  };
  return walk(0, start);
}

export interface SearchHit {
  rank: SearchRank;
  /** Where in the Chinese name the match starts (0 for the English name and the code). */
  start: number;
}

/** How well one item matches a query; null when it does not. */
export function rankItem(item: CatalogueItemSummary, query: string): SearchHit | null {
  const raw = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!raw) return { rank: RANK.exact, start: 0 };
  const hits: SearchHit[] = [];
  if (item.code.toLowerCase() === raw) hits.push({ rank: RANK.exact, start: 0 });
  const en = item.name.en.toLowerCase().replace(/\s+/g, '');
  if (en === raw) hits.push({ rank: RANK.exact, start: 0 });
  else if (en.startsWith(raw)) hits.push({ rank: RANK.prefix, start: 0 });
  else if (en.includes(raw)) hits.push({ rank: RANK.contains, start: en.indexOf(raw) });

  const q = foldPinyinQuery(query);
  const chars = [...item.name.zh];
  const syllables = (item.pinyin ?? []).map(foldSyllable);
  if (q) {
    for (let start = 0; start < chars.length; start++) {
      const mask = outcomes(q, chars, syllables, start);
      for (let code = 0; code < 8; code++) {
        if (!(mask & (1 << code))) continue;
        const rank = code & ABBREV ? RANK.initials : start > 0 ? RANK.contains : code === AT_END ? RANK.exact : RANK.prefix;
        hits.push({ rank, start });
      }
    }
  }
  // A summary from before syllables were sent: its initials still find it.
  if (!item.pinyin && q && item.pinyinInitials.toLowerCase().includes(q)) hits.push({ rank: RANK.initials, start: item.pinyinInitials.toLowerCase().indexOf(q) });
  if (hits.length === 0) return null;
  return hits.reduce((best, h) => (h.rank < best.rank || (h.rank === best.rank && h.start < best.start) ? h : best));
}

/**
 * Items matching the query, best first within each category, categories in the order of their best item;
 * an empty query lists everything in catalogue order. `categoryCode` keeps one category.
 */
export function searchCatalogue(categories: CatalogueCategory[], query: string, categoryCode: string | null = null): CatalogueCategory[] {
  const kept = categories.filter((c) => categoryCode === null || c.code === categoryCode);
  if (!query.trim()) return kept.filter((c) => c.items.length > 0);
  const order = (a: { hit: SearchHit; zh: string; i: number }, b: { hit: SearchHit; zh: string; i: number }) =>
    a.hit.rank - b.hit.rank || a.hit.start - b.hit.start || [...a.zh].length - [...b.zh].length || a.i - b.i;
  return kept
    .map((c, ci) => {
      const hits = c.items
        .map((item, i) => ({ item, hit: rankItem(item, query), zh: item.name.zh, i }))
        .filter((x): x is { item: CatalogueItemSummary; hit: SearchHit; zh: string; i: number } => x.hit !== null)
        .sort(order);
      return { category: { ...c, items: hits.map((h) => h.item) }, best: hits[0] ? { ...hits[0], i: ci } : null };
    })
    .filter((x): x is { category: CatalogueCategory; best: { item: CatalogueItemSummary; hit: SearchHit; zh: string; i: number } } => x.best !== null)
    .sort((a, b) => order(a.best, b.best))
    .map((x) => x.category);
}
