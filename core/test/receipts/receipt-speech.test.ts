// 朗读本页 on a receipt the printer could not print (paper out, cover open, a fault): it never tells the
// resident to take a slip that is not there; it says the application is in, that the receipt is on the screen,
// and what to do instead (photo, 重新打印 once the printer is back, the hand-over code, 补打 later).
import { describe, expect, it } from 'vitest';
import { receiptSpeech } from '../../src/services/receipts/receipt-speech';
import { ACCEPTED, OFFLINE } from './fixtures';

describe('receipt speech when the slip did not print', () => {
  it('printed: says to take the receipt (the case the unprinted text replaces)', () => {
    expect(receiptSpeech(ACCEPTED, 'zh')).toContain('请取走回执');
    expect(receiptSpeech(ACCEPTED, 'en')).toContain('Please take the receipt');
  });

  for (const fault of ['paperOut', 'coverOpen', 'printerFault'] as const) {
    it(`zh, ${fault}: no 请取走回执, no 正在打印; says the screen, 重新打印, the hand-over code and 补打`, () => {
      const said = receiptSpeech(ACCEPTED, 'zh', { printFault: fault });
      expect(said).not.toContain('取走回执');
      expect(said).not.toContain('正在打印');
      expect(said).not.toContain('印在回执上');
      expect(said).toContain('回执没有打印出来');
      expect(said).toContain('显示在屏幕上');
      expect(said).toContain('重新打印');
      expect(said).toContain('取件码');
      expect(said).toContain('补打');
      expect(said).toContain('不会丢失');
      // Still nothing the hall must not hear.
      expect(said).not.toContain('836412');
      expect(said).not.toContain('FT2025010200123');
      expect(said).toContain('0 1 2 3');
    });

    it(`en, ${fault}: no "take the receipt"; says the screen, Print again and the counter code`, () => {
      const said = receiptSpeech(ACCEPTED, 'en', { printFault: fault });
      expect(said).not.toMatch(/take the receipt/i);
      expect(said).not.toContain('is printing');
      expect(said).toContain('was not printed');
      expect(said).toContain('shown on the screen');
      expect(said).toContain('Print again');
      expect(said).toContain('give the code shown on the screen');
      expect(said).not.toContain('836412');
    });
  }

  it('names the reason in words, never the device code', () => {
    expect(receiptSpeech(ACCEPTED, 'zh', { printFault: 'paperOut' })).toContain('打印机缺纸');
    expect(receiptSpeech(ACCEPTED, 'en', { printFault: 'coverOpen' })).toContain('the printer cover is open');
    const other = receiptSpeech(ACCEPTED, 'en', { printFault: 'printerFault' });
    expect(other).toContain('the printer cannot print right now');
    expect(other).not.toContain('printerFault');
  });

  it('an offline slip that did not print: no take-away, no 补打 with a password it does not have', () => {
    const said = receiptSpeech(OFFLINE, 'zh', { printFault: 'paperOut' });
    expect(said).not.toContain('取走回执');
    expect(said).toContain('本地跟踪码显示在屏幕上');
    expect(said).toContain('取件码');
    expect(said).not.toContain('查询密码');
  });

  it('a 补打 that is printed still says so and to take it', () => {
    const said = receiptSpeech(ACCEPTED, 'zh', { reprint: true });
    expect(said.startsWith('这是补打的回执。')).toBe(true);
    expect(said).toContain('请取走回执');
  });
});
