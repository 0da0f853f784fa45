// The walking skeleton end to end: simulated reader -> contract -> kiosk screen (masked); a trivial
// application renderer -> contract -> journal -> backend client -> sandbox, and the number on screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from './harness';
import { DEV_ADMIN_PIN } from '@easydo/core/services/config/load';
import { signAndSubmit, typeHanzi } from '../test/journey/e2e-steps';

describe('walking skeleton in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the attract screen and the catalogue from the backend', async () => {
    await h.page.getByTestId('attract').waitFor();
    await h.screenshot('skeleton-01-attract');
    await h.page.getByRole('button', { name: '浏览办事指南' }).click();
    await h.page.getByTestId('catalogue').waitFor();
    // 8 categories as tiles (and 全部); 43 items, paged.
    expect(await h.page.locator('.category-tile').count()).toBe(9);
    expect(await h.page.getByTestId('result-count').textContent()).toBe('找到 43 个事项');
    await h.page.getByRole('button', { name: '返回' }).click();
  });

  it('shows a card placed on the simulated reader, masked', async () => {
    await h.page.getByTestId('sim-place-res01').click();
    await h.page.getByTestId('card-panel').waitFor();
    expect(await h.page.getByTestId('card-id').textContent()).toBe('440304********2469');
    expect(await h.page.getByTestId('card-name').textContent()).toBe('卓*');
    const html = await h.page.content();
    expect(html).not.toContain('440304199604122469');
    expect(html).not.toContain('卓岚');
    await h.screenshot('skeleton-02-card');
  });

  it('submits an application and shows the number the sandbox issued', async () => {
    // The journey screens (kiosk/e2e/journey-*.e2e.test.ts cover every step): guide, prefilled form, e-certificates.
    await h.page.getByTestId('category-civil-affairs').click();
    await h.page.getByTestId('item-QR00305001').click();
    await h.page.getByTestId('guide-apply').click();
    await h.page.getByTestId('form').waitFor();
    expect(await h.page.getByTestId('field-applicantIdNumber').textContent()).toBe('440304********2469');
    await h.page.getByTestId('field-reason').click();
    await typeHanzi(h.page, 'zheng', '证');
    await h.page.locator('[data-testid="field-reason"]', { hasText: '证' }).waitFor();
    await h.page.getByTestId('form-next').click();
    await h.page.getByTestId('use-cert-ID_CARD').click();
    await h.page.getByTestId('use-cert-HUKOU').click();
    await h.page.locator('[data-testid="materials-next"]:not([disabled])').click();
    await signAndSubmit(h.page);
    await h.page.getByTestId('receipt').waitFor();
    const number = (await h.page.getByTestId('acceptance-number').textContent()) ?? '';
    expect(number.length).toBeGreaterThan(4);
    expect(h.terminal.backend.sandbox?.stats().applications).toBe(1);
    await h.screenshot('skeleton-03-accepted');
    await h.page.getByTestId('receipt-continue').click();
    await h.page.getByTestId('evaluation-skip').click();
    await h.page.getByTestId('finish').click();
    await h.page.getByTestId('attract').waitFor();
    expect(h.terminal.sessions.current()).toBeNull();
  });

  it('the bridge refuses a wrong secret, a kiosk caller on an admin channel, and a malformed payload', async () => {
    const url = new URL(h.shell.url);
    const origin = `${url.protocol}//${url.host}`;
    const secret = url.searchParams.get('k')!;
    const refused = new WebSocket(`ws://${url.host}/bridge?k=wrong`, { headers: { origin } });
    await new Promise<void>((resolve) => refused.on('error', () => resolve()));

    const ws = new WebSocket(`ws://${url.host}/bridge?k=${secret}`, { headers: { origin } });
    await new Promise((r) => ws.on('open', r));
    const call = (id: number, channel: string, payload: unknown) =>
      new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => {
        ws.on('message', (data) => {
          const m = JSON.parse(String(data));
          if (m.id === id) resolve(m.result);
        });
        ws.send(JSON.stringify({ id, channel, payload }));
      });
    expect(await call(1, 'devices:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(2, 'admin:login', { pin: 12 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await call(3, 'admin:login', { pin: DEV_ADMIN_PIN })).toMatchObject({ ok: true });
    expect(await call(4, 'devices:list', {})).toMatchObject({ ok: true });
    ws.close();
  });
});

describe('admin mode in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'admin' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('asks for the PIN, then shows live device status', async () => {
    await h.page.getByTestId('admin-pin').fill(DEV_ADMIN_PIN);
    await h.page.getByTestId('admin-enter').click();
    await h.page.getByTestId('devices').waitFor();
    await h.page.locator('[data-testid="device-idReader"][data-status="online"]').waitFor();
    await h.page.locator('[data-testid="device-receiptPrinter"][data-status="online"]').waitFor();
    await h.screenshot('skeleton-04-admin');
  });
});
