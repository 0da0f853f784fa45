// Shared steps of the journey E2E tests (kiosk/e2e/journey-*.e2e.test.ts): screenshot + axe on every screen in
// normal and elder mode with the design system's numbers, touch-only typing on the on-screen keyboard, signing on the canvas.
import { expect } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { VIEWPORTS } from '@easydo/core/ui/design/tokens';
import { assertDesign, hideDevPanel } from './design-checks';

export interface StepHarness {
  page: Page;
  screenshot(name: string): Promise<void>;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** Elder mode keeps 7:1 (WCAG 1.4.6, axe's color-contrast-enhanced) on top of the AA rules. */
async function enhancedContrastViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).exclude('.sim-panel').analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/**
 * Screenshot, axe and the design system's numbers (design-checks.ts) in standard mode, then the same in elder mode
 * (plus 7:1 contrast), then back to standard. `fits`: the screen must not scroll either (the main path in portrait).
 * `orientation`: 'both' (default) measures the screen on the portrait and the landscape kiosk (VIEWPORTS), whatever
 * size the test drives it at, and gives the page its size back; 'current' measures it as it is (a test that sets
 * the orientation itself).
 */
export async function checkStep(h: StepHarness, name: string, options: { fits?: boolean; orientation?: 'both' | 'current' } = {}): Promise<void> {
  // Screenshots and numbers as a resident sees the screen: without the developer panel.
  await hideDevPanel(h.page, true);
  const size = h.page.viewportSize();
  try {
    if (options.orientation === 'current' || !size) return await checkBothModes(h, name, options);
    for (const orientation of ['portrait', 'landscape'] as const) {
      await h.page.setViewportSize(VIEWPORTS[orientation]);
      await settled(h.page);
      await checkBothModes(h, `${name}-${orientation}`, options);
    }
  } finally {
    if (size && options.orientation !== 'current') await h.page.setViewportSize(size);
    await hideDevPanel(h.page, false);
  }
}

/** Two animation frames: the layout of the new size has been computed and painted. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

async function checkBothModes(h: StepHarness, name: string, options: { fits?: boolean }): Promise<void> {
  await h.screenshot(name);
  expect(await seriousViolations(h.page), `${name} normal`).toEqual([]);
  await assertDesign(h.page, name, false, options.fits);
  await h.page.getByTestId('toggle-elder').click();
  await h.screenshot(`${name}-elder`);
  expect(await seriousViolations(h.page), `${name} elder`).toEqual([]);
  expect(await enhancedContrastViolations(h.page), `${name} elder 7:1`).toEqual([]);
  await assertDesign(h.page, name, true, options.fits);
  await h.page.getByTestId('toggle-elder').click();
}

/** Types latin letters/digits on the on-screen keyboard (switching to the latin layout first). */
export async function typeLatin(page: Page, text: string): Promise<void> {
  await page.getByTestId('kb-layout-latin').click();
  for (const ch of text) {
    if (ch === ' ') await page.getByTestId('kb-space').click();
    else if (/[A-Z]/.test(ch)) {
      await page.getByTestId('kb-shift').click();
      await page.getByTestId(`kb-key-${ch.toLowerCase()}`).click();
    } else await page.getByTestId(`kb-key-${ch}`).click();
  }
}

/** Types a character or a word by its pinyin and picks exactly it from the candidates. */
export async function typeHanzi(page: Page, letters: string, text: string): Promise<void> {
  await page.getByTestId('kb-layout-pinyin').click();
  for (const ch of letters) await page.getByTestId(`kb-key-${ch}`).click();
  await page.locator('.kb-cand').filter({ hasText: new RegExp(`^${text}$`) }).first().click();
}

export async function typeDigits(page: Page, digits: string, prefix = 'np'): Promise<void> {
  for (const d of digits) await page.getByTestId(`${prefix}-${d}`).click();
}

/** A short signature stroke across the canvas. */
export async function sign(page: Page): Promise<void> {
  // A resident scrolls the pad into sight first where the screen is taller than the display.
  await page.getByTestId('signature-canvas').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('signature-canvas').boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 40 + i * 30, box.y + box.height / 2 + (i % 2 ? -25 : 25));
  await page.mouse.up();
}

