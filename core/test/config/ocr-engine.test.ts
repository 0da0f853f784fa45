// The terminal's OCR engine: PP-OCR unless the config names tesseract.js; nothing else is an engine.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@easydo/core/services/config/load';
import { productionConfigInput } from './fixtures';

describe('config ocr.engine', () => {
  it('is PP-OCR when the file says nothing, as in an empty ocr section', () => {
    expect(parseConfig(productionConfigInput()).ocr).toEqual({ engine: 'ppocr' });
    expect(parseConfig({ ...productionConfigInput(), ocr: {} }).ocr).toEqual({ engine: 'ppocr' });
  });

  it('keeps tesseract.js selectable and refuses an engine it does not have', () => {
    expect(parseConfig({ ...productionConfigInput(), ocr: { engine: 'tesseract' } }).ocr.engine).toBe('tesseract');
    expect(() => parseConfig({ ...productionConfigInput(), ocr: { engine: 'paddle' } })).toThrow(ConfigError);
  });
});
