// npm run ocr -- FILE... [--json] [--raw] [--engine ppocr|tesseract] [--config terminal.json] [--material CODE]
// Prints each page's recognised text and time, fully offline; with --material (ID_CARD, HUKOU, BUSINESS_LICENCE,
// LEASE, MARRIAGE) also the key fields read off each page (values as read: run it on invented documents only). By default pages go through the
// image pipeline first (page crop for camera frames, deskew, levels); --raw feeds the file as is.
// The engine is --engine, else the config file's ocr.engine, else PP-OCR (the more accurate engine).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readConfigFile } from '../config/load';
import { OcrPool, defaultPoolSize, type OcrEngineName } from './ocr-pool';
import { preparePage } from './image/pipeline';
import { extractFields, type ExtractedField } from './fields/extract';
import { hasFixedFields } from './fields/material-report';

interface CliResult {
  file: string;
  engine: OcrEngineName;
  text: string;
  confidence: number;
  ms: number;
  fields?: ExtractedField[];
}

const USAGE = 'usage: npm run ocr -- FILE... [--json] [--raw] [--engine ppocr|tesseract] [--config FILE] [--material CODE]';

function valueOf(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

function chooseEngine(argv: string[]): OcrEngineName {
  const flag = valueOf(argv, '--engine');
  if (flag !== undefined) return z.enum(['ppocr', 'tesseract']).parse(flag);
  const configFile = valueOf(argv, '--config');
  return configFile ? readConfigFile(configFile).ocr.engine : 'ppocr';
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const raw = argv.includes('--raw');
  const material = valueOf(argv, '--material');
  if (material !== undefined && !hasFixedFields(material)) {
    console.error(`${USAGE}\n--material: one of ID_CARD, HUKOU, BUSINESS_LICENCE, LEASE, MARRIAGE`);
    return 2;
  }
  const valued = new Set(['--engine', '--config', '--material'].flatMap((f) => (argv.includes(f) ? [argv.indexOf(f) + 1] : [])));
  const files = argv.filter((a, i) => !a.startsWith('--') && !valued.has(i));
  let engine: OcrEngineName;
  try {
    engine = chooseEngine(argv);
  } catch (err) {
    console.error(`${USAGE}\n${(err as Error).message}`);
    return 2;
  }
  if (files.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const pool = new OcrPool({ engine, size: Math.min(files.length, defaultPoolSize()) });
  let failed = 0;
  try {
    const results = await Promise.all(
      files.map(async (file): Promise<CliResult | null> => {
        try {
          const t0 = performance.now();
          const bytes = new Uint8Array(await readFile(file));
          const prepared = raw ? null : await preparePage(bytes, { source: 'file' });
          // The colour copy goes with the grey master so a seal's text is marked and left out, as in the flows.
          const page = await pool.recognize(prepared?.master ?? bytes, { colour: prepared?.colour ?? null });
          const result: CliResult = { file, engine, text: page.text, confidence: page.confidence, ms: Math.round(performance.now() - t0) };
          if (material) result.fields = extractFields(material, page.lines);
          if (!json) {
            console.log(`=== ${path.basename(file)} (${engine}, ${result.ms} ms, OCR ${page.ms} ms)\n${page.text}\n`);
            for (const f of result.fields ?? []) console.log(`${f.key}: ${f.value}${f.valid === false ? ' (fails its check rule)' : ''} [${f.confidence}]`);
          }
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
