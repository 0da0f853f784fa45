// Counter mode end to end in Chromium: clerk sign-in (with the platform's lockout), the queue called to the
// resident display, intake on the resident's behalf with a page checked against its original and a page from
// the counter's scanner (SANE's test device), the A4 受理回执 through CUPS (queue PDF, cups-pdf), the thermal
// receipt on the virtual receipt printer, 好差评 on the display page, and the clerk's workload figures.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { signInClerk } from './counter-steps';
import { typeLatin } from '../test/journey/e2e-steps';

const FIXTURE = path.resolve(__dirname, '../../fixtures/materials/residence-certificate.clean.png');
/** The lease fixture: its 出租方 杜明川's ID number is the first one on it, not res01's. */
const LEASE = path.resolve(__dirname, '../../fixtures/materials/lease-contract.scan.jpg');
const LICENCE = path.resolve(__dirname, '../../fixtures/materials/business-licence.clean.png');
const CI = process.env.CI === 'true';

function cupsQueueReady(queue: string): boolean {
  try {
    execFileSync('lpstat', ['-p', queue], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function completedJobs(queue: string): string {
  return execFileSync('lpstat', ['-W', 'completed', '-o', queue], { encoding: 'utf8' });
}

describe('counter mode in Chromium', () => {
  let h: Harness;
  let display: Page;
  let localId = '';
  const cups = cupsQueueReady('PDF');

  beforeAll(async () => {
    if (!cups && CI) throw new Error('CUPS queue "PDF" (cups-pdf) is missing: the counter E2E needs it under CI');
    h = await startHarness({ mode: 'counter' });
    display = await h.context.newPage();
    await display.goto(h.shell.displayUrl);
    await display.getByTestId('display').waitFor();
  });
  afterAll(async () => {
    await h?.close();
  });

  const signIn = (staffId: string, password: string) => signInClerk(h.page, staffId, password);

  it('refuses a wrong password, locks the staff id after repeated failures, then signs a clerk in', async () => {
    await h.page.getByTestId('counter').waitFor();
    for (let i = 1; i <= 5; i++) {
      await signIn('C1003', `wrong-${i}`);
      expect(await h.page.getByTestId('login-error').getAttribute('data-reason')).toBe('invalid-credentials');
    }
    await signIn('C1003', 'counter-1003');
    const locked = h.page.locator('[data-testid="login-error"][data-reason="locked"]');
    await locked.waitFor();
    expect(await locked.textContent()).toMatch(/已暂时锁定.*分钟后再试/);
    await h.screenshot('counter-01-locked');

    await signIn('C1001', 'counter-1001');
    await h.page.getByTestId('clerk').waitFor();
    expect(await h.page.getByTestId('clerk').textContent()).toContain('C1001');
  });

  it('issues tickets, calls the green channel first, shows it on the display and recalls it', async () => {
    await h.page.getByTestId('issue-category').selectOption('labour-security');
    await h.page.getByTestId('issue-ticket').click();
    await h.page.locator('[data-testid="waiting-list"] li[data-number="B001"]').waitFor();
    await h.page.getByTestId('issue-category').selectOption('legal-aid');
    await h.page.getByTestId('issue-priority').check();
    await h.page.getByTestId('issue-ticket').click();
    await h.page.locator('[data-testid="waiting-list"] li[data-number="E001"]').waitFor();
    expect(await h.page.locator('[data-testid="waiting-list"] li').evaluateAll((li) => li.map((l) => l.getAttribute('data-number')))).toEqual(['E001', 'B001']);

    await h.page.getByTestId('call-next').click();
    await h.page.locator('[data-testid="current-ticket"][data-number="E001"]').waitFor();
    await display.locator('[data-testid="display-call"][data-number="E001"]').waitFor();
    expect(await display.getByTestId('display-call').textContent()).toContain('E001');
    await h.page.getByTestId('recall').click();
    await display.screenshot({ path: path.resolve(__dirname, '../../test-artifacts/e2e/counter-02-display.png') });
    await h.screenshot('counter-02-queue');
  });

  it('takes the application for the resident with the page checked against its original', async () => {
    await h.page.getByTestId('sim-place-res01').click();
    await h.page.getByTestId('serve').click();
    await h.page.getByTestId('intake-card').waitFor();
    expect(await h.page.getByTestId('card-id').textContent()).toBe('440304********2469');
    expect(await h.page.content()).not.toContain('440304199604122469');

    await h.page.getByTestId('item-select').selectOption('QR00204001');
    await h.page.getByTestId('materials').waitFor();
    await h.page.getByTestId('add-target-ID_CARD').click();
    await h.page.getByTestId('import-file').setInputFiles(FIXTURE);
    const page = h.page.getByTestId('page');
    await page.waitFor();
    expect(await page.getAttribute('data-trust')).toBe('C');
    expect(await h.page.getByTestId('submit').isDisabled()).toBe(true);
    // What was read is checked against the card: a residence certificate filed as the ID card copy has nothing to check.
    const checks = page.getByTestId('page-checks');
    await checks.waitFor({ timeout: 60_000 });
    expect(await checks.textContent()).toBe('未能从这份材料上读出可核对的内容，请对照原件');
    // A lease filed as the ID card copy by mistake: its first ID number is the lessor's, so the clerk sees the
    // mismatch first (masked), above the pages, and takes the wrong page out.
    await h.page.getByTestId('import-file').setInputFiles(LEASE);
    const attention = h.page.getByTestId('checks-attention');
    await h.page.locator('[data-testid="checks-attention"]', { hasText: '证件号码与身份证不一致' }).waitFor({ timeout: 60_000 });
    expect(await attention.textContent()).toContain('第 2 页（居民身份证）：证件号码与身份证不一致（材料上为 440305********4416）');
    expect(await h.page.content()).not.toContain('440305197203154416');
    const lease = h.page.getByTestId('page').nth(1);
    expect(await lease.getByTestId('page-checks').locator('li[data-status="mismatch"]').textContent()).toBe('证件号码与身份证不一致（材料上为 440305********4416）');
    await lease.getByRole('button', { name: '删除' }).click();
    await h.page.locator('[data-testid="checks-attention"]', { hasText: '不一致' }).waitFor({ state: 'detached' });
    expect(await h.page.getByTestId('page').count()).toBe(1);
    expect(await checks.textContent()).toBe('未能从这份材料上读出可核对的内容，请对照原件');

    await h.page.getByTestId('verify-page').click();
    await h.page.locator('[data-testid="page"][data-trust="B"]').waitFor();
    expect(await page.textContent()).toContain('C1001');

    // The counter's scanner: the clerk puts the original on it, so the page is B at once, stamped with the clerk.
    await h.page.getByTestId('scan').click();
    const scanned = h.page.locator('[data-testid="page"][data-source="scanner"]');
    await scanned.waitFor({ timeout: 60_000 });
    expect(await scanned.getAttribute('data-trust')).toBe('B');
    expect(await scanned.getAttribute('data-material')).toBe('ID_CARD');
    expect(await scanned.textContent()).toContain('C1001');
    expect(await h.page.getByTestId('verify-page').count()).toBe(0);
    expect(await h.page.getByTestId('page').count()).toBe(2);
    await h.screenshot('counter-03-verified');

    await h.page.getByTestId('submit').click();
    await h.page.getByTestId('intake-result').waitFor({ timeout: 150_000 });
    const number = (await h.page.getByTestId('acceptance-number').textContent()) ?? '';
    expect(number.length).toBeGreaterThan(4);

    const app = (await h.terminal.applications.journal.list()).find((a) => a.acceptanceNumber === number)!;
    localId = app.localId;
    expect(app.submission?.channel).toBe('counter');
    expect(app.submission?.clerkToken).toBeTruthy();
    expect(app.materials.map((m) => [m.code, m.trustLevel, m.pageCount])).toEqual([['ID_CARD', 'B', 2]]);
    const workload = await h.terminal.backend.client.getClerkWorkload(app.submission!.clerkToken!);
    expect(workload).toMatchObject({ staffId: 'C1001', applicationsTaken: 1 });
    await h.screenshot('counter-04-accepted');
  });

  it.skipIf(!cups && !CI)('prints the A4 受理回执 to CUPS and the 受理通知书 once the platform has accepted', async () => {
    await h.page.getByTestId('print-receipt').click();
    const printed = h.page.locator('[data-testid="printed"] li').first();
    await printed.waitFor();
    const jobId = /作业 (\S+)）/.exec((await printed.textContent()) ?? '')?.[1] ?? '';
    expect(jobId).toMatch(/^PDF-\d+$/);
    await expect.poll(() => completedJobs('PDF'), { timeout: 60_000, interval: 500 }).toContain(jobId);
    expect((await h.terminal.applications.journal.get(localId)).state).toBe('receipt-printed');

    // The sandbox sends about one application in five down 不予受理 or 补齐补正 at random; this test is about
    // the 受理通知书, so the platform's decision for this application is set to a normal acceptance.
    const number = (await h.terminal.applications.journal.get(localId)).acceptanceNumber!;
    h.terminal.backend.sandbox!.db.prepare("UPDATE applications SET outcome = 'normal' WHERE acceptance_number = ?").run(number);
    // The sandbox runs 600x: 受理 follows 30 simulated minutes after submission.
    await expect
      .poll(async () => {
        await h.page.getByTestId('check-stage').click();
        return h.page.getByTestId('print-acceptance').count();
      }, { timeout: 60_000, interval: 1000 })
      .toBe(1);
    await h.page.getByTestId('print-acceptance').click();
    await h.page.locator('[data-testid="printed"] li').nth(1).waitFor();
    expect(await h.page.locator('[data-testid="printed"] li').nth(1).textContent()).toContain('受理通知书');
  });

  it('prints the thermal 受理回执 on the virtual receipt printer through the shared receipt desk', async () => {
    const virtual = h.terminal.receiptPrinter.virtual;
    if (!virtual) throw new Error('the default config prints on the virtual receipt printer');
    const before = virtual.jobs.length;
    await h.page.getByTestId('print-thermal').click();
    const printed = h.page.locator('[data-testid="printed"] li', { hasText: '小票回执' });
    await printed.waitFor();
    const job = (await virtual.waitForJobs(before + 1))[before]!;
    const text = job.lines.join('\n');
    const number = (await h.terminal.applications.journal.get(localId)).acceptanceNumber!;
    expect(number.length).toBeGreaterThan(4);
    expect(text).toContain(number);
    expect(text).toContain('440304********2469');
    expect(text).not.toContain('440304199604122469');
    expect(await printed.textContent()).toContain(`作业 ${job.id}）`);
  });

  it('hands the 好差评 pad to the resident on the display page; a poor rating asks why and offers a callback', async () => {
    await h.page.getByTestId('ask-evaluation').click();
    await display.getByTestId('evaluation-pad').waitFor();
    expect(await display.getByTestId('evaluation-pad').textContent()).toContain('社会保险参保缴费证明');
    await display.getByTestId('level-不满意').click();
    await display.getByTestId('indicator-attitude-非常满意').click();
    await display.getByTestId('indicator-efficiency-不满意').click();
    // The comment box has the on-screen keyboard (the display has no keyboard of its own).
    await display.getByTestId('evaluation-comment').click();
    await typeLatin(display, 'abc');
    await display.getByTestId('kb-done').click();
    // No reason yet: the pad says so and sends nothing.
    await display.getByTestId('evaluation-send').click();
    await display.locator('[data-testid="poor-rating-problem"][data-problem="needReason"]').waitFor();
    await display.getByTestId('reason-too-slow').click();
    await display.getByTestId('reason-repeated-trips').click();
    await display.getByTestId('callback-toggle').click();
    for (const d of '1380013') await display.getByTestId(`cb-${d}`).click();
    await display.getByTestId('evaluation-send').click();
    await display.locator('[data-testid="poor-rating-problem"][data-problem="phoneInvalid"]').waitFor();
    for (const d of '8000') await display.getByTestId(`cb-${d}`).click();
    expect(await display.getByTestId('callback-phone').textContent()).toBe('138****8000');
    expect(await display.content()).not.toContain('13800138000');
    await display.screenshot({ path: path.resolve(__dirname, '../../test-artifacts/e2e/counter-05-pad.png') });
    await display.getByTestId('evaluation-send').click();
    await display.getByTestId('evaluation-thanks').waitFor();
    await h.page.getByTestId('evaluation-result').waitFor();
    expect(await h.page.getByTestId('evaluation-result').textContent()).toContain('不满意');

    const app = await h.terminal.applications.journal.get(localId);
    expect(app.evaluation).toMatchObject({
      level: '不满意', channel: 'counter', clerkStaffId: 'C1001', itemCode: 'QR00204001', indicators: { overall: '不满意', attitude: '非常满意', efficiency: '不满意' },
      comment: 'abc', reasons: ['too-slow', 'repeated-trips'], callbackPhone: '13800138000',
    });
    expect(app.evaluation?.departmentCode).toMatch(/^[0-9A-Z]{6,18}$/);
    await expect.poll(async () => (await h.terminal.applications.journal.get(localId)).evaluationDelivered, { timeout: 30_000 }).toBe(true);
    // The platform (sandbox) keeps the reasons and the callback phone for its 回访.
    const stored = h.terminal.backend.sandbox!.db.prepare('SELECT reasons_json, callback_phone FROM evaluations WHERE acceptance_number = ?').get(app.receipt!.acceptanceNumber);
    expect(stored).toEqual({ reasons_json: '["too-slow","repeated-trips"]', callback_phone: '13800138000' });
  });

  it('shows the workload: one application, its handling time and the rating, as charts', async () => {
    await h.page.getByTestId('next-resident').click();
    await h.page.getByTestId('card-waiting').waitFor();
    expect(h.terminal.sessions.current()).toBeNull();
    await h.page.getByTestId('tab-workload').click();
    await h.page.getByTestId('workload').waitFor();
    expect(await h.page.getByTestId('handled-today').textContent()).toBe('1');
    expect(await h.page.getByTestId('tickets-called').textContent()).toBe('1');
    expect(await h.page.getByTestId('avg-handling').textContent()).toMatch(/\d+ 秒/);
    expect(await h.page.getByTestId('rating-不满意').locator('td').textContent()).toBe('1');
    expect(await h.page.locator('[data-testid="chart-ratings"] svg .recharts-pie-sector').count()).toBe(1);
    // The poor rating's reasons, by their words, and the callback asked for.
    expect(await h.page.getByTestId('poor-reason-too-slow').textContent()).toBe('办理时间过长1');
    expect(await h.page.getByTestId('poor-reason-repeated-trips').textContent()).toBe('需要多次跑动1');
    expect(await h.page.getByTestId('callbacks-asked').textContent()).toBe('要求回访 1 次');
    expect(await h.page.locator('[data-testid="chart-by-hour"] svg .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await h.page.getByTestId('chart-by-stage').waitFor();
    // The platform's own figures carry the same reasons (getClerkWorkload), over every day and terminal.
    expect(await h.page.getByTestId('platform-poor-reason-too-slow').textContent()).toBe('办理时间过长1');
    expect(await h.page.getByTestId('platform-callbacks').textContent()).toBe('要求回访 1 次');
    await h.screenshot('counter-06-workload');

    // The queue moved on: the served ticket is done and B001 still waits.
    await h.page.getByTestId('tab-queue').click();
    await h.page.locator('[data-testid="current-ticket"][data-number=""]').waitFor();
    expect(await h.page.locator('[data-testid="waiting-list"] li').evaluateAll((li) => li.map((l) => l.getAttribute('data-number')))).toEqual(['B001']);
  });

  it('fills an empty form field with one touch from what the business licence reads', async () => {
    // The next resident: B001 is called, the card goes on the reader.
    await h.page.getByTestId('call-next').click();
    await h.page.locator('[data-testid="current-ticket"][data-number="B001"]').waitFor();
    // The first resident's card still lies on the reader (a card is read when placed): lifted, then the next one's.
    await h.page.getByTestId('sim-remove').click();
    await h.page.getByTestId('sim-place-res03').click();
    await h.page.getByTestId('serve').click();
    await h.page.getByTestId('intake-card').waitFor();
    // 小微企业扶持政策咨询: nothing prefills the company's name; the licence on the counter has it.
    await h.page.getByTestId('item-select').selectOption('GF00804001');
    await h.page.getByTestId('materials').waitFor();
    expect(await h.page.getByTestId('field-companyName').inputValue()).toBe('');
    await h.page.getByTestId('add-target-BUSINESS_LICENCE').click();
    await h.page.getByTestId('import-file').setInputFiles(LICENCE);
    const offer = h.page.getByTestId('offer-companyName');
    await offer.waitFor({ timeout: 60_000 });
    expect(await offer.textContent()).toContain('从《营业执照》读到：');
    const value = (await h.page.getByTestId('offer-value-companyName').textContent()) ?? '';
    expect(value).toMatch(/\p{Script=Han}{4,}/u);
    await h.page.getByTestId('use-offer-companyName').click();
    expect(await h.page.getByTestId('field-companyName').inputValue()).toBe(value);
    // Taken: the offer goes; the clerk can still edit the field like any other.
    await offer.waitFor({ state: 'detached' });
    await h.screenshot('counter-07-offer-taken');
  });
});
