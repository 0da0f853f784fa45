// Pinyin → hanzi candidate lookup for the on-screen keyboard, built once from the bundled common characters
// (all readings of polyphonic characters) and common words (read in context), both with pinyin-pro, no tones.
// Pure: runs in Node tests too.
import { pinyin } from 'pinyin-pro';
import { FREQUENT, gb2312Level1 } from './common-chars';
import { commonPhrases } from './common-phrases';

export interface Candidate {
  text: string;
  /** How many letters of the composition it stands for; the rest stays to be composed. */
  consumes: number;
}

export interface PinyinIndex {
  /** Characters for a syllable or the start of one ("zh" → 中, 这, …), most frequent first. */
  candidates(input: string, limit?: number): string[];
  /**
   * What the candidate bar offers for a composition: words it spells (whole syllables, initials such as "sz",
   * or a syllable still being typed) and the characters of its first syllable. Characters come first while
   * the letters can still be a single syllable ("zh", "shen"), words first once they cannot ("shenzhen").
   */
  lookup(compose: string, limit?: number): Candidate[];
  /** The longest leading part of `input` that is a whole syllable (for composing word by word), or null. */
  leadingSyllable(input: string): string | null;
  readonly syllables: ReadonlySet<string>;
}

interface Phrase {
  text: string;
  syllables: string[];
  rank: number;
}

/** How well a composition spells a word: lower tier is better; within tier 3, more letters consumed is better. */
interface PhraseMatch {
  tier: 0 | 1 | 2 | 3;
  consumed: number;
}

const ABBREVIATIONS = new Set(['zh', 'ch', 'sh']);

/**
 * Tiers: 0 every syllable typed in full; 1 some typed as initials or still being typed (shenz, sz); 2 the letters
 * are the start of a longer word (shenzhen → 深圳市), at least two syllables in; 3 the word is spelt by the
 * first letters only and more follow (shenzhenshi → 深圳 + shi).
 */
function matchPhrase(c: string, syllables: string[]): PhraseMatch | null {
  let best: PhraseMatch | null = null;
  const better = (m: PhraseMatch) => !best || m.tier < best.tier || (m.tier === best.tier && m.consumed > best.consumed);
  const go = (i: number, j: number, allFull: boolean): void => {
    const found: PhraseMatch | null =
      i === c.length && j === syllables.length
        ? { tier: allFull ? 0 : 1, consumed: i }
        : i === c.length
          ? j >= 2 ? { tier: 2, consumed: i } : null
          : j === syllables.length
            ? { tier: 3, consumed: i }
            : null;
    if (found) {
      if (better(found)) best = found;
      return;
    }
    if (i === c.length || j === syllables.length) return;
    const syl = syllables[j]!;
    for (let len = Math.min(syl.length, c.length - i); len >= 1; len--) {
      const part = c.slice(i, i + len);
      if (!syl.startsWith(part)) continue;
      const whole = len === syl.length;
      // An abbreviated syllable must be its initial (s, sh, z, zh …), except the last one, which may be half typed.
      if (!whole && !(len === 1 || ABBREVIATIONS.has(part) || i + len === c.length)) continue;
      go(i + len, j + 1, allFull && whole);
    }
  };
  go(0, 0, true);
  return best;
}

export function buildPinyinIndex(chars: string = FREQUENT + gb2312Level1(), words: readonly string[] = commonPhrases()): PinyinIndex {
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
  const phrases: Phrase[] = words.map((text, i) => ({
    text,
    syllables: (pinyin(text, { toneType: 'none', type: 'array', v: true }) as string[]).map((x) => x.toLowerCase()),
    rank: i,
  }));
  const leadingSyllable = (input: string): string | null => {
    const key = input.toLowerCase();
    for (let n = Math.min(6, key.length); n > 0; n--) if (syllables.has(key.slice(0, n))) return key.slice(0, n);
    return null;
  };
  const index: PinyinIndex = {
    syllables,
    lookup(compose, limit = 40) {
      const c = compose.toLowerCase().replace(/ü/g, 'v');
      if (!c) return [];
      // The characters stand for the whole composition while it can still grow into one syllable, else its first.
      const oneSyllable = sorted.some((s) => s.startsWith(c));
      const charKey = oneSyllable ? c : (leadingSyllable(c) ?? c);
      const chars = index.candidates(charKey, limit).map((text) => ({ text, consumes: charKey.length, tier: -1 }));
      const spelt = phrases
        .filter((p) => p.syllables[0]?.[0] === c[0])
        .flatMap((p) => {
          const m = matchPhrase(c, p.syllables);
          return m ? [{ p, m }] : [];
        })
        .sort((a, b) => a.m.tier - b.m.tier || b.m.consumed - a.m.consumed || a.p.rank - b.p.rank)
        .map(({ p, m }) => ({ text: p.text, consumes: m.consumed, tier: m.tier }));
      const plain = (list: { text: string; consumes: number }[]): Candidate[] => list.slice(0, limit).map(({ text, consumes }) => ({ text, consumes }));
      if (!oneSyllable) return plain([...spelt, ...chars]);
      // "xian" is 先 or 西安: a word the letters spell exactly still shows after the first few characters.
      const exact = spelt.filter((w) => w.tier === 0);
      return plain([...chars.slice(0, 3), ...exact, ...chars.slice(3), ...spelt.filter((w) => w.tier !== 0)]);
    },
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
    leadingSyllable,
  };
  return index;
}
