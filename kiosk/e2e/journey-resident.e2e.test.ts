// The whole journey by touch alone for a resident ID card (res01): catalogue search by pinyin initials, guide,
// prefilled form + pinyin typing, e-certificates for materials, review, signature, submit, printed receipt,
// 好差评, thank-you and a wiped session. axe (normal + elder) and a screenshot on every screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { assertNothingOf, checkStep, sign, typeHanzi, typeLatin } from '../test/journey/e2e-steps';

describe('journey: resident ID card', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('applies for 婚姻登记记录证明 end to end', async () => {
    const p = h.page;
    await p.getByTestId('attract').waitFor();
    await checkStep(h, 'journey-res01-01-attract');

    await p.getByTestId('sim-place-res01').click();
    await p.getByTestId('catalogue').waitFor();
    expect(await p.getByTestId('card-id').textContent()).toBe('440304********2469');
    await expect.poll(() => p.getByTestId('result-count').textContent(), { timeout: 15_000 }).toBe('找到 43 个事项');
    await checkStep(h, 'journey-res01-02-catalogue');

    // Nothing found: a designed state says what to try and clears the search in one tap.
    await p.getByTestId('open-search-keyboard').click();
    await typeLatin(p, 'qqqq');
    await p.locator('[data-testid="catalogue-search"][value="qqqq"]').waitFor();
    await p.getByTestId('no-results').waitFor();
    expect(await p.getByTestId('no-results').getByRole('heading').textContent()).toBe('没有找到“qqqq”');
    await checkStep(h, 'journey-res01-02b-no-results');
    await p.getByTestId('clear-search').click();
    expect(await p.getByTestId('result-count').textContent()).toBe('找到 43 个事项');

    await p.getByTestId('open-search-keyboard').click();
    await typeLatin(p, 'hydj');
    await p.locator('[data-testid="catalogue-search"][value="hydj"]').waitFor();
    await p.getByTestId('item-QR00305001').waitFor();
    expect(Number(/\d+/.exec((await p.getByTestId('result-count').textContent()) ?? '')?.[0])).toBeLessThan(43);
    await checkStep(h, 'journey-res01-03-search');

    await p.getByTestId('item-QR00305001').click();
    await p.getByTestId('guide-materials').waitFor();
    expect(await p.getByTestId('guide-time-limit').textContent()).toContain('5');
    await checkStep(h, 'journey-res01-04-guide');

    await p.getByTestId('guide-apply').click();
    await p.getByTestId('form').waitFor();
    expect(await p.getByTestId('field-applicantIdNumber').textContent()).toBe('440304********2469');
    await p.getByTestId('prefilled-applicantName').waitFor();
    // Next with the reason still empty: the form says what is missing and stays.
    await p.getByTestId('form-next').click();
    await p.getByTestId('form-missing').waitFor();
    await p.getByTestId('field-reason').click();
    await typeHanzi(p, 'zheng', '证');
    await typeHanzi(p, 'ming', '明');
    await p.locator('[data-testid="field-reason"]', { hasText: '证明' }).waitFor();
    await checkStep(h, 'journey-res01-05-form');
    await p.getByTestId('form-next').click();

    await p.getByTestId('checklist').waitFor();
    await checkStep(h, 'journey-res01-06-materials');
    await p.getByTestId('use-cert-ID_CARD').click();
    await p.getByTestId('use-cert-HUKOU').click();
    await p.locator('[data-testid="materials-next"]:not([disabled])').waitFor();
    await checkStep(h, 'journey-res01-07-materials-complete');
    await p.getByTestId('materials-next').click();

    await p.getByTestId('review').waitFor();
    expect(await p.getByTestId('review-reason').textContent()).toBe('证明');
    await checkStep(h, 'journey-res01-08-review');
    await p.getByTestId('review-confirm').click();

    await p.getByTestId('signature').waitFor();
    await sign(p);
    await p.locator('[data-testid="signature-confirm"]:not([disabled])').waitFor();
    await checkStep(h, 'journey-res01-09-signature');
    await p.getByTestId('signature-confirm').click();

    await p.getByTestId('receipt-printed').waitFor();
    const number = (await p.getByTestId('acceptance-number').textContent()) ?? '';
    expect(number).toMatch(/QR00305001/);
    expect(await p.getByTestId('receipt-lines').textContent()).toContain(number);
    expect(h.terminal.receiptPrinter.virtual?.jobs.length).toBeGreaterThanOrEqual(1);
    await checkStep(h, 'journey-res01-10-receipt');
    await p.getByTestId('receipt-continue').click();

    await p.getByTestId('evaluation').waitFor();
    await checkStep(h, 'journey-res01-11-evaluation');
    await p.getByTestId('rate-overall-1').click();
    await p.getByTestId('rate-attitude-1').click();
    await p.getByTestId('evaluation-submit').click();

    await p.getByTestId('thanks').waitFor();
    await checkStep(h, 'journey-res01-12-thanks');
    await p.getByTestId('finish').click();
    await p.getByTestId('attract').waitFor();
    await p.waitForFunction(() => !document.querySelector('[data-testid="card-panel"]'));
    expect(h.terminal.sessions.current()).toBeNull();
    await assertNothingOf(p, ['440304********2469', number, '证明']);
  });
});
