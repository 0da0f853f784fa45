// Shared A4 page furniture for receipts and notices (pdfkit): a title block, label/value rows, paragraphs
// and a signature block. Each document file only says what it contains.
import PDFDocument from 'pdfkit';
import { SHIPPED_CJK_FONT } from '../../assets/fonts';

export type A4Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 56; // ~2 cm
const LABEL_WIDTH = 110;

export interface A4Meta {
  title: string;
  /** PDF metadata subject; never personal data. */
  subject?: string;
}

/** Create the document, write it with `draw`, and resolve to the PDF bytes. */
export function renderA4(meta: A4Meta, draw: (doc: A4Doc) => void, fontPath: string = SHIPPED_CJK_FONT): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: meta.title, Subject: meta.subject ?? meta.title, Creator: 'Easy-Do terminal', Producer: 'Easy-Do terminal' },
    compress: true,
    autoFirstPage: true,
  });
  doc.registerFont('cjk', fontPath);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

export function heading(doc: A4Doc, organisation: string, title: string, docNumber?: string): void {
  doc.fontSize(12).fillColor('#333').text(organisation, { align: 'center' });
  doc.moveDown(0.4);
  doc.fontSize(22).fillColor('#000').text(title, { align: 'center', characterSpacing: 4 });
  if (docNumber) doc.moveDown(0.3).fontSize(11).text(docNumber, { align: 'center' });
  doc.moveDown(1);
}

/** Label/value rows; values wrap inside their column (pdfkit breaks CJK lines; long digit strings do not break). */
export function fieldRows(doc: A4Doc, rows: [string, string][]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.fontSize(12);
  for (const [label, value] of rows) {
    const y = doc.y;
    const valueHeight = doc.heightOfString(value || ' ', { width: width - LABEL_WIDTH });
    if (y + valueHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    doc.fillColor('#444').text(label, left, top, { width: LABEL_WIDTH - 10 });
    doc.fillColor('#000').text(value || '—', left + LABEL_WIDTH, top, { width: width - LABEL_WIDTH });
    doc.x = left;
    doc.moveDown(0.5);
  }
  doc.moveDown(0.5);
}

export function paragraph(doc: A4Doc, text: string, opts: { bold?: boolean; size?: number } = {}): void {
  doc.x = doc.page.margins.left;
  doc.fontSize(opts.size ?? 12).fillColor('#000').text(text, { lineGap: 4, indent: 0 });
  doc.moveDown(0.6);
}

export function list(doc: A4Doc, items: string[]): void {
  items.forEach((item, i) => paragraph(doc, `${i + 1}. ${item}`));
}

/** Issuing organisation and date, right-aligned, with a place for the official seal. */
export function signature(doc: A4Doc, organisation: string, date: string): void {
  doc.moveDown(2);
  doc.x = doc.page.margins.left;
  doc.fontSize(12).text(organisation, { align: 'right' });
  doc.text(date, { align: 'right' });
  doc.fillColor('#888').fontSize(10).text('（盖章）', { align: 'right' });
  doc.fillColor('#000');
}
