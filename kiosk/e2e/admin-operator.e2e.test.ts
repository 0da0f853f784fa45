// A maintainer with their own staff number and PIN: the pad takes both, the diagnostics' test read (a card already
// on the reader is asked for again), test print and test scan each show their result, and the audit trail names
// the maintainer on every line of the visit.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '@easydo/core/services/config/pin';
import { DEV_ADMIN_PIN } from '@easydo/core/services/config/load';
import { startHarness, type Harness } from './harness';

describe('admin: personal maintainer credentials', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: { admin: { idleTimeoutSeconds: 300, operators: [{ id: '1001', pinHash: hashPin('135791') }] } } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const trail = () =>
    readFileSync(path.join(h.dataDir, 'audit', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; detail: Record<string, unknown> });
  const tap = async (digits: string) => {
    for (const d of digits) await h.page.getByTestId(`pin-key-${d}`).click();
  };

  it('enters with staff number and PIN; every action and the logout name the maintainer', async () => {
    const p = h.page;
    await p.getByTestId('attract').waitFor();
    const corner = p.getByTestId('admin-corner');
    for (let i = 0; i < 5; i++) await corner.click({ position: { x: 5, y: 5 } });
    // The shared PIN alone no longer opens once maintainers are listed.
    await p.getByTestId('admin-pin').click();
    await tap(DEV_ADMIN_PIN);
    await p.getByTestId('admin-enter').click();
    await p.locator('[role="alert"][data-reason="wrong-pin"]').waitFor();
    await p.getByTestId('admin-operator').click();
    await tap('1001');
    await p.getByTestId('admin-pin').click();
    await tap('135791');
    await p.getByTestId('admin-enter').click();
    await p.getByTestId('admin').waitFor();
    // The dashboard's times are the terminal's civil time, written the Chinese way (the heartbeat goes at once).
    await expect.poll(async () => (await p.getByTestId('admin').textContent()) ?? '', { timeout: 20_000 }).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);

    await p.getByTestId('tab-diagnostics').click();
    // A card already on the reader is not read again: the result says to place it again, and then it reads.
    await p.getByTestId('sim-place-res01').click();
    await expect.poll(() => h.terminal.idReader.reader.snapshot().detail.cardPresent).toBe(true);
    await p.getByTestId('diag-read-run').click();
    const stale = p.locator('[data-testid="diag-read-result"][data-result="failed"]');
    await stale.waitFor();
    expect(await stale.textContent()).toContain('读卡器上已经有一张证件');
    await p.getByTestId('sim-remove').click();
    await expect.poll(() => h.terminal.idReader.reader.snapshot().detail.cardPresent).toBe(false);
    await p.getByTestId('diag-read-run').click();
    await p.locator('[data-testid="diag-read-result"][data-result="running"]').waitFor();
    await p.getByTestId('sim-place-res01').click();
    await p.locator('[data-testid="diag-read-result"][data-result="ok"]').waitFor();
    await p.getByTestId('sim-remove').click();
    await p.getByTestId('diag-print-run').click();
    await p.locator('[data-testid="diag-print-result"][data-result="ok"]').waitFor();
    await p.getByTestId('diag-scan-run').click();
    await p.locator('[data-testid="diag-scan-result"][data-result="ok"]').waitFor({ timeout: 60_000 });
    await p.getByTestId('diag-scan-image').waitFor();
    await h.screenshot('admin-operator-diagnostics');
    await p.getByTestId('admin-logout').click();
    await p.getByTestId('attract').waitFor();

    const lines = trail();
    expect(lines.find((l) => l.action === 'admin.login.failed')?.detail.operator).toBeUndefined();
    const visit = lines.filter((l) => ['admin.login', 'admin.testRead', 'admin.testPrint', 'admin.testScan', 'admin.logout'].includes(l.action));
    expect(visit.map((l) => [l.action, l.detail.operator])).toEqual([
      ['admin.login', '1001'], ['admin.testRead', '1001'], ['admin.testRead', '1001'], ['admin.testPrint', '1001'], ['admin.testScan', '1001'], ['admin.logout', '1001'],
    ]);
  });
});
