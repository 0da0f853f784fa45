// The CJK font shipped with the app (Noto Sans CJK SC subset to GB2312, SIL OFL; see core/assets/fonts/make-subset.py),
// for the receipt raster, A4 documents and searchable PDFs. Shipping it means output looks the same on every terminal
// and the PDFs embed only the glyphs used (pdfkit subsets), so they stay small.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHIPPED_CJK_FONT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts/EasyDoSansSC-Regular.otf');
