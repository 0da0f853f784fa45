// CJK line breaking on the 58/80 mm slip (receipts/line-break, receipts/fit-layout): properties over random mixed
// Chinese/Latin/number/punctuation text with fast-check, the cases the hall reported, and whole receipts planned by
// the driver for both papers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planLayout } from '@easydo/device-drivers/printer/escpos/plan';
import { PROFILES } from '@easydo/device-drivers/printer/profiles';
import { displayWidth, wrapToWidth } from '@easydo/device-drivers/printer/escpos/width';
import { breakLines, isWordChar, NO_LINE_END, NO_LINE_START } from '../../src/services/receipts/line-break';
import { fitLayoutToPaper } from '../../src/services/receipts/fit-layout';
import { buildAcceptanceReceiptLayout } from '../../src/services/receipts/acceptance-receipt';
import { layoutToLines } from '../../src/services/receipts/receipt-lines';
import { ACCEPTED, QUERY_LINK } from './fixtures';

const HANZI = [...'受理回执事项名称申请人证件号码居民身份证港澳台居住证外国人永久居留深圳市福田区莲花街道办理时限个工作日下一步查询密码请妥善保管'];
const CLOSE = [...'，。、；：！？）」』】》'];
const OPEN = [...'（「『【《'];

const hanzi = fc.array(fc.constantFrom(...HANZI), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const latinWord = fc.stringMatching(/^[A-Za-z]{1,14}$/);
const number = fc.oneof(
  fc.stringMatching(/^[0-9]{1,24}$/),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constant('440304********2469'),
  fc.stringMatching(/^[A-Z]{2}[0-9]{13,20}$/), // acceptance numbers
  fc.stringMatching(/^[0-9]{2}:[0-9]{2}$/),
);
const closing = fc.constantFrom(...CLOSE);
const opening = fc.constantFrom(...OPEN);
/** Mixed receipt-like text; punctuation never three in a row (a line of nothing but punctuation cannot obey 禁则). */
const text = fc
  .array(fc.oneof({ arbitrary: hanzi, weight: 4 }, { arbitrary: latinWord, weight: 2 }, { arbitrary: number, weight: 2 }, closing, opening, fc.constant(' ')), { minLength: 1, maxLength: 30 })
  .filter((parts) => !parts.some((p, i) => i >= 2 && [p, parts[i - 1], parts[i - 2]].every((x) => x !== undefined && (CLOSE.includes(x) || OPEN.includes(x)))))
  .map((parts) => parts.join(''));
const columns = fc.constantFrom(16, 24, 32, 48);

/**
 * Walks the original paragraph along the lines: every character is found in order (only spaces at breaks are
 * dropped), and returns the pair of characters around each break.
 */
function breaks(original: string, lines: string[]): { before: string; after: string }[] {
  const src = [...original];
  let pos = 0;
  const out: { before: string; after: string }[] = [];
  lines.forEach((line) => {
    // Spaces are dropped where a line breaks (and a paragraph's indent that does not fit).
    if (!line.startsWith(' ')) while (src[pos] === ' ') pos++;
    for (const ch of line) {
      expect(src[pos], `"${line}" in "${original}"`).toBe(ch);
      pos++;
    }
    out.push({ before: src[pos - 1] ?? '', after: src[pos] ?? '' });
  });
  out.pop();
  while (src[pos] === ' ') pos++;
  expect(pos, 'every character printed').toBe(src.length);
  return out;
}

/** Word runs of the input (Latin words, numbers, dates, masked IDs) as the breaker must keep them. */
const runs = (s: string) => s.match(/[A-Za-z0-9\-_./:*@#+&'%°]+/g) ?? [];

describe('breakLines (properties)', () => {
  it('never exceeds the column count, loses nothing, keeps the order', () => {
    fc.assert(
      fc.property(text, columns, (t, cols) => {
        const lines = breakLines(t, cols);
        for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(cols);
        breaks(t, lines);
      }),
      { numRuns: 400 },
    );
  });

  it('never splits a Latin word, a number, a date or a masked ID that fits on a line', () => {
    fc.assert(
      fc.property(text, columns, (t, cols) => {
        const lines = breakLines(t, cols);
        const fitsWhole = runs(t).every((r) => displayWidth(r) <= cols);
        fc.pre(fitsWhole);
        for (const b of breaks(t, lines)) expect(isWordChar(b.before) && isWordChar(b.after), `${JSON.stringify(lines)}`).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps closing punctuation off the start of a line and opening brackets off its end (禁则)', () => {
    fc.assert(
      fc.property(text, columns, (t, cols) => {
        // Where a word and its marks (two on each side at most here) cannot share a line, the whole word wins (tested
        // above): here every word leaves room for them.
        fc.pre(runs(t).every((r) => displayWidth(r) + 8 <= cols));
        const lines = breakLines(t, cols);
        lines.forEach((l, i) => {
          if (i > 0) expect(NO_LINE_START.has([...l][0] ?? ''), `line ${i} of ${JSON.stringify(lines)}`).toBe(false);
          if (i < lines.length - 1) expect(NO_LINE_END.has([...l].pop() ?? ''), `line ${i} of ${JSON.stringify(lines)}`).toBe(false);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('a number that fits but not with its mark stays whole; the mark goes down (a whole number before 禁则)', () => {
    expect(breakLines('440304********246900:00，a', 24)).toEqual(['440304********246900:00', '，a']);
  });

  it('a word longer than a whole line is the only thing cut, and still fits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{33,90}$/), hanzi, (long, zh) => {
        const lines = breakLines(`${zh}${long}。`, 32);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(32);
        expect(lines.join('')).toBe(`${zh}${long}。`);
        expect(lines.slice(1).some((l) => l.startsWith('。'))).toBe(false);
      }),
    );
  });
});

describe('breakLines (the slip as the hall saw it)', () => {
  it('a lone 。 never starts a line: the last character goes down with it (the driver cut it there)', () => {
    const t = '请妥善保管查询密码，扫码或凭受理编号查询办理进度。';
    const driver = wrapToWidth(t, 24);
    expect(driver.some((l) => l.startsWith('。'))).toBe(true); // before: "。" alone on the last line
    const ours = breakLines(t, 24);
    expect(ours).toEqual(['请妥善保管查询密码，扫码', '或凭受理编号查询办理进', '度。']);
  });

  it('keeps the acceptance number and the date whole; breaks Chinese and English at allowed places', () => {
    expect(breakLines('受理编号：440304XK0040100220250102000123', 32)).toEqual(['受理编号：', '440304XK0040100220250102000123']);
    expect(breakLines('提交时间：2025-01-02 09:30，请于2025-01-31前补齐', 24)).toEqual(['提交时间：2025-01-02', '09:30，请于2025-01-31前', '补齐']);
    expect(breakLines('Keep the query password safe. Scan the code or use the acceptance number.', 32)).toEqual([
      'Keep the query password safe.',
      'Scan the code or use the',
      'acceptance number.',
    ]);
  });

  it('keeps an opening bracket with what follows it', () => {
    const lines = breakLines('申请人：OKAFOR, C***（奥卡福·奇迪）', 24);
    for (const l of lines) expect(NO_LINE_END.has([...l].pop()!)).toBe(false);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(24);
    breaks('申请人：OKAFOR, C***（奥卡福·奇迪）', lines);
    expect(lines.some((l) => l.includes('（奥'))).toBe(true);
  });
});

describe('whole receipts fitted to the paper', () => {
  const longItem = { zh: '独生子女父母奖励（含计划生育家庭特别扶助）申请，材料齐全的当场受理。', en: 'Only-child parents reward (including special support for family-planning families), accepted on the spot.' };
  for (const profile of Object.values(PROFILES)) {
    for (const language of ['zh', 'en', 'bilingual'] as const) {
      it(`${profile.name}, ${language}: every printed line fits, no number or word is cut, no line starts with closing punctuation`, () => {
        const data = { ...ACCEPTED, language, itemName: longItem, outcome: { kind: 'accepted' as const, acceptanceNumber: '440304JF00102001202501020001234', queryPassword: '836412' } };
        const fitted = buildAcceptanceReceiptLayout(data, { queryLink: QUERY_LINK, paper: profile });
        const planned = planLayout(fitted, profile).flatMap((op) => (op.kind === 'line' ? [op] : []));
        for (const l of planned) expect(displayWidth(l.text) * l.size, l.text).toBeLessThanOrEqual(profile.columns);
        for (const l of planned) expect(NO_LINE_START.has([...l.text.trimStart()][0] ?? ''), l.text).toBe(false);
        // The driver did not cut anything itself: its lines are exactly the fitted blocks' lines.
        expect(planned.some((l) => l.text.includes('440304JF00102001202501020001234'))).toBe(true);
        expect(planned.some((l) => l.text.includes('440304********2469'))).toBe(true);
        expect(layoutToLines(fitted).join('')).toContain(language === 'en' ? 'accepted on the spot.' : '材料齐全的当场受理。');
      });
    }
  }

  it('fitting is what changes the slip: unfitted, the driver cuts the number on 58 mm', () => {
    const block = { type: 'text' as const, text: '受理编号：440304JF00102001202501020001234' };
    const planned = (layout: Parameters<typeof planLayout>[0]) => planLayout(layout, PROFILES['58mm']).flatMap((op) => (op.kind === 'line' ? [op.text] : []));
    expect(planned([block]).some((l) => l.includes('440304JF00102001202501020001234'))).toBe(false);
    const fitted = fitLayoutToPaper([block], PROFILES['58mm']);
    expect(fitted).toEqual([
      { type: 'text', text: '受理编号：' },
      { type: 'text', text: '440304JF00102001202501020001234' },
    ]);
    expect(planned(fitted)).toEqual(['受理编号：', '440304JF00102001202501020001234']);
  });

  it('a table cell breaks inside its own column, whole words kept, within the paper', () => {
    const [table] = fitLayoutToPaper(
      [{ type: 'table', columns: [{ header: 'Material' }, { header: 'Qty', width: 5, align: 'right' }, { header: 'Form', width: 12 }], rows: [['Residence permit for HK, Macao and Taiwan residents', '1', 'original checked']] }],
      PROFILES['58mm'],
    );
    const planned = planLayout([table!], PROFILES['58mm']).flatMap((op) => (op.kind === 'line' ? [op.text] : []));
    for (const l of planned) expect(displayWidth(l)).toBeLessThanOrEqual(32);
    const text = planned.join(' ');
    for (const w of ['Residence', 'permit', 'Macao', 'Taiwan', 'residents', 'original', 'checked']) expect(text).toContain(w);
  });
});
