// The design system's numbers measured on what a resident sees (core/src/ui/design/tokens.ts): every visible control
// at least minTarget square with a label of minControlText, every visible text at least minText, line height, no
// page scroll (and, on the main path in portrait, no scroll inside the screen either). The developer panel is left
// out (hidden while measuring: a terminal in production has none).
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { ELDER, STANDARD, type ModeNumbers } from '@easydo/core/ui/design/tokens';

export interface Measured {
  controls: number;
  smallControls: string[];
  smallLabels: string[];
  smallText: string[];
  lineHeight: number;
  pageScroll: { height: number; width: number; viewH: number; viewW: number };
  screenOverflow: number;
}

const HIDE_DEV = 'hide-dev-panel-for-measuring';

/** Hides (or shows again) the developer panel; says whether it was hidden before. */
export async function hideDevPanel(page: Page, hidden: boolean): Promise<boolean> {
  const before = await page.evaluate(({ id, hidden: h }) => {
    const old = document.getElementById(id);
    if (!h) {
      old?.remove();
      return old !== null;
    }
    if (old) return true;
    const style = document.createElement('style');
    style.id = id;
    style.textContent = '.sim-panel { display: none !important; }';
    document.head.append(style);
    return false;
  }, { id: HIDE_DEV, hidden });
  // Let layout settle (the kiosk grows into the panel's room).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return before;
}

export async function measure(page: Page, numbers: ModeNumbers): Promise<Measured> {
  return page.evaluate((n) => {
    const root = document.querySelector('[data-testid="kiosk"], [data-testid="display"]') ?? document.body;
    const app = document.querySelector('.app') ?? document.body;
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 2 && r.height > 2 && s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('.sim-panel, .sr-only');
    };
    const name = (el: Element) => el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 30);
    // Controls: buttons, fields; a checkbox counts by its label (the label is the target).
    const controls = [...app.querySelectorAll('button, input, select, textarea, [role="button"]')].filter(shown).map((el) => {
      const label = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? el.closest('label') : null;
      return { el, box: (label ?? el).getBoundingClientRect() };
    });
    const smallControls = controls.filter(({ box }) => box.width < n.minTarget - 0.5 || box.height < n.minTarget - 0.5).map(({ el, box }) => `${name(el)} ${Math.round(box.width)}x${Math.round(box.height)}`);
    const smallLabels = controls
      .filter(({ el }) => el.tagName === 'BUTTON' && parseFloat(getComputedStyle(el).fontSize) < n.minControlText - 0.1)
      .map(({ el }) => `${name(el)} ${getComputedStyle(el).fontSize}`);
    // Every visible text node, by the size of the element it sits in.
    const smallText: string[] = [];
    const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || !shown(parent) || parent.closest('script, style, .receipt-paper pre')) continue;
      const size = parseFloat(getComputedStyle(parent).fontSize);
      if (size < n.minText - 0.1) smallText.push(`${text.slice(0, 20)} ${size}px`);
    }
    const rs = getComputedStyle(root);
    const scroller = document.scrollingElement ?? document.documentElement;
    const screen = document.querySelector('.screen');
    return {
      controls: controls.length,
      smallControls,
      smallLabels,
      smallText,
      lineHeight: parseFloat(rs.lineHeight) / parseFloat(rs.fontSize),
      pageScroll: { height: scroller.scrollHeight, width: scroller.scrollWidth, viewH: window.innerHeight, viewW: window.innerWidth },
      screenOverflow: screen ? screen.scrollHeight - screen.clientHeight : 0,
    };
  }, numbers);
}

/** Asserts the numbers of one mode; `fits`: the screen itself must not scroll either (main path, portrait). */
export async function assertDesign(page: Page, name: string, elder: boolean, fits = false): Promise<void> {
  const n = elder ? ELDER : STANDARD;
  const mode = elder ? 'elder' : 'standard';
  const wasHidden = await hideDevPanel(page, true);
  try {
    const m = await measure(page, n);
    expect(m.controls, `${name}: no control measured`).toBeGreaterThan(0);
    expect(m.smallControls, `${name} ${mode}: controls under ${n.minTarget}px`).toEqual([]);
    expect(m.smallLabels, `${name} ${mode}: control labels under ${n.minControlText}px`).toEqual([]);
    expect(m.smallText, `${name} ${mode}: text under ${n.minText}px`).toEqual([]);
    expect(m.lineHeight, `${name} ${mode}: line height`).toBeGreaterThanOrEqual(n.minLineHeight);
    expect(m.pageScroll.height, `${name} ${mode}: page scrolls vertically`).toBeLessThanOrEqual(m.pageScroll.viewH);
    expect(m.pageScroll.width, `${name} ${mode}: page scrolls sideways`).toBeLessThanOrEqual(m.pageScroll.viewW);
    if (fits) expect(m.screenOverflow, `${name} ${mode}: the screen scrolls (${m.screenOverflow}px more)`).toBeLessThanOrEqual(1);
  } finally {
    if (!wasHidden) await hideDevPanel(page, false);
  }
}
