// The design system on the main path (issue 17), portrait 1080x1920 and landscape 1920x1080, standard and elder mode:
// every screen's visible controls and text measured against core/src/ui/design/tokens.ts (checkStep ->
// design-checks.ts), axe (AA, and 7:1 in elder mode), a screenshot of each in test-artifacts/e2e; in portrait no
// screen of the main path scrolls at all; no console error and no failed request from the first screen on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORTS } from '@easydo/core/ui/design/tokens';
import { startHarness, type Harness } from './harness';
import type { Page } from 'playwright-core';
import { checkStep, sign, typeHanzi, typeLatin } from '../test/journey/e2e-steps';

/** The first element matching the selector lies wholly inside the window as it is now (no scrolling). */
async function inView(p: Page, selector: string): Promise<boolean> {
  return p.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth && r.height > 0;
  });
}

describe('design system: the main path in both orientations and both modes', () => {
  let h: Harness;
  const problems: string[] = [];
  beforeAll(async () => {
    // A cabinet unlike the default one: the screens must point where its parts are.
    h = await startHarness({ config: { hardwareLayout: { cardReader: 'left', receiptSlot: 'right', scanner: 'right', qrImager: 'left' } } });
    const p = h.page;
    p.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    p.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    // The first screen again, this time with the listeners on from its first request.
    await p.reload({ waitUntil: 'networkidle' });
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const orientation of ['portrait', 'landscape'] as const) {
    it(`${orientation}: attract to thanks`, async () => {
      const p = h.page;
      const fits = orientation === 'portrait';
      const shot = (n: string) => `design-${orientation}-${n}`;
      await p.setViewportSize(VIEWPORTS[orientation]);
      await p.getByTestId('attract').waitFor();
      expect(await p.getByTestId('place-card-art').isVisible()).toBe(true);
      // Where the reader is on this cabinet, drawn and said.
      expect(await p.getByTestId('terminal-front').getAttribute('data-place')).toBe('left');
      expect(await p.getByTestId('reader-at').textContent()).toBe('读卡区在屏幕下方左侧');
      await checkStep(h, shot('01-attract'), { fits, orientation: 'current' });

      await p.getByTestId('sim-place-res01').click();
      await p.getByTestId('catalogue').waitFor();
      // 第 1 步，共 9 步 in words, the segments for the eye.
      expect(await p.getByTestId('stepbar').textContent()).toMatch(/^第 1 步，共 \d+ 步/);
      expect(await p.locator('.item-tiles .item').count()).toBeGreaterThan(0);
      await checkStep(h, shot('02-catalogue'), { fits, orientation: 'current' });
      // Paged, never scrolled: the next page shows other tiles.
      const first = await p.locator('.item-tiles .item').first().getAttribute('data-testid');
      await p.getByTestId('page-next').click();
      await p.getByTestId('page-where').filter({ hasText: '第 2 页' }).waitFor();
      expect(await p.locator('.item-tiles .item').first().getAttribute('data-testid')).not.toBe(first);
      // Searching: the keyboard and the results it finds are both in view, side by side in landscape.
      await p.getByTestId('open-search-keyboard').click();
      await typeLatin(p, 'hy');
      await p.locator('[data-testid="catalogue-search"][value="hy"]').waitFor();
      await p.getByTestId('item-QR00305001').waitFor();
      for (const mode of ['standard', 'elder'] as const) {
        if (mode === 'elder') await p.getByTestId('toggle-elder').click();
        for (const part of ['.item-tiles .item', '[data-testid="kb-done"]', '[data-testid="kb-key-q"]']) {
          expect(await inView(p, part), `${orientation} ${mode}: ${part} in view while searching`).toBe(true);
        }
        if (mode === 'elder') await p.getByTestId('toggle-elder').click();
      }
      await checkStep(h, shot('02b-search'), { fits, orientation: 'current' });
      await p.getByTestId('kb-clear').click();
      await p.getByTestId('kb-done').click();
      await p.getByTestId('category-civil-affairs').click();
      const tile = p.getByTestId('item-QR00305001');
      expect(await tile.textContent()).toContain('承诺 5 个工作日');
      expect(await tile.locator('svg').count()).toBeGreaterThan(0);
      await checkStep(h, shot('03-category'), { fits, orientation: 'current' });
      await tile.click();

      await p.getByTestId('guide-materials').waitFor();
      await checkStep(h, shot('04-guide'), { fits, orientation: 'current' });
      await p.getByTestId('guide-apply').click();

      await p.getByTestId('form').waitFor();
      await p.getByTestId('field-reason').click();
      await typeHanzi(p, 'zheng', '证');
      await p.locator('[data-testid="field-reason"]', { hasText: '证' }).waitFor();
      await checkStep(h, shot('05-form'), { fits, orientation: 'current' });
      await p.getByTestId('form-next').click();

      await p.getByTestId('checklist').waitFor();
      // The scanner of this cabinet, drawn where it is and said beside its button and in the ways to bring a page.
      expect(await p.getByTestId('scanner-art').getAttribute('data-place')).toBe('right');
      expect(await p.getByTestId('scanner-at').textContent()).toBe('扫描仪在屏幕下方右侧。');
      expect(await p.getByTestId('materials-missing').textContent()).toContain('扫描仪在屏幕下方右侧。');
      await checkStep(h, shot('06a-materials-missing'), { fits, orientation: 'current' });
      await p.getByTestId('use-cert-ID_CARD').click();
      await p.getByTestId('use-cert-HUKOU').click();
      await p.locator('[data-testid="materials-next"]:not([disabled])').waitFor();
      await checkStep(h, shot('06-materials'), { fits, orientation: 'current' });
      await p.getByTestId('materials-next').click();

      await p.getByTestId('review').waitFor();
      await checkStep(h, shot('07-review'), { fits, orientation: 'current' });
      await p.getByTestId('review-confirm').click();

      await p.getByTestId('signature').waitFor();
      await sign(p);
      await p.locator('[data-testid="signature-confirm"]:not([disabled])').waitFor();
      await checkStep(h, shot('08-signature'), { fits, orientation: 'current' });
      await p.getByTestId('signature-confirm').click();

      await p.getByTestId('receipt-printed').waitFor();
      expect(await p.locator('[data-testid="terminal-front"][data-part="receiptSlot"]').getAttribute('data-place')).toBe('right');
      expect(await p.getByTestId('receipt-printed').textContent()).toContain('回执从屏幕下方右侧的出口出来。');
      await checkStep(h, shot('09-receipt'), { fits, orientation: 'current' });
      await p.getByTestId('receipt-continue').click();

      await p.getByTestId('evaluation').waitFor();
      await checkStep(h, shot('10-evaluation'), { fits, orientation: 'current' });
      await p.getByTestId('rate-overall-1').click();
      await p.getByTestId('evaluation-submit').click();

      await p.getByTestId('thanks').waitFor();
      await checkStep(h, shot('11-thanks'), { fits, orientation: 'current' });
      await p.getByTestId('finish').click();
      await p.getByTestId('sim-remove').click();
      await p.getByTestId('attract').waitFor();
      // The reader has seen the card go before the next run places it again.
      await p.locator('[data-testid="kiosk"][data-card-on-reader="false"]').waitFor();
    });
  }

  it('the frame keeps 结束办理 and 语音 in one place, and the 语音 panel holds reading and volume', async () => {
    const p = h.page;
    await p.setViewportSize(VIEWPORTS.portrait);
    await p.getByTestId('sim-place-res01').click();
    await p.getByTestId('catalogue').waitFor();
    const bar = (await p.getByTestId('frame-bar').boundingBox())!;
    const end = (await p.getByTestId('cancel').boundingBox())!;
    expect(end.y).toBeGreaterThanOrEqual(bar.y);
    await p.getByTestId('category-civil-affairs').click();
    await p.getByTestId('item-QR00305001').click();
    await p.getByTestId('guide-materials').waitFor();
    expect(await p.getByTestId('cancel').boundingBox()).toEqual(end);
    // 返回 bottom left, the primary action bottom right of the screen, above the bar.
    const back = (await p.getByTestId('back').boundingBox())!;
    const apply = (await p.getByTestId('guide-apply').boundingBox())!;
    expect(back.x).toBeLessThan(apply.x);
    expect(apply.y + apply.height).toBeLessThanOrEqual(bar.y + 1);
    expect(apply.y).toBeGreaterThan(VIEWPORTS.portrait.height * 0.6);
    expect(await p.getByTestId('read-aloud').count()).toBe(0);
    await p.getByTestId('voice').click();
    await p.getByTestId('voice-panel').waitFor();
    expect(await p.getByTestId('volume-control').isVisible()).toBe(true);
    await p.getByTestId('cancel').click();
    await p.getByTestId('attract').waitFor();
  });

  it('no console error, warning or failed request on any of it', () => {
    expect(problems).toEqual([]);
  });
});
