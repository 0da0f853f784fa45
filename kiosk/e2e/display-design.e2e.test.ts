// The counter's resident-facing display and its 好差评 pad on the design system (issue 17): the idle screen, a call,
// the pad and its poor-rating panel, in landscape 1920x1080 (a hall screen) and portrait 1080x1920, standard and
// elder mode: control and text sizes, no page scroll, axe (AA, 7:1 in elder mode), screenshots; no console error.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEWPORTS } from '@easydo/core/ui/design/tokens';
import { ARTIFACTS, startHarness, type Harness } from './harness';
import { checkStep } from '../test/journey/e2e-steps';

describe('design system: the counter resident display', () => {
  let h: Harness;
  let display: Page;
  const problems: string[] = [];
  beforeAll(async () => {
    h = await startHarness({ mode: 'counter' });
    display = await h.context.newPage();
    display.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    display.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    display.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    await display.goto(h.shell.displayUrl, { waitUntil: 'networkidle' });
    await display.getByTestId('display').waitFor();
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const orientation of ['landscape', 'portrait'] as const) {
    it(`${orientation}: idle, a call, the 好差评 pad and its poor-rating panel`, async () => {
      await display.setViewportSize(VIEWPORTS[orientation]);
      const step = { page: display, screenshot: (name: string) => display.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true }).then(() => undefined) };
      const shot = (n: string) => `design-display-${orientation}-${n}`;
      await checkStep(step, shot('01-idle'), { orientation: 'current' });

      const number = orientation === 'landscape' ? 'A101' : 'A102';
      h.terminal.hub.emit('queue:called', { number, windowNo: '3', categoryName: { zh: '民政业务', en: 'Civil affairs' }, priority: false, recall: false });
      await display.locator(`[data-testid="display-call"][data-number="${number}"]`).waitFor();
      await checkStep(step, shot('02-call'), { orientation: 'current' });

      const requestId = `design-${orientation}`;
      h.terminal.hub.emit('evaluation:requested', { requestId, acceptanceNumber: '440304QR0030500120261202000001', itemName: { zh: '婚姻登记记录证明', en: 'Marriage registration record' }, windowNo: '3' });
      await display.getByTestId('evaluation-pad').waitFor();
      await checkStep(step, shot('03-pad'), { orientation: 'current' });
      await display.getByTestId('level-不满意').click();
      await display.locator('.poor-rating').waitFor();
      await checkStep(step, shot('04-pad-poor'), { orientation: 'current' });
      h.terminal.hub.emit('evaluation:done', { requestId, level: null, acceptanceNumber: '440304QR0030500120261202000001' });
      await display.getByTestId('evaluation-pad').waitFor({ state: 'detached' });
    });
  }

  it('no console error, warning or failed request on the display', () => {
    expect(problems).toEqual([]);
  });
});
