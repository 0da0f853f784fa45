// The journey for the other card types: an HK/Macao/Taiwan residence permit (hmt01) handing in the ID page
// through the SANE test scanner, and a foreigner permanent residence card (frn23a) in English with the
// document camera (Chromium's fake camera playing a page) plus an e-certificate. axe + screenshots throughout.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, startHarness, type Harness } from './harness';
import { makeY4m } from '@easydo/core/services/materials/make-fake-camera-video';
import { assertNothingOf, checkStep, sign, typeHanzi, typeLatin } from '../test/journey/e2e-steps';

describe('journey: permit and foreigner cards', () => {
  let h: Harness;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const video = path.join(ARTIFACTS, 'journey-fake-camera.y4m');
    writeFileSync(video, await makeY4m(path.resolve(__dirname, '../../fixtures/materials/residence-certificate.camera.jpg'), { frames: 10, width: 1280 }));
    h = await startHarness({ chromiumArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`] });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function submitAndRate(prefix: string): Promise<string> {
    const p = h.page;
    await p.getByTestId('review').waitFor();
    await checkStep(h, `${prefix}-review`);
    await p.getByTestId('review-confirm').click();
    await p.getByTestId('signature').waitFor();
    await sign(p);
    await p.locator('[data-testid="signature-confirm"]:not([disabled])').waitFor();
    await checkStep(h, `${prefix}-signature`);
    await p.getByTestId('signature-confirm').click();
    await p.getByTestId('receipt-printed').waitFor();
    const number = (await p.getByTestId('acceptance-number').textContent()) ?? '';
    expect(number.length).toBeGreaterThan(10);
    await checkStep(h, `${prefix}-receipt`);
    await p.getByTestId('receipt-continue').click();
    await p.getByTestId('evaluation').waitFor();
    await p.getByTestId('evaluation-skip').click(); // voluntary
    await p.getByTestId('thanks').waitFor();
    await p.getByTestId('finish').click();
    await p.getByTestId('attract').waitFor();
    return number;
  }

  it('HK/Macao/Taiwan permit: 法律咨询预约 with a choice, pinyin, and the ID page from the scanner', async () => {
    const p = h.page;
    await p.getByTestId('attract').waitFor();
    await p.getByTestId('sim-place-hmt01').click();
    await p.getByTestId('catalogue').waitFor();
    await p.getByTestId('category-legal-aid').click();
    await p.getByTestId('item-GF00501002').click();
    await p.getByTestId('guide-apply').click();
    await p.getByTestId('form').waitFor();
    await p.getByTestId('field-caseType').click();
    await p.getByTestId('option-caseType-labour').click();
    await p.getByTestId('field-reason').click();
    await typeHanzi(p, 'wenti', '问题'); // a whole word from the candidate bar
    await p.locator('[data-testid="field-reason"]', { hasText: '问题' }).waitFor();
    await checkStep(h, 'journey-hmt01-01-form');
    await p.getByTestId('form-next').click();

    await p.getByTestId('checklist').waitFor();
    await p.getByTestId('scan').click();
    await p.getByTestId('page-0').waitFor({ timeout: 60_000 });
    // A permit holder is asked for their 港澳台居民居住证, not for a 居民身份证 they do not have.
    expect(await p.getByTestId('material-ID_CARD').count()).toBe(0);
    await p.getByTestId('assign-0-HMT_PERMIT').click();
    await p.locator('[data-testid="material-HMT_PERMIT"][data-missing="false"]').waitFor();
    await checkStep(h, 'journey-hmt01-02-materials');
    await p.getByTestId('materials-next').click();
    const printer = h.terminal.receiptPrinter.virtual!;
    const jobsBefore = printer.jobs.length;
    await submitAndRate('journey-hmt01-03');
    const slip = (await printer.waitForJobs(jobsBefore + 1))[jobsBefore]!.lines.join('\n');
    expect(slip).toContain('港澳台居民居住证');
    expect(slip).not.toContain('居民身份证 ');
    expect(h.terminal.backend.sandbox?.stats().applications).toBe(1);
  });

  it('foreigner card in English: 房屋租赁备案注销 with the document camera and an e-certificate', async () => {
    const p = h.page;
    await p.getByTestId('toggle-language').click();
    await p.getByTestId('sim-remove').click(); // the previous resident takes their card
    await p.locator('[data-testid="kiosk"][data-card-on-reader="false"]').waitFor();
    await p.getByTestId('sim-place-frn23a').click();
    await p.getByTestId('catalogue').waitFor();
    await p.getByRole('heading', { name: 'Choose the service you need' }).waitFor();
    await p.getByTestId('category-housing-rental').click();
    await p.getByTestId('item-XK00401003').click();
    await p.getByTestId('guide-apply').click();
    await p.getByTestId('form').waitFor();
    await p.getByTestId('prefilled-rentalContractNumber').waitFor();
    await p.getByTestId('field-reason').click();
    await typeLatin(p, 'Moving out');
    await p.locator('[data-testid="field-reason"]', { hasText: 'Moving out' }).waitFor();
    await checkStep(h, 'journey-frn23a-01-form-en');
    await p.getByTestId('form-next').click();

    await p.getByTestId('checklist').waitFor();
    await p.getByTestId('use-cert-LEASE_RECORD').click();
    await p.getByTestId('camera-start').click();
    await p.getByTestId('camera-capture').click();
    await p.getByTestId('page-0').waitFor({ timeout: 60_000 });
    await checkStep(h, 'journey-frn23a-02-materials-en');
    expect(await p.getByTestId('material-ID_CARD').count()).toBe(0);
    await p.getByTestId('assign-0-FOREIGN_PR_CARD').click();
    await p.locator('[data-testid="materials-next"]:not([disabled])').waitFor();
    // The name the resident knows: the masked Latin name of the card, not the Chinese transliteration.
    expect(await p.getByTestId('card-name').textContent()).toBe('R******** F******** D* L* T****, S**** I******');
    await p.getByTestId('materials-next').click();
    const printer = h.terminal.receiptPrinter.virtual!;
    const jobsBefore = printer.jobs.length;
    const number = await submitAndRate('journey-frn23a-03-en');
    const slip = (await printer.waitForJobs(jobsBefore + 1))[jobsBefore]!.lines.join('\n');
    expect(slip).toContain('Acceptance receipt');
    const flat = slip.replace(/\s+/g, ''); // the thermal slip wraps long English lines
    expect(flat).toContain('ForeignpermanentresidentID1scan'); // table cells wrap beside their columns
    expect(flat).toContain('R********F********D*L*T****,S****I******');
    expect(slip).not.toMatch(/受理回执|索菲亚/);
    expect(number).toMatch(/XK00401003/);
    await assertNothingOf(p, [number, 'Moving out']);
    await p.getByTestId('toggle-language').click();
  });
});
