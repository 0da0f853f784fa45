// At the kiosk beside the application itself: a guest reprints (补打) a receipt after a progress query by
// number + password, a paper-out reprint after a receipt-QR query says why, and a resident takes a queue
// number on the attract screen that a counter window then sees waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueView } from '@easydo/core/contract/schemas/counter-queue';
import { startHarness, type Harness } from './harness';
import { applyAndLeave, assertNothingOf, checkStep, typeDigits, typeLatin } from '../test/journey/e2e-steps';
import { progressLinkBuilder } from '@easydo/core/services/receipts/query-link';

describe('journey: reprint and take a number', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a guest reprints the receipt after querying by number + password; paper out after a QR query is explained', async () => {
    const p = h.page;
    const printer = h.terminal.receiptPrinter.virtual!;
    const { number, password, maskedId } = await applyAndLeave(p);
    expect(maskedId).toContain('*');

    await p.getByTestId('query').click();
    await p.getByTestId('query-screen').waitFor();
    await typeLatin(p, number);
    await p.getByTestId('kb-done').click();
    await typeDigits(p, password, 'pw');
    await p.locator(`[data-testid="query-number"][value="${number}"]`).waitFor();
    await p.getByTestId('query-submit').click();
    await p.getByTestId('query-result').waitFor();
    await checkStep(h, 'journey-reprint-01-result');

    const before = printer.jobs.length;
    await p.getByTestId('reprint').click();
    await p.getByTestId('reprint-printed').waitFor();
    const job = (await printer.waitForJobs(before + 1))[before]!;
    const text = job.lines.join('\n');
    expect(text).toContain('补打');
    expect(text).toContain(number);
    expect(text).toContain(maskedId);
    await p.getByTestId('receipt-png').waitFor();
    expect(await p.getByTestId('receipt-lines').textContent()).toContain(maskedId);
    await checkStep(h, 'journey-reprint-02-reprinted');
    await p.getByTestId('reprint-done').click();
    await p.getByTestId('query-result').waitFor();

    // The slip's own QR (its progress-page link, no password in it) through a keyboard-wedge scanner: 补打 is
    // offered again; printed once more, then a reprint with the paper out.
    // What the slip's QR holds (the thermal text may break a long link across lines, so it is built as the slip does).
    const link = progressLinkBuilder(h.terminal.config())(number);
    expect(link).toMatch(/^https:\/\/[^/]+\/progress\//);
    await p.getByTestId('back').click();
    await p.getByTestId('query-qr').focus();
    await p.keyboard.type(link);
    await p.keyboard.press('Enter');
    await p.getByTestId('query-result').waitFor();
    await p.getByTestId('reprint').click();
    await p.getByTestId('reprint-printed').waitFor();
    expect((await printer.waitForJobs(before + 2))[before + 1]!.lines.join('\n')).toContain(number);
    await p.getByTestId('reprint-done').click();
    await p.getByTestId('query-result').waitFor();
    printer.setState('out');
    try {
      await p.getByTestId('reprint').click();
      await p.locator('[data-testid="reprint-failed"][data-reason="paperOut"]').waitFor();
      expect(printer.jobs.length).toBe(before + 2);
      await checkStep(h, 'journey-reprint-03-paper-out');
    } finally {
      printer.setState('ok');
    }
    await p.getByTestId('back').click();
    await p.getByTestId('back').click();
    await p.getByTestId('attract').waitFor();
    await assertNothingOf(p, [number, maskedId]);
    await p.getByTestId('out-of-service').waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('takes a queue number at the kiosk, and a counter window sees it waiting', async () => {
    const p = h.page;
    await p.getByTestId('attract').waitFor();
    await p.getByTestId('take-ticket-open').click();
    const first = p.locator('.take-ticket-categories button').first();
    await first.waitFor();
    await checkStep(h, 'journey-ticket-01-categories');
    await first.click();
    const result = p.getByTestId('take-ticket-result');
    await result.waitFor();
    const number = (await result.locator('strong').textContent())!;
    expect(number).toMatch(/\d{3}$/);
    await checkStep(h, 'journey-ticket-02-taken');

    const counter = h.terminal.modes.register('e2e-counter-window', 'counter');
    const login = await h.app.router.invoke(counter, 'counter:login', { staffId: 'C1001', password: 'counter-1001' });
    expect(login.ok).toBe(true);
    const view = await h.app.router.invoke(counter, 'queue:view', {});
    expect(view.ok).toBe(true);
    expect((view as { ok: true; value: QueueView }).value.waiting.map((t) => t.number)).toContain(number);
    h.terminal.modes.unregister(counter.windowId);
  });
});
