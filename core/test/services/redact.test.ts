import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { redact, scrubText } from '@easydo/core/services/logging/redact';
import { createLogger } from '@easydo/core/services/logging/logger';
import { maskIdNumber, maskName } from '@easydo/core/services/privacy/masking';

describe('redaction at the logger', () => {
  it('scrubs ID-shaped numbers from free text', () => {
    expect(scrubText('card 440304199604122469 read')).toBe('card [redacted] read');
    expect(scrubText('x 44030719910726051X y')).toBe('x [redacted] y');
    expect(scrubText('NLD447906230224')).toBe('[redacted]');
    expect(scrubText('queue 12 ok')).toBe('queue 12 ok');
  });

  it('scrubs IDs next to letters and underscores, spaced and full-width IDs, 15-digit IDs and +86 phones', () => {
    expect(scrubText('id_440304199604122469_ok')).toBe('id_[redacted]_ok');
    expect(scrubText('ID440304199604122469x')).toBe('ID[redacted]x');
    expect(scrubText('４４０３０４１９９６０４１２２４６９')).toBe('[redacted]');
    expect(scrubText('440304 1990 0101 123X')).toBe('[redacted]');
    expect(scrubText('old card 440304900101123.')).toBe('old card [redacted].');
    expect(scrubText('call +8613800138001, 86-13800138001 or 138 0013 8001')).toBe('call [redacted], [redacted] or [redacted]');
  });

  it('drops keys that name personal data or secrets, whatever their spelling', () => {
    const out = redact({ applicantName: '卓岚', holderName: '卓岚', residenceAddress: '枫溪路27号', clerkToken: 't0k', authorization: 'Bearer x', itemCode: 'QR00204001' });
    expect(out).toEqual({ applicantName: '[redacted]', holderName: '[redacted]', residenceAddress: '[redacted]', clerkToken: '[redacted]', authorization: '[redacted]', itemCode: 'QR00204001' });
  });

  it('drops personal keys at any depth', () => {
    const out = redact({ card: { name: '卓岚', idNumber: '440304199604122469', cardType: 'resident' }, n: 3 });
    expect(out).toEqual({ card: { name: '[redacted]', idNumber: '[redacted]', cardType: 'resident' }, n: 3 });
  });

  it('a real pino logger writes no name or ID number whatever it is given', async () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        chunks.push(String(chunk));
        cb();
      },
    });
    const log = createLogger({ destination: sink, level: 'info' });
    log.info({ applicant: { name: '卓岚' }, name: '卓岚', idNumber: '440304199604122469' }, 'read 440304199604122469');
    log.error(new Error('bad card 440304199604122469'));
    await new Promise((r) => setTimeout(r, 20));
    const text = chunks.join('');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('440304199604122469');
    expect(text).not.toContain('卓岚');
  });
});

describe('masking', () => {
  it('masks ID numbers and names for screens and receipts', () => {
    expect(maskIdNumber('440304199604122469')).toBe('440304********2469');
    expect(maskIdNumber('NLD447906230224')).toBe('NLD447*****0224');
    expect(maskName('卓岚')).toBe('卓*');
    expect(maskName('阿依古丽·努尔兰')).toBe('阿***·***');
  });
});

describe('session terms', () => {
  it('scrubs the open session’s own name from free text, still just after the wipe, and forgets it after the grace period', async () => {
    const { addSensitiveTerms, sessionTerms, DEFAULT_GRACE_MS } = await import('@easydo/core/services/logging/session-terms');
    let now = 5_000_000;
    sessionTerms.configure({ now: () => now });
    const forget = addSensitiveTerms(['卓岚', 'JOHANNA VAN DER MEULEN', null, 'x']);
    expect(scrubText('greeting 卓岚 at the counter')).toBe('greeting [redacted] at the counter');
    expect(scrubText('JOHANNA VAN DER MEULEN placed a card')).toBe('[redacted] placed a card');
    expect(scrubText('x marks')).toBe('x marks'); // one-character terms are not registered
    forget();
    now += 2_000; // a late print error written two seconds after the wipe
    expect(scrubText('print failed for 卓岚')).toBe('print failed for [redacted]');
    now += DEFAULT_GRACE_MS;
    expect(scrubText('greeting 卓岚')).toBe('greeting 卓岚');
    sessionTerms.configure({ now: Date.now });
  });
});
