// Renders a parsed job as the paper would look (1 dot = 1 pixel at 203 dpi), for the admin screen and for
// people checking a receipt by eye. Text uses a real CJK font through GlyphRasterizer.
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { charColumns } from '../escpos/width';
import type { GlyphRasterizer } from './glyphs';
import type { ParsedJob, PrintBlock } from './job-model';

const MARGIN = 16;
const LINE_GAP = 6; // ESC 2 default line spacing is 30 dots for a 24-dot font

export function renderJobPng(job: Pick<ParsedJob, 'blocks'>, dots: number, glyphs: GlyphRasterizer): Buffer {
  const heights = job.blocks.map((b) => blockHeight(b));
  const width = dots + MARGIN * 2;
  const height = MARGIN * 2 + heights.reduce((s, h) => s + h, 0);
  const png = new PNG({ width, height });
  png.data.fill(255);
  const ink = (x: number, y: number, a: number) => {
    if (x < 0 || y < 0 || x >= width || y >= height || a === 0) return;
    const i = (y * width + x) * 4;
    const v = Math.min(png.data[i]!, 255 - a);
    png.data[i] = png.data[i + 1] = png.data[i + 2] = v;
  };
  let y = MARGIN;
  job.blocks.forEach((b, k) => {
    drawBlock(b, y, dots, glyphs, ink);
    y += heights[k]!;
  });
  return PNG.sync.write(png);
}

function blockHeight(b: PrintBlock): number {
  switch (b.type) {
    case 'line':
      return 24 * b.heightMul + LINE_GAP;
    case 'feed':
      return (24 + LINE_GAP) * b.lines;
    case 'image':
      return b.height + LINE_GAP;
    case 'qr':
      return qrSize(b) + LINE_GAP;
    case 'cut':
      return 24;
  }
}

function qrSize(b: Extract<PrintBlock, { type: 'qr' }>): number {
  return QRCode.create(b.payload, { errorCorrectionLevel: b.ec }).modules.size * b.moduleSize;
}

function startX(align: 'left' | 'center' | 'right', used: number, dots: number): number {
  const gap = Math.max(0, dots - used);
  return MARGIN + (align === 'center' ? Math.floor(gap / 2) : align === 'right' ? gap : 0);
}

function drawBlock(b: PrintBlock, top: number, dots: number, glyphs: GlyphRasterizer, ink: (x: number, y: number, a: number) => void): void {
  switch (b.type) {
    case 'line': {
      let x = startX(b.align, b.dots, dots);
      for (const ch of b.text) {
        const cell = (charColumns(ch.codePointAt(0) ?? 0) >= 2 ? 24 : 12) * b.widthMul;
        const g = glyphs.glyph(ch, cell, 24 * b.heightMul, b.bold);
        for (let gy = 0; gy < g.height; gy++) for (let gx = 0; gx < g.width; gx++) ink(x + gx, top + gy, g.alpha[gy * g.width + gx]!);
        x += cell;
      }
      return;
    }
    case 'image': {
      const x0 = startX(b.align, b.widthBytes * 8, dots);
      for (let yy = 0; yy < b.height; yy++) {
        for (let xx = 0; xx < b.widthBytes * 8; xx++) {
          if ((b.data[yy * b.widthBytes + (xx >> 3)]! & (0x80 >> (xx & 7))) !== 0) ink(x0 + xx, top + yy, 255);
        }
      }
      return;
    }
    case 'qr': {
      const qr = QRCode.create(b.payload, { errorCorrectionLevel: b.ec });
      const n = qr.modules.size;
      const x0 = startX(b.align, n * b.moduleSize, dots);
      for (let my = 0; my < n; my++) {
        for (let mx = 0; mx < n; mx++) {
          if (!qr.modules.get(my, mx)) continue;
          for (let dy = 0; dy < b.moduleSize; dy++) for (let dx = 0; dx < b.moduleSize; dx++) ink(x0 + mx * b.moduleSize + dx, top + my * b.moduleSize + dy, 255);
        }
      }
      return;
    }
    case 'cut':
      for (let x = 0; x < dots + MARGIN * 2; x += 8) for (let d = 0; d < 4; d++) ink(x + d, top + 12, 160);
      return;
    case 'feed':
      return;
  }
}
