// What residents and clerks read when something goes wrong: the contract's reason in their language with what
// to do next, never the English log message, an enum or a driver's sentence. Paper out on the attract screen,
// a query that matches nothing, a clerk's wrong password, a counter submission with 居民身份证 missing; and
// the page's own icon (no favicon 404 on the first load); the maintenance PIN pad's delete key, and no PIN pad
// left over the resident screen after 退出维护.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { signInClerk } from './counter-steps';
import { DEV_ADMIN_PIN } from '@easydo/core/services/config/load';
import { typeDigits, typeLatin } from '../test/journey/e2e-steps';

const CJK = /[\u4e00-\u9fff]/;
const DEVELOPER_TEXT = /The printer|out of paper|simulator:|No application matches|Staff id or password|Missing materials|ID_CARD|Some fields need attention|paperOut|userError/;

describe('error words at the kiosk', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves its own icon, so the first load asks for nothing that is missing', async () => {
    const href = await h.page.locator('link[rel="icon"]').evaluate((l) => (l as HTMLLinkElement).href);
    const icon = await h.page.request.get(href);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
  });

  it('says the receipt printer is out of paper in words, in Chinese and in English', async () => {
    const p = h.page;
    await p.getByTestId('attract').waitFor();
    await p.getByTestId('sim-printer-out').click();
    const banner = p.getByTestId('out-of-service');
    await banner.waitFor();
    await expect.poll(async () => (await banner.textContent()) ?? '').toContain('回执打印机缺纸');
    expect(await banner.textContent()).not.toMatch(DEVELOPER_TEXT);
    await h.screenshot('error-words-01-paper-out-zh');

    await p.getByTestId('toggle-language').click();
    await expect.poll(async () => (await banner.textContent()) ?? '').toContain('receipt printer: out of paper');
    expect(await banner.textContent()).not.toMatch(/The printer is out of paper|paperOut|userError/);
    await h.screenshot('error-words-02-paper-out-en');
    await p.getByTestId('toggle-language').click();
    await p.getByTestId('sim-printer-ok').click();
    await banner.waitFor({ state: 'detached' });
  });

  it('explains a progress query that matches nothing and says what to check, keeping the number', async () => {
    const p = h.page;
    await p.getByTestId('query').click();
    await p.getByTestId('query-screen').waitFor();
    await typeLatin(p, 'SZ20990101000001');
    await p.getByTestId('kb-done').click();
    await typeDigits(p, '123456', 'pw');
    await p.getByTestId('query-submit').click();
    const alert = p.getByTestId('query-screen').getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(CJK);
    expect(text).toMatch(/受理编号|查询密码/);
    expect(text).not.toMatch(DEVELOPER_TEXT);
    expect(await alert.getAttribute('data-reason')).toMatch(/^(not-found|query-wrong-password)$/);
    await h.screenshot('error-words-03-query-not-found');
  });
});

describe('error words at the counter', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'counter' });
  });
  afterAll(async () => {
    await h?.close();
  });

  const signIn = (staffId: string, password: string) => signInClerk(h.page, staffId, password);

  it('tells a clerk with a wrong password so in Chinese, and in English after the switch', async () => {
    await h.page.getByTestId('counter').waitFor();
    await signIn('C1002', 'not-the-password');
    const error = h.page.locator('[data-testid="login-error"][data-reason="invalid-credentials"]');
    await error.waitFor();
    expect(await error.textContent()).toBe('工号或密码不正确，请重新输入。');
    await h.page.getByTestId('toggle-language').click();
    await expect.poll(async () => error.textContent()).toBe('The staff id or password is wrong. Please type them again.');
    await h.page.getByTestId('toggle-language').click();
    await h.screenshot('error-words-04-counter-wrong-password');
  });

  it('names the missing material as 居民身份证, not its code, when a clerk submits without it', async () => {
    await signIn('C1001', 'counter-1001');
    await h.page.getByTestId('clerk').waitFor();
    await h.page.getByTestId('tab-intake').click();
    await h.page.getByTestId('sim-place-res01').click();
    await h.page.getByTestId('intake-card').waitFor();
    await h.page.getByTestId('item-select').selectOption('QR00204001');
    await h.page.getByTestId('materials').waitFor();
    await h.page.getByTestId('submit').click();
    const alert = h.page.locator('[data-testid="intake"] [role="alert"][data-reason="materials-missing"]');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('还缺少必需的材料');
    expect(text).toContain('居民身份证：未提交');
    expect(text).not.toMatch(DEVELOPER_TEXT);
    await h.screenshot('error-words-05-counter-missing-materials');
  });
});

describe('the maintenance PIN pad', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'admin' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('takes back a mistyped digit, and is gone from the resident screen after 退出维护', async () => {
    const p = h.page;
    const input = p.getByTestId('admin-pin');
    await input.waitFor();
    for (const d of `${DEV_ADMIN_PIN}9`) await p.getByTestId(`pin-key-${d}`).click();
    expect(await input.inputValue()).toBe(`${DEV_ADMIN_PIN}9`);
    await p.getByTestId('pin-delete').click();
    expect(await input.inputValue()).toBe(DEV_ADMIN_PIN);
    await p.getByTestId('admin-enter').click();
    await p.getByTestId('admin').waitFor();

    await p.getByTestId('admin-logout').click();
    await p.getByTestId('attract').waitFor();
    expect(await p.getByTestId('admin-pin').count()).toBe(0);
    expect(await p.getByRole('dialog').count()).toBe(0);
    await h.screenshot('error-words-06-after-leaving-maintenance');
  });
});
