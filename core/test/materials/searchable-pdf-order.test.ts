// The searchable PDF's text layer follows the layout's reading order and sits where the words are on the page:
// a two-column page's boxes (as the detector finds them, shuffled) go through readingOrder into the PDF;
// `pdftotext -raw` (content-stream order, which is ours) gives the columns one after the other, and -bbox puts
// each line where its box was. (pdftotext's default mode re-orders by its own layout analysis, which on this
// synthetic page reads across the gutter: that is poppler's choice, not the PDF's order.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../src/services/materials/ocr-pool';
import { readingOrder } from '../../src/services/materials/ppocr/reading-order';
import { buildSearchablePdf } from '../../src/services/materials/searchable-pdf';
import { ARTIFACTS, IN_CI, hasCommand } from './fixtures';

const LEFT = ['第一条为做好辖区实有人口服务管理工作根据有关', '规定社区工作站定于十二月开展居住登记信息核查', '核查对象为在本社区居住满三十日的非深户籍人员', '以及信息发生变化的人员'];
const RIGHT = ['第二条所需材料为居民身份证原件租住的须提供房', '屋租赁合同自有住房的须提供不动产权证书单位宿', '舍的须提供单位出具的住宿证明并加盖单位的公章', '核查工作不收取任何费用'];

function lines(): OcrLine[] {
  const box = (text: string, x0: number, y0: number): OcrLine => ({ text, bbox: { x0, y0, x1: x0 + text.length * 44, y1: y0 + 56 }, confidence: 96 });
  const all = [box('关于开展居住登记信息核查的通知', 600, 200), ...LEFT.map((t, i) => box(t, 120, 420 + i * 86)), ...RIGHT.map((t, i) => box(t, 1290, 420 + i * 86))];
  return all.reverse();
}

describe('searchable PDF reading order', () => {
  it('pdftotext reads a two-column page column by column, each line where its box is', async () => {
    if (!hasCommand('pdftotext')) {
      if (IN_CI) throw new Error('pdftotext missing: install poppler-utils');
      return;
    }
    const order = readingOrder(lines());
    const image = await sharp({ create: { width: 2480, height: 3508, channels: 3, background: '#ffffff' } }).greyscale().png().toBuffer();
    const pdf = await buildSearchablePdf([{ image: new Uint8Array(image), widthPx: 2480, heightPx: 3508, dpi: 300, lines: order.lines }]);
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'two-column.pdf');
    writeFileSync(file, pdf.bytes);
    const expected = ['关于开展居住登记信息核查的通知', ...LEFT, ...RIGHT];
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).toString();
    expect(text.split('\n').map((l) => l.replace(/\s+/gu, '')).filter(Boolean)).toEqual(expected);
    // Word boxes in points (72/300 of a pixel): the first right-column line starts at x 1290 px, y 420 px.
    const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']).toString();
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">第二条/u.exec(html);
    expect(word).not.toBeNull();
    const [x0, y0] = [Number(word![1]) * (300 / 72), Number(word![2]) * (300 / 72)];
    expect(Math.abs(x0 - 1290)).toBeLessThan(30);
    expect(Math.abs(y0 - 420)).toBeLessThan(40);
  });
});