export interface Utterance {
  text: string;
  volume: number;
}

/**
 * Records what the kiosk says aloud, in the page (headless Chromium has no voices to hear); the returned
 * function reads what was said so far. A reload starts a new record.
 */
export async function recordSpeech(page: Page): Promise<() => Promise<Utterance[]>> {
  await page.evaluate(() => {
    const said: { text: string; volume: number }[] = [];
    (window as unknown as { __spoken: typeof said }).__spoken = said;
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void said.push({ text: u.text, volume: u.volume });
  });
  return () => page.evaluate(() => (window as unknown as { __spoken: { text: string; volume: number }[] }).__spoken);
}

/** Nothing of a resident may be visible or stored: not in the DOM, not in storage. */
export async function assertNothingOf(page: Page, secrets: string[]): Promise<void> {
  const html = await page.content();
  for (const s of secrets) expect(html.includes(s), `page still shows ${s}`).toBe(false);
  // about:blank (after the back button) has no storage to read: that is nothing reachable too.
  const storage = await page.evaluate(() => {
    try {
      return JSON.stringify({ s: { ...sessionStorage }, l: { ...localStorage } });
    } catch {
      return '';
    }
  });
  for (const s of secrets) expect(storage.includes(s), `storage still holds ${s}`).toBe(false);
}

/**
 * The short path for a resident card (婚姻登记记录证明, e-certificates for the materials) from the attract screen
 * to the receipt; types the phone on the keypad when the resource library could not prefill it (offline).
 */
export async function quickApply(page: Page, cardId = 'res01'): Promise<void> {
  await page.getByTestId('attract').waitFor();
  await page.getByTestId(`sim-place-${cardId}`).click();
  await page.getByTestId('catalogue').waitFor();
  await page.getByTestId('category-civil-affairs').click();
  await page.getByTestId('item-QR00305001').click();
  await page.getByTestId('guide-apply').click();
  await page.getByTestId('form').waitFor();
  if ((await page.getByTestId('prefilled-contactPhone').count()) === 0) {
    await page.getByTestId('field-contactPhone').click();
    await typeDigits(page, '13800138001');
  }
  await page.getByTestId('field-reason').click();
  await typeHanzi(page, 'zheng', '证');
  await page.locator('[data-testid="field-reason"]', { hasText: '证' }).waitFor();
  await page.getByTestId('form-next').click();
  await page.getByTestId('checklist').waitFor();
  for (const code of ['ID_CARD', 'HUKOU']) {
    const button = page.getByTestId(`use-cert-${code}`);
    if ((await button.count()) > 0) await button.click();
  }
}

export async function signAndSubmit(page: Page): Promise<void> {
  await page.getByTestId('review').waitFor();
  await page.getByTestId('review-confirm').click();
  await page.getByTestId('signature').waitFor();
  await sign(page);
  await page.locator('[data-testid="signature-confirm"]:not([disabled])').waitFor();
  await page.getByTestId('signature-confirm').click();
}

/**
 * A resident applies (quickApply), takes the receipt, skips the rating and leaves with the card: the
 * starting point of every "come back later" test. Returns what the receipt showed.
 */
export async function applyAndLeave(page: Page): Promise<{ number: string; password: string; maskedId: string }> {
  await quickApply(page);
  const maskedId = (await page.getByTestId('card-id').textContent())!;
  await page.locator('[data-testid="materials-next"]:not([disabled])').waitFor();
  await page.getByTestId('materials-next').click();
  await signAndSubmit(page);
  await page.getByTestId('receipt-printed').waitFor();
  const number = (await page.getByTestId('acceptance-number').textContent())!;
  const password = (await page.getByTestId('query-password').textContent())!;
  await page.getByTestId('receipt-continue').click();
  await page.getByTestId('evaluation-skip').click();
  await page.getByTestId('finish').click();
  await page.getByTestId('sim-remove').click();
  await page.locator('[data-testid="kiosk"][data-card-on-reader="false"]').waitFor();
  return { number, password, maskedId };
}
