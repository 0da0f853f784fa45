// Folding for redaction: one view of a line in which the same number or name always looks the same. Full-width
// forms (４４０３０４, ＸＹＺ, the ideographic space) become their ASCII twins, ASCII letters lower case, invisible
// and odd spaces a plain space, dashes a hyphen, and percent-escapes (`%20`, `%E5%8D%93`, as in URLs) the
// characters they encode. Each folded unit remembers the span of the original it came from, so a match in the
// folded view is redacted at exactly that span of the original: the rest of the line is left as written.

export interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`: where its source starts and ends in the original. */
  from: number[];
  to: number[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function foldMapped(original: string): Folded {
  const from: number[] = [];
  const to: number[] = [];
  let text = '';
  const emit = (unit: number, start: number, end: number) => {
    text += String.fromCharCode(foldUnit(unit));
    from.push(start);
    to.push(end);
  };
  for (let i = 0; i < original.length; ) {
    const escaped = percentRun(original, i);
    if (escaped) {
      for (const { units, start, end } of escaped.chars) for (const u of units) emit(u, start, end);
      i = escaped.end;
      continue;
    }
    emit(original.charCodeAt(i), i, i + 1);
    i++;
  }
  return { text, from, to };
}

export function fold(text: string): string {
  return foldMapped(text).text;
}

/** What may stand between the words of a Latin name: spaces, `,` `.` `_` `-` `·`, and the `<` fillers of a permit's machine-readable zone. */
const NAME_GAP = /[\s,._<·-]/;
const LATIN_LETTER = /[a-zà-ÿ]/;

/**
 * The folded view with every run of name gaps between two Latin letters made one space: `ZHANG, SAN`,
 * `Zhang-San`, `zhang_san`, `ZHANG<<SAN` and `Zhang  San` all read `zhang san`, so a name registered once is
 * found however it was joined. Each space keeps the span of the whole run it stands for.
 */
export function collapseNameGaps(folded: Folded): Folded {
  const { text, from, to } = folded;
  let out = '';
  const outFrom: number[] = [];
  const outTo: number[] = [];
  for (let i = 0; i < text.length; ) {
    if (NAME_GAP.test(text[i]!) && i > 0 && LATIN_LETTER.test(text[i - 1]!)) {
      let j = i;
      while (j < text.length && NAME_GAP.test(text[j]!)) j++;
      if (j < text.length && LATIN_LETTER.test(text[j]!)) {
        out += ' ';
        outFrom.push(from[i]!);
        outTo.push(to[j - 1]!);
        i = j;
        continue;
      }
    }
    out += text[i];
    outFrom.push(from[i]!);
    outTo.push(to[i]!);
    i++;
  }
  return { text: out, from: outFrom, to: outTo };
}

function foldUnit(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000 || c === 0x00a0 || c === 0x2007 || c === 0x202f || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) c = 0x20;
  else if (c >= 0x2010 && c <= 0x2015) c = 0x2d;
  // ASCII and Latin-1 capitals (LÜ, JOSÉ) lower case; × (0xd7) is not a letter.
  return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 0x20 : c;
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** A run of `%XX` escapes at `at` that is valid UTF-8, decoded character by character with its original span. */
function percentRun(s: string, at: number): { end: number; chars: { units: number[]; start: number; end: number }[] } | undefined {
  if (s[at] !== '%' || !HEX.test(s.slice(at + 1, at + 3))) return undefined;
  const bytes: number[] = [];
  let end = at;
  while (s[end] === '%' && HEX.test(s.slice(end + 1, end + 3))) {
    bytes.push(parseInt(s.slice(end + 1, end + 3), 16));
    end += 3;
  }
  let decoded: string;
  try {
    decoded = utf8.decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
  const chars: { units: number[]; start: number; end: number }[] = [];
  let byte = 0;
  for (const ch of decoded) {
    const cp = ch.codePointAt(0)!;
    const width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    const units = [...Array(ch.length).keys()].map((k) => ch.charCodeAt(k));
    chars.push({ units, start: at + byte * 3, end: at + (byte + width) * 3 });
    byte += width;
  }
  return { end, chars };
}

/** Replaces folded spans by `mark` in the original; overlapping or touching spans merge into one mark. */
export function replaceFolded(original: string, folded: Folded, spans: Array<[number, number]>, mark: string): string {
  if (spans.length === 0) return original;
  const ranges = spans.map(([s, e]): [number, number] => [folded.from[s]!, folded.to[e - 1]!]).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let at = 0;
  let open: [number, number] | undefined;
  for (const [s, e] of ranges) {
    if (open && s <= open[1]) {
      open[1] = Math.max(open[1], e);
      continue;
    }
    if (open) {
      out += original.slice(at, open[0]) + mark;
      at = open[1];
    }
    open = [s, e];
  }
  return out + original.slice(at, open![0]) + mark + original.slice(open![1]);
}
