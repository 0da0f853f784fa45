// Line breaking for the thermal slip, by display width (a CJK character prints 2 columns, ASCII 1, as the printer
// draws them: device-drivers' charColumns). The driver's own wrap cuts at the column, anywhere: inside an
// acceptance number, a date or an English word, and it lets "。" start a line. This one breaks between CJK
// characters, at spaces and between CJK and Latin; keeps a Latin word, a number, a date or a masked ID whole;
// keeps closing punctuation (，。、）」…) off the start of a line and opening brackets off its end (禁则, by
// pushing the last character down with it: the paper has no margin to hang punctuation in); and never exceeds the
// column count: only a word longer than a whole line is cut, and then still not before a closing mark.
// Hand-written: the UAX #14 libraries (linebreak) measure nothing and know no paper; this is the small part we need.
import { charColumns, displayWidth } from '@easydo/device-drivers/printer/escpos/width';

/** Never at the start of a line (行头禁则): closing brackets and quotes, sentence and clause marks, ellipsis, dash. */
export const NO_LINE_START = new Set([...'，。、；：！？）］｝」』】〕〉》〗〙〛”’…‥—～·・％℃,.;:!?)]}%']);
/** Never at the end of a line (行尾禁则): opening brackets and quotes. */
export const NO_LINE_END = new Set([...'（［｛「『【〔〈《〖〘〚“‘([{']);

/** Letters and digits that are not CJK ideographs or kana: they form words that stay whole. */
const WORD = /^[\p{L}\p{N}]$/u;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]$/u;
/** Joiners inside a Latin run: "2025-01-02", "09:30", "440304********2469", "FT-LH-KIOSK-03", "no.", "e-mail". */
const JOINER = new Set([...'-_./:*@#+&\'%°']);
const isSpace = (ch: string) => ch === ' ' || ch === '\u3000';

export const isWordChar = (ch: string) => (WORD.test(ch) && !CJK.test(ch)) || JOINER.has(ch);

const width = (s: string) => displayWidth(s);

interface Unit {
  /** What it prints: its parts joined. */
  text: string;
  /** The pieces it was glued from (a word, a character, a mark with the space before it). */
  parts: string[];
  spaceBefore: string;
}

/**
 * A paragraph as unbreakable units and the spaces between them. A unit is a Latin run (word chars and joiners,
 * "1,000" included), or one other character; closing marks join the unit before them (even across a space) and
 * opening marks the unit after them, so a break never falls next to either on the wrong side.
 */
function units(paragraph: string): Unit[] {
  const chars = [...paragraph];
  const out: Unit[] = [];
  let space = '';
  let glueNext = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (isSpace(ch)) {
      space += ch;
      continue;
    }
    let run = ch;
    if (isWordChar(ch)) {
      while (i + 1 < chars.length) {
        const next = chars[i + 1]!;
        const digitComma = next === ',' && /\d/.test(chars[i]!) && /\d/.test(chars[i + 2] ?? '');
        if (!isWordChar(next) && !digitComma) break;
        run += next;
        i++;
      }
    }
    const last = out[out.length - 1];
    if (last && (glueNext || NO_LINE_START.has(ch))) {
      last.text += space + run;
      last.parts.push(space + run);
    } else {
      out.push({ text: run, parts: [run], spaceBefore: space });
    }
    space = '';
    glueNext = NO_LINE_END.has([...run].pop()!);
  }
  if (space && out.length === 0) out.push({ text: '', parts: [''], spaceBefore: space });
  return out;
}

/** A part wider than the line, cut by characters; no piece starts with a closing mark (one more character moves down). */
function cutChars(text: string, columns: number): string[] {
  const pieces: string[] = [];
  let line: string[] = [];
  let w = 0;
  for (const ch of text) {
    const cw = charColumns(ch.codePointAt(0) ?? 0);
    if (w + cw > columns && line.length > 0) {
      let carry: string[] = [];
      // Move characters down with a closing mark (or off an opening one) while the line keeps something.
      while (line.length > 1 && (NO_LINE_START.has(carry[0] ?? ch) || NO_LINE_END.has(line[line.length - 1]!))) {
        carry = [line.pop()!, ...carry];
      }
      if (width(carry.join('')) + cw > columns) {
        // The carry would not fit either (a line of punctuation): keep the break where it was.
        line.push(...carry);
        carry = [];
      }
      pieces.push(line.join(''));
      line = carry;
      w = width(line.join(''));
    }
    line.push(ch);
    w += cw;
  }
  pieces.push(line.join(''));
  return pieces;
}

/**
 * A unit wider than the line (a word with its punctuation, or a word longer than a line): broken between its
 * parts first, so a number that fits stays whole and only its mark moves down (a whole number matters more than
 * 禁则); a part wider than the line is cut by characters.
 */
function cut(u: Unit, columns: number): string[] {
  const pieces: string[] = [];
  let line = '';
  for (let i = 0; i < u.parts.length; i++) {
    const part = u.parts[i]!;
    if (width(line + part) <= columns) {
      line += part;
      continue;
    }
    if (line) pieces.push(line);
    let bare = line ? part.replace(/^[ \u3000]+/, '') : part;
    if (width(bare) > columns) {
      // A word cut by characters takes its marks along, so the cut obeys 禁则 too.
      while (NO_LINE_START.has([...(u.parts[i + 1] ?? '').trimStart()][0] ?? '')) bare += u.parts[++i]!;
    }
    const chunks = width(bare) <= columns ? [bare] : cutChars(bare, columns);
    pieces.push(...chunks.slice(0, -1));
    line = chunks[chunks.length - 1]!;
  }
  pieces.push(line);
  return pieces;
}

/**
 * Text broken into lines of at most `columns` display columns. `\n` is a hard break; spaces where a line breaks
 * are dropped (and at the start of a wrapped line); everything else is kept, in order.
 */
export function breakLines(text: string, columns: number): string[] {
  if (!Number.isInteger(columns) || columns < 2) throw new RangeError(`cannot break into ${columns} columns`);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let w = 0;
    let started = false;
    for (const u of units(paragraph)) {
      const uw = width(u.text);
      const sw = width(u.spaceBefore);
      if (started && w + sw + uw <= columns) {
        line += u.spaceBefore + u.text;
        w += sw + uw;
        continue;
      }
      if (started) lines.push(line);
      // A paragraph keeps its indent when it fits; a wrapped line starts at the margin.
      const lead = !started && sw + uw <= columns ? u.spaceBefore : '';
      const pieces = uw + width(lead) <= columns ? [lead + u.text] : cut(u, columns);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1]!;
      w = width(line);
      started = true;
    }
    lines.push(line.replace(/[ \u3000]+$/, ''));
  }
  return lines.map((l) => l.replace(/[ \u3000]+$/, ''));
}
