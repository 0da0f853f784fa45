// A Chinese name as it is also written in Latin letters: 张三 is "Zhang San", "ZHANG SAN", "zhangsan", "San
// Zhang", "ZHANG<<SAN" on a permit's machine-readable zone. Pinyin comes from pinyin-pro (surname readings for
// the family name: 单 shan, 曾 zeng; every reading of other polyphonic characters, within a bound); gaps between
// words are matched loosely by the registry (fold.ts collapseNameGaps), so only the joined and the spaced forms,
// in both orders, are needed here.
import { pinyin } from 'pinyin-pro';

/** Two-character family names; any other name's family name is its first character. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文', '司徒',
  '西门', '端木', '独孤', '南宫', '百里', '呼延', '轩辕', '闻人', '澹台', '公羊', '申屠', '太史', '万俟', '钟离',
]);
const HAN = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
/** Reading combinations per name part: a name of polyphonic characters stays a handful of terms. */
const MAX_COMBINATIONS = 8;
/** Longer values are addresses or titles, not names. */
const MAX_NAME_CHARS = 8;

/** ü is written u, v or yu by people and programs (吕 lü, lu, lv, lyu). */
function spellings(syllable: string): string[] {
  if (!syllable.includes('ü')) return [syllable];
  return [syllable, syllable.replace(/ü/g, 'u'), syllable.replace(/ü/g, 'v'), syllable.replace(/ü/g, 'yu')];
}

/**
 * Readings of a run of Han characters, the name reading first. A family name gets its surname reading (单 shan)
 * and its everyday one (dan, as a system without surname rules writes it); given-name characters every reading.
 */
function readings(han: string, asSurname: boolean): string[][] {
  const chars = [...han];
  const named = pinyin(han, { toneType: 'none', type: 'array', surname: asSurname ? 'all' : 'off' });
  const everyday = pinyin(han, { toneType: 'none', type: 'array' });
  let combos: string[][] = [[]];
  chars.forEach((ch, i) => {
    const own = asSurname ? [everyday[i]!] : pinyin(ch, { toneType: 'none', type: 'array', multiple: true });
    const options = [...new Set([named[i]!, ...own].flatMap(spellings))];
    const next: string[][] = [];
    for (const c of combos) for (const o of options) if (next.length < MAX_COMBINATIONS) next.push([...c, o]);
    combos = next;
  });
  return combos;
}

const forms = (syllables: string[]) => [syllables.join(''), syllables.join(' ')];

/**
 * Latin spellings of a Chinese name (lower case); none for values that are not a name in Han characters. For
 * `·`-joined names (阿依古丽·努尔兰) each part is one word and the parts are spellings too.
 */
export function romanisedNames(value: string): string[] {
  const parts = value.trim().split(/[·•・]/).filter(Boolean);
  const length = parts.reduce((n, p) => n + [...p].length, 0);
  if (parts.length === 0 || length < 2 || length > MAX_NAME_CHARS || !parts.every((p) => HAN.test(p))) return [];
  const out = new Set<string>();
  if (parts.length > 1) {
    const words = parts.map((p) => readings(p, false).map((r) => r.join('')));
    for (const w of words) for (const spelling of w) if (spelling.length >= 4) out.add(spelling);
    for (const first of words[0]!) for (const last of words.at(-1)!) {
      out.add(`${first} ${last}`);
      out.add(`${last} ${first}`);
    }
    return [...out];
  }
  const han = parts[0]!;
  const surnameLength = COMPOUND_SURNAMES.has([...han].slice(0, 2).join('')) && [...han].length > 2 ? 2 : 1;
  const family = [...han].slice(0, surnameLength).join('');
  const given = [...han].slice(surnameLength).join('');
  for (const f of readings(family, true)) {
    for (const g of readings(given, false)) {
      // zhangsan, sanzhang; zhang san, zhang xiao ming, xiao ming zhang, ou yang na na, …
      out.add(f.join('') + g.join(''));
      out.add(g.join('') + f.join(''));
      for (const fam of forms(f)) {
        for (const giv of forms(g)) {
          out.add(`${fam} ${giv}`);
          out.add(`${giv} ${fam}`);
        }
      }
      // A given name of two or more syllables names the person on its own ("Xiaoming").
      if (g.length >= 2) for (const giv of forms(g)) out.add(giv);
    }
  }
  return [...out];
}
