// The browser shell's page survives a reload: the per-run secret arrives once in the URL, is kept for the tab's
// life (sessionStorage: this origin, this tab) and is never shown in the address bar again. The kiosk clears its
// session storage whenever it returns to the attract screen, which used to take the secret with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

describe('browser shell: reload', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a reload reconnects with the kept secret, which stays out of the address bar', async () => {
    await h.page.getByTestId('attract').waitFor();
    expect(new URL(h.page.url()).search).toBe('');
    await h.page.reload();
    await h.page.getByTestId('attract').waitFor();
    // The page talks to main again: the catalogue comes from the backend through the bridge.
    await h.page.getByRole('button', { name: '浏览办事指南' }).click();
    await h.page.getByTestId('catalogue').waitFor();
    // The list arrives through the bridge after the screen: wait for the count, do not read it once.
    await expect.poll(() => h.page.getByTestId('result-count').textContent(), { timeout: 15_000 }).toBe('找到 43 个事项');
    expect(new URL(h.page.url()).search).toBe('');
  });

  it('a second reload after a visit ended works as well', async () => {
    await h.page.getByTestId('sim-place-res01').click();
    await h.page.getByTestId('card-panel').waitFor();
    // The visit ends (as on a timeout): the kiosk returns to the attract screen and clears its session storage.
    await h.terminal.sessions.end('cancelled');
    await h.page.getByTestId('attract').waitFor();
    await h.page.getByTestId('sim-remove').click();
    // The reader must have seen the card go before the reload: a reload can drop the bridge message still in
    // flight, and a card placed again before the reader saw it lifted is the same card lying there.
    await h.page.locator('[data-testid="kiosk"][data-card-on-reader="false"]').waitFor();
    await h.page.reload();
    await h.page.getByTestId('attract').waitFor();
    await h.page.getByTestId('sim-place-res01').click();
    await h.page.getByTestId('card-panel').waitFor();
  });

  it('another tab (another browsing context) does not inherit the secret', async () => {
    const other = await h.context.newPage();
    const base = new URL(h.shell.url);
    await other.goto(`${base.origin}/`);
    expect(await other.evaluate(() => sessionStorage.getItem('easydo.k'))).toBeNull();
    await other.close();
  });
});
