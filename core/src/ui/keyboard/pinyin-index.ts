// Pinyin → hanzi candidate lookup for the on-screen keyboard, built once from the bundled common-character
// list with pinyin-pro (all readings of polyphonic characters, no tones). Pure: runs in Node tests too.
import { pinyin } from 'pinyin-pro';
import { FREQUENT, gb2312Level1 } from './common-chars';

export interface PinyinIndex {
  /** Candidates for a syllable or the start of one ("zh" → 中, 这, …), most frequent first. */
  candidates(input: string, limit?: number): string[];
  /** The longest leading part of `input` that is a whole syllable (for composing word by word), or null. */
  leadingSyllable(input: string): string | null;
  readonly syllables: ReadonlySet<string>;
}

export function buildPinyinIndex(chars: string = FREQUENT + gb2312Level1()): PinyinIndex {
  const bySyllable = new Map<string, string[]>();
  const rank = new Map<string, number>();
  for (const ch of chars) {
    if (rank.has(ch)) continue;
    rank.set(ch, rank.size);
    const readings = pinyin(ch, { toneType: 'none', multiple: true, type: 'array', v: true }) as string[];
    for (const r of new Set(readings.map((x) => x.toLowerCase()))) {
      if (!/^[a-z]+$/.test(r)) continue;
      const list = bySyllable.get(r);
      if (list) list.push(ch);
      else bySyllable.set(r, [ch]);
    }
  }
  const syllables = new Set(bySyllable.keys());
  const sorted = [...syllables].sort();
  const byRank = (a: string, b: string) => rank.get(a)! - rank.get(b)!;
  return {
    syllables,
    candidates(input, limit = 40) {
      const key = input.toLowerCase().replace(/ü/g, 'v');
      if (!key) return [];
      const exact = bySyllable.get(key) ?? [];
      const prefix = sorted.filter((s) => s !== key && s.startsWith(key)).flatMap((s) => bySyllable.get(s) ?? []);
      const out: string[] = [];
      const seen = new Set<string>();
      for (const ch of [...exact].sort(byRank).concat([...new Set(prefix)].sort(byRank))) {
        if (seen.has(ch)) continue;
        seen.add(ch);
        out.push(ch);
        if (out.length >= limit) break;
      }
      return out;
    },
    leadingSyllable(input) {
      const key = input.toLowerCase();
      for (let n = Math.min(6, key.length); n > 0; n--) if (syllables.has(key.slice(0, n))) return key.slice(0, n);
      return null;
    },
  };
}
