// One searchable PDF per material: each page is the page image with the OCR lines laid over it as
// invisible text (render mode 3, as Tesseract's own PDF renderer does), so viewers show the scan and
// `pdftotext`/search return the text. pdfkit rather than tesseract.js' `pdf: true` because that
// output is one PDF per page and we need the pages of a material in one file.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SHIPPED_CJK_FONT } from '../assets/fonts';
import PDFDocument from 'pdfkit';
import type { OcrLine } from './ocr-pool';
import { codedError } from '@easydo/device-drivers/device/coded-error';

export interface PdfPageInput {
  /** JPEG or PNG bytes; scaled onto the page, so a smaller upload rendition is fine. */
  image: Uint8Array;
  /** Pixel size of the space the line boxes are in (the OCR master), and its resolution. */
  widthPx: number;
  heightPx: number;
  dpi: number;
  lines: readonly OcrLine[];
}

export interface SearchablePdf {
  bytes: Uint8Array;
  sha256: string;
  pageCount: number;
}

export interface PdfFont {
  path: string;
  /** PostScript name, required for .ttc collections. */
  family?: string;
}

export interface SearchablePdfOptions {
  title?: string;
  /** Default: the app's OFL CJK subset in core/assets/fonts. */
  font?: PdfFont;
  /** For characters missing from `font` (the subset is GB2312): default the system Noto CJK if present. */
  fallbackFont?: PdfFont | null;
}

export class PdfFontMissingError extends codedError<'pdfFontMissing'>('PdfFontMissingError') {
  constructor(file: string) {
    super('pdfFontMissing', `PDF font not found: ${path.basename(file)}`);
  }
}

export const DEFAULT_PDF_FONT: PdfFont = { path: SHIPPED_CJK_FONT };
const SYSTEM_CJK: PdfFont = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };

/** pdfkit keeps the fontkit font on a private field; we only ask it whether a glyph exists. */
type GlyphProbe = { _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } };

function covers(doc: PDFKit.PDFDocument, text: string): boolean {
  const probe = (doc as unknown as GlyphProbe)._font?.font?.hasGlyphForCodePoint;
  if (!probe) return true;
  const font = (doc as unknown as GlyphProbe)._font!.font!;
  for (const ch of text) if (!/\s/u.test(ch) && !probe.call(font, ch.codePointAt(0)!)) return false;
  return true;
}

export async function buildSearchablePdf(pages: readonly PdfPageInput[], options: SearchablePdfOptions = {}): Promise<SearchablePdf> {
  if (pages.length === 0) throw new RangeError('a PDF needs at least one page');
  const font = options.font ?? DEFAULT_PDF_FONT;
  if (!existsSync(font.path)) throw new PdfFontMissingError(font.path);
  const fallback = options.fallbackFont === undefined ? (existsSync(SYSTEM_CJK.path) ? SYSTEM_CJK : null) : options.fallbackFont;

  const doc = new PDFDocument({ autoFirstPage: false, compress: true, info: { Title: options.title ?? 'Material', Producer: 'Easy-Do terminal' } });
  doc.registerFont('ocr', font.path, font.family);
  if (fallback) doc.registerFont('ocr-fallback', fallback.path, fallback.family);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  for (const page of pages) {
    const scale = 72 / page.dpi; // pixels → points
    const width = page.widthPx * scale;
    const height = page.heightPx * scale;
    doc.addPage({ size: [width, height], margin: 0 });
    doc.image(Buffer.from(page.image), 0, 0, { width, height });
    doc.save();
    // Invisible text: render mode 3 persists as text state across pdfkit's BT/ET pairs.
    doc.addContent('3 Tr');
    for (const line of page.lines) {
      const text = line.text.trim();
      if (!text || line.stamp) continue;
      const boxW = (line.bbox.x1 - line.bbox.x0) * scale;
      const boxH = (line.bbox.y1 - line.bbox.y0) * scale;
      if (boxW <= 0 || boxH <= 0) continue;
      doc.font('ocr');
      if (fallback && !covers(doc, text)) doc.font('ocr-fallback');
      const size = Math.max(1, boxH * 0.9);
      doc.fontSize(size);
      const natural = doc.widthOfString(text);
      const horizontalScaling = natural > 0 ? Math.max(10, Math.min(500, (boxW / natural) * 100)) : 100;
      // horizontalScaling (Tz) is supported by pdfkit 0.17 but missing from @types/pdfkit.
      const textOptions: PDFKit.Mixins.TextOptions & { horizontalScaling: number } = { lineBreak: false, horizontalScaling };
      doc.text(text, line.bbox.x0 * scale, line.bbox.y0 * scale, textOptions);
    }
    doc.restore();
  }
  doc.end();
  await done;
  const bytes = new Uint8Array(Buffer.concat(chunks));
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), pageCount: pages.length };
}
