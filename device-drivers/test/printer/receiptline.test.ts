// Second opinion: receiptline (a well-kept receipt renderer) agrees with us on GB18030 bytes and on
// CJK widths. Its ESC/POS output goes through our parser; its text output is compared with our plan.
import receiptline from 'receiptline';
import { describe, expect, it } from 'vitest';
import { planLayout } from '../../src/printer/escpos/plan';
import { PROFILES } from '../../src/printer/profiles';
import { EscPosParser } from '../../src/printer/virtual/parser';

const LONG = '这是一行很长的中文文字，用来检查按显示宽度换行：每个汉字占两列，ASCII 字符占一列，绝不超出纸宽。';
const MIXED = '受理编号SZNS-20250101-000123，查询密码836412；材料：身份证1份、户口簿1份（原件核验）。';
const transform = (doc: string, cpl: number, command: 'text' | 'escpos') =>
  receiptline.transform(doc, { cpl, encoding: 'gb18030', command, spacing: false, cutting: false });

describe('receiptline agrees', () => {
  for (const profile of [PROFILES['58mm'], { ...PROFILES['80mm'], charset: 'gb18030' as const }]) {
    it(`${profile.name}: same wrapping of long CJK and mixed-width lines`, () => {
      const doc = `${LONG}\n${MIXED}\n`;
      // Same break points; receiptline pads/centres continuation lines, so compare without the padding.
      const theirs = transform(doc, profile.columns, 'text').split('\n').map((l: string) => l.trim()).filter((l: string) => l !== '');
      const ours = planLayout(
        [
          { type: 'text', text: LONG },
          { type: 'text', text: MIXED },
        ],
        profile,
      ).flatMap((o) => (o.kind === 'line' ? [o.text.trim()] : []));
      expect(ours).toEqual(theirs);
    });
  }

  it('its GB18030 ESC/POS bytes decode in our parser to the same text (incl. 4-byte 𠀀 and €)', () => {
    const doc = `${LONG}\n𠀀€镕 test\n`;
    const bytes = Uint8Array.from(Buffer.from(transform(doc, 48, 'escpos'), 'binary'));
    const parser = new EscPosParser({ dots: 576, charset: 'gb18030', chineseModeAtReset: false });
    parser.write(bytes);
    const job = parser.end();
    // receiptline centres a line it considers a heading; compare the characters, not the padding.
    const lines = job.blocks.flatMap((b) => (b.type === 'line' && b.text.trim() !== '' ? [b.text.trim()] : []));
    const theirs = transform(doc, 48, 'text').split('\n').map((l: string) => l.trim()).filter((l: string) => l !== '');
    expect(lines).toEqual(theirs);
    expect(job.misprints).toBe(0);
    expect(job.blocks.some((b) => b.type === 'line' && b.overflow)).toBe(false);
  });
});
