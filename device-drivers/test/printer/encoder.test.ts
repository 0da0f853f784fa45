import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { planLayout, type PlannedLine } from '../../src/printer/escpos/plan';
import { renderLayout } from '../../src/printer/escpos/render';
import { displayWidth } from '../../src/printer/escpos/width';
import { PROFILES } from '../../src/printer/profiles';
import { GOLDEN_LAYOUT } from './helpers';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const indexOfSeq = (hay: Uint8Array, needle: number[], from = 0) => {
  for (let i = from; i <= hay.length - needle.length; i++) if (needle.every((n, k) => hay[i + k] === n)) return i;
  return -1;
};

describe('ESC/POS encoder', () => {
  for (const profile of Object.values(PROFILES)) {
    it(`matches the golden bytes for ${profile.name}`, () => {
      const bytes = renderLayout(GOLDEN_LAYOUT, profile);
      const file = path.join(import.meta.dirname, 'golden', `receipt-${profile.name}.bin`);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, bytes);
      expect(existsSync(file), `golden file ${file} missing: run with UPDATE_GOLDEN=1 once and review it`).toBe(true);
      expect(hex(bytes)).toBe(hex(readFileSync(file)));
    });

    it(`${profile.name}: starts with ESC @, ESC t 0, FS & and every ESC @ is followed by them`, () => {
      const bytes = renderLayout(GOLDEN_LAYOUT, profile);
      expect([...bytes.subarray(0, 7)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 0x00, 0x1c, 0x26]);
      let at = indexOfSeq(bytes, [0x1b, 0x40]);
      while (at >= 0) {
        expect([...bytes.subarray(at, at + 7)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 0x00, 0x1c, 0x26]);
        at = indexOfSeq(bytes, [0x1b, 0x40], at + 2);
      }
    });

    it(`${profile.name}: no planned line is wider than ${profile.columns} columns`, () => {
      const lines = planLayout(GOLDEN_LAYOUT, profile).filter((op): op is PlannedLine => op.kind === 'line');
      for (const l of lines) expect(displayWidth(l.text) * l.size, l.text).toBeLessThanOrEqual(profile.columns);
    });
  }

  it('encodes ¥ as full-width ￥ (A3 A4) on GBK-only printers and as GB18030 on others', () => {
    const gbk = renderLayout([{ type: 'text', text: '¥5' }], PROFILES['58mm']);
    expect(indexOfSeq(gbk, [0xa3, 0xa4, 0x35])).toBeGreaterThan(0);
    const gb18030 = renderLayout([{ type: 'text', text: '¥5' }], PROFILES['80mm']);
    expect(indexOfSeq(gb18030, [0x81, 0x30, 0x84, 0x36, 0x35])).toBeGreaterThan(0);
    // Never the node-thermal-printer trap: ESC t n injected in the middle of text.
    expect(indexOfSeq(gbk, [0x1b, 0x74], 7)).toBe(-1);
  });

  it('encodes CJK text with iconv GB18030 bytes (镕 → E9 46, 𠀀 → 95 32 82 36)', () => {
    const bytes = renderLayout([{ type: 'text', text: '镕𠀀' }], PROFILES['80mm']);
    expect(indexOfSeq(bytes, [0xe9, 0x46, 0x95, 0x32, 0x82, 0x36, 0x0a])).toBeGreaterThan(0);
  });

  it('native QR store length counts payload BYTES (UTF-8), not characters', () => {
    const data = 'pw=中文';
    const bytes = renderLayout([{ type: 'qr', data }], PROFILES['80mm']);
    const at = indexOfSeq(bytes, [0x1d, 0x28, 0x6b]);
    const store = indexOfSeq(bytes, [0x31, 0x50, 0x30], at) - 2; // pL pH before cn fn m
    const len = bytes[store]! + bytes[store + 1]! * 256;
    expect(len).toBe(Buffer.byteLength(data, 'utf8') + 3);
    expect(len).not.toBe(data.length + 3);
  });

  it('58mm (no autocutter) feeds but never sends GS V; 80mm cuts', () => {
    expect(indexOfSeq(renderLayout([{ type: 'cut' }], PROFILES['58mm']), [0x1d, 0x56])).toBe(-1);
    expect(indexOfSeq(renderLayout([{ type: 'cut' }], PROFILES['80mm']), [0x1d, 0x56, 0x42, 0x00])).toBeGreaterThan(0);
  });

  it('rejects an invalid layout with a typed error', () => {
    expect(() => renderLayout([{ type: 'qr', data: '' }], PROFILES['80mm'])).toThrow(expect.objectContaining({ code: 'layoutInvalid' }));
    expect(() => renderLayout([{ type: 'table', columns: [{ width: 40 }, { width: 40 }], rows: [] }], PROFILES['80mm'])).toThrow(/columns/);
  });

  it('property: text, leftRight and tables never exceed the paper, and no text is lost', () => {
    const cjk = fc.constantFrom(...'中文受理回执材料申请表，。（）￥¥·—…𠀀镕');
    const ascii = fc.constantFrom(...'abcXYZ0123 -:/');
    const str = fc.array(fc.oneof(cjk, ascii), { maxLength: 80 }).map((a) => a.join(''));
    fc.assert(
      fc.property(str, str, str, fc.constantFrom('58mm', '80mm') as fc.Arbitrary<'58mm' | '80mm'>, fc.integer({ min: 1, max: 3 }), (a, b, c, p, size) => {
        const profile = PROFILES[p];
        const ops = planLayout(
          [
            { type: 'text', text: a, size },
            { type: 'leftRight', left: a, right: b },
            { type: 'table', columns: [{}, { width: 6, align: 'right' }, {}], rows: [[a, b, c]] },
          ],
          profile,
        );
        for (const op of ops) if (op.kind === 'line') expect(displayWidth(op.text) * op.size).toBeLessThanOrEqual(profile.columns);
        // The magnified text block is the only one with size > 1: its lines joined give the text back.
        const magnified = ops.filter((o): o is PlannedLine => o.kind === 'line' && o.size === size);
        if (size > 1) expect(magnified.map((l) => l.text).join('')).toBe(normalizeJoin(a, p));
      }),
      { numRuns: 150 },
    );
  });

  it('decodes back to the same text with iconv (round trip of what we send)', () => {
    const text = '受理编号：SZNS-1 申请人：卓*';
    const bytes = renderLayout([{ type: 'text', text }], PROFILES['80mm']);
    expect(iconv.decode(Buffer.from(bytes.subarray(10, bytes.length - 1)), 'gb18030')).toBe(text);
  });
});

function normalizeJoin(text: string, p: '58mm' | '80mm'): string {
  return p === '58mm' ? text.replaceAll('¥', '￥').replaceAll('𠀀', '?') : text;
}
