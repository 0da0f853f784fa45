// A4 受理回执 PDF built, as a ratio to a plain pdfkit page with the same font and one line of text,
// both measured in this run. Run: npx tsx core/bench/receipts-a4.bench.ts
import PDFDocument from 'pdfkit';
import { buildAcceptanceReceiptPdf } from '../src/services/receipts/a4/notices';
import { SHIPPED_CJK_FONT } from '../src/services/assets/fonts';
import { buildAcceptanceReceiptBytes } from '../src/services/receipts/print-receipt';
import { PROFILES } from '@easydo/device-drivers/printer/profiles';
import { ACCEPTED, QUERY_LINK } from '../test/receipts/fixtures';

async function timeMs(fn: () => Promise<unknown>, iterations: number): Promise<number> {
  await fn();
  const t = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await fn();
  return Number(process.hrtime.bigint() - t) / 1e6 / iterations;
}

function plainPage(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  doc.registerFont('cjk', SHIPPED_CJK_FONT).font('cjk').text('受理回执');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.end();
  return done;
}

const reference = await timeMs(plainPage, 10);
const a4 = await timeMs(() => buildAcceptanceReceiptPdf(ACCEPTED, QUERY_LINK), 10);
const size = (await buildAcceptanceReceiptPdf(ACCEPTED, QUERY_LINK)).length;
console.log(JSON.stringify({ bench: 'receipts.a4ReceiptPdf', ms: +a4.toFixed(1), referenceMs: +reference.toFixed(1), reference: 'plain pdfkit page, same font', ratio: +(a4 / reference).toFixed(2), bytes: size }));
const thermal = await timeMs(async () => buildAcceptanceReceiptBytes(ACCEPTED, PROFILES['80mm'], { queryLink: QUERY_LINK }), 200);
console.log(JSON.stringify({ bench: 'receipts.thermalReceiptBytes', ms: +thermal.toFixed(3), referenceMs: +reference.toFixed(1), reference: 'plain pdfkit page', ratio: +(thermal / reference).toFixed(3) }));
