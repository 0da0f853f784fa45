// Resolves the offline OCR language data. tesseract.js takes ONE langPath folder for all languages,
// while the npm data packages ship each language in its own folder, so we copy the two small
// best_int (LSTM-only) files into one folder on first use. Never a CDN: without langPath tesseract.js
// would fetch from jsdelivr and hang offline.
import { createRequire } from 'node:module';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { codedError } from '@easydo/device-drivers/device/coded-error';

export const OCR_LANGUAGES = ['eng', 'chi_sim'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

const require = createRequire(import.meta.url);

export class TessdataMissingError extends codedError<'tessdataMissing'>('TessdataMissingError') {
  constructor(lang: string, cause?: unknown) {
    super('tessdataMissing', `OCR language data for ${lang} is not installed (@tesseract.js-data/${lang})`, { cause });
  }
}

/** The packaged best_int file for one language, e.g. node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz. */
export function packagedTraineddata(lang: OcrLanguage): string {
  try {
    const pkg = require.resolve(`@tesseract.js-data/${lang}/package.json`);
    return path.join(path.dirname(pkg), '4.0.0_best_int', `${lang}.traineddata.gz`);
  } catch (err) {
    throw new TessdataMissingError(lang, err);
  }
}

async function sameSize(a: string, b: string): Promise<boolean> {
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.size === sb.size;
  } catch {
    return false;
  }
}

/**
 * Returns a folder holding `<lang>.traineddata.gz` for every language, creating it under `dataDir`
 * (default: a folder in the OS temp dir) when needed. Idempotent and cheap after the first call.
 */
export async function ensureLangPath(dataDir?: string): Promise<string> {
  const dir = dataDir ?? path.join(os.tmpdir(), 'easydo-tessdata-4.0.0_best_int');
  await mkdir(dir, { recursive: true });
  for (const lang of OCR_LANGUAGES) {
    const src = packagedTraineddata(lang);
    const dst = path.join(dir, `${lang}.traineddata.gz`);
    if (await sameSize(src, dst)) continue;
    // Copy to a temporary name and rename so a concurrent reader never sees half a file.
    const tmp = `${dst}.${process.pid}.tmp`;
    await copyFile(src, tmp);
    const { rename } = await import('node:fs/promises');
    await rename(tmp, dst);
  }
  return dir;
}
