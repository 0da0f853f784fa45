// npm run ocr -- FILE... [--json] [--raw]
// Prints each page's recognised text and time, fully offline. By default pages go through the
// image pipeline first (page crop for camera frames, deskew, levels); --raw feeds the file as is.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OcrPool } from './ocr-pool';
import { preparePage } from './image/pipeline';

interface CliResult {
  file: string;
  text: string;
  ms: number;
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const raw = argv.includes('--raw');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    console.error('usage: npm run ocr -- FILE... [--json] [--raw]');
    return 2;
  }
  const pool = new OcrPool({ size: Math.min(files.length, new OcrPool().size) });
  let failed = 0;
  try {
    const results = await Promise.all(
      files.map(async (file): Promise<CliResult | null> => {
        try {
          const t0 = performance.now();
          const bytes = new Uint8Array(await readFile(file));
          const image = raw ? bytes : (await preparePage(bytes, { source: 'file' })).master;
          const page = await pool.recognize(image);
          const result = { file, text: page.text, ms: Math.round(performance.now() - t0) };
          if (!json) console.log(`=== ${path.basename(file)} (${result.ms} ms, OCR ${page.ms} ms)\n${page.text}\n`);
          return result;
        } catch (err) {
          failed++;
          const code = (err as { code?: string }).code ?? 'error';
          console.error(`${file}: ${code}: ${(err as Error).message}`);
          return null;
        }
      }),
    );
    if (json) console.log(JSON.stringify(results.filter((r) => r !== null), null, 2));
  } finally {
    await pool.close();
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
