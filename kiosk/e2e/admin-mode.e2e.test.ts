// Admin mode end to end in Chromium: the hidden entry with its lockout, a paper-out and a reader unplug shown
// on the dashboard as they happen, a test read (masked) and a test print landing in the virtual printer, a
// bad configuration value refused by name, the diagnostics bundle free of every fixture ID number and name,
// and the attract screen's maintenance reason.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ADMIN_PIN } from '@easydo/core/services/config/load';
import { startHarness, type Harness } from './harness';

interface Holder { name: string; englishName?: string | null; idNumber: string; permitNumber?: string | null; address: string }
const holders = JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures/idcard/cardholders.json'), 'utf8')) as Holder[];
const personal = holders.flatMap((h) => [h.name, h.idNumber, h.address, h.englishName, h.permitNumber]).filter((s): s is string => typeof s === 'string' && s.length > 0);

describe('admin mode in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const openPinPad = async () => {
    const corner = h.page.getByTestId('admin-corner');
    for (let i = 0; i < 5; i++) await corner.click({ position: { x: 5, y: 5 } });
    await h.page.getByTestId('admin-pin').waitFor();
  };
  /** Types the PIN and waits for main's answer (the pad clears its field when the answer arrives). */
  const enterPin = async (pin: string) => {
    const input = h.page.getByTestId('admin-pin');
    await input.fill(pin);
    await h.page.getByTestId('admin-enter').click();
    await expect.poll(async () => ((await input.count()) === 0 ? '' : await input.inputValue())).toBe('');
  };

  it('enters by the hidden corner and the PIN; a wrong PIN is refused and audited', async () => {
    await h.page.getByTestId('attract').waitFor();
    await openPinPad();
    await enterPin('111111');
    await h.page.locator('[role="alert"][data-reason="wrong-pin"]').waitFor();
    await enterPin(DEV_ADMIN_PIN);
    await h.page.getByTestId('admin').waitFor();
    await h.page.locator('[data-testid="device-idReader"][data-status="online"]').waitFor();
    // While an admin is in, the terminal is out of service with the maintenance reason.
    expect(h.terminal.devices.serviceState().manual?.reason).toContain('维护');
    const actions = readFileSync(path.join(h.dataDir, 'audit', 'audit.jsonl'), 'utf8');
    expect(actions).toContain('admin.login.failed');
    expect(actions).toContain('"admin.login"');
  });

  it('shows a paper-out and a reader unplug on the dashboard as they happen, and their recovery', async () => {
    const printer = h.page.getByTestId('device-status-receiptPrinter');
    await h.page.getByTestId('sim-printer-out').click();
    await h.page.locator('[data-testid="device-receiptPrinter"][data-status="userError"]').waitFor();
    // In words, not keys: the paper state, the counter's name, the fault.
    expect(await printer.textContent()).toContain('缺纸');
    expect(await h.page.getByTestId('device-counters-receiptPrinter').textContent()).toContain('缺纸次数: 1');
    expect(await h.page.getByTestId('device-counters-receiptPrinter').textContent()).not.toContain('paperOutEvents');
    expect(await h.page.getByTestId('device-error-receiptPrinter').textContent()).toContain('回执打印机缺纸');

    await h.page.getByTestId('sim-reader-unplug').click();
    await h.page.locator('[data-testid="device-idReader"][data-status="noDevice"]').waitFor();
    await h.screenshot('admin-01-paper-out-reader-unplugged');

    await h.page.getByTestId('sim-printer-near-end').click();
    await h.page.locator('[data-testid="device-receiptPrinter"][data-status="online"]').waitFor();
    await h.page.getByTestId('device-alerts-receiptPrinter').filter({ hasText: '回执纸将用完' }).waitFor();
    // The alerts went to the platform as they happened, not at the next minute: the sandbox keeps the last
    // heartbeat, which carries the near-end paper and the reader still unplugged.
    const lastHeartbeat = () => {
      const row = h.terminal.backend.sandbox!.db.prepare('SELECT body_json FROM heartbeats').get() as { body_json: string } | undefined;
      return row ? (JSON.parse(row.body_json) as { alerts: Array<{ code: string }> }).alerts.map((a) => a.code).sort() : [];
    };
    await expect.poll(lastHeartbeat).toEqual(['idReader.noDevice', 'paperNearEnd']);
    await h.page.getByTestId('sim-printer-ok').click();
    await h.page.getByTestId('sim-reader-plug').click();
    await h.page.locator('[data-testid="device-idReader"][data-status="online"]').waitFor();
    await h.page.locator('[data-testid="device-receiptPrinter"][data-status="online"]').waitFor();
  });

  it('test read shows the card masked; test print lands in the virtual printer', async () => {
    await h.page.getByTestId('tab-diagnostics').click();
    await h.page.getByTestId('diag-read-run').click();
    await h.page.locator('[data-testid="diag-read-result"][data-result="running"]').waitFor();
    await h.page.getByTestId('sim-place-res01').click();
    const read = h.page.locator('[data-testid="diag-read-result"][data-result="ok"]');
    await read.waitFor();
    expect(await read.textContent()).toContain('440304********2469');
    expect(await h.page.content()).not.toContain('440304199604122469');
    await h.page.getByTestId('sim-remove').click();

    const before = h.terminal.receiptPrinter.virtual!.jobs.length;
    await h.page.getByTestId('diag-print-run').click();
    await h.page.locator('[data-testid="diag-print-result"][data-result="ok"]').waitFor();
    await h.page.getByTestId('diag-print-png').waitFor();
    const jobs = h.terminal.receiptPrinter.virtual!.jobs;
    expect(jobs.length).toBe(before + 1);
    expect(jobs[jobs.length - 1]!.lines.join('\n')).toContain('测试打印');
    await h.screenshot('admin-02-test-print');

    // With the paper out, the test print fails with a clear reason.
    await h.page.getByTestId('sim-printer-out').click();
    await h.page.getByTestId('diag-print-run').click();
    const failed = h.page.locator('[data-testid="diag-print-result"][data-result="failed"]');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('回执打印机缺纸');
    await h.page.getByTestId('sim-printer-ok').click();
  });

  it('refuses a bad configuration value naming the field, then saves a good one', async () => {
    await h.page.getByTestId('tab-config').click();
    await h.page.getByTestId('cfg-terminalId').fill('bad id!');
    await h.page.getByTestId('cfg-session.idleWarningSeconds').fill('5');
    await h.page.getByTestId('cfg-save').click();
    const error = h.page.getByTestId('cfg-error');
    await error.getByRole('alert').waitFor();
    const text = (await error.textContent()) ?? '';
    // Once, translated, each field by its label; not the config path or the schema's English.
    expect(text).toContain('配置没有保存');
    expect(text).toContain('终端编号：值不符合要求');
    expect(text).toContain('空闲提醒（秒）：值不符合要求');
    expect(text).not.toMatch(/terminalId|Not saved|Invalid|Too small/);
    expect(h.terminal.config().terminalId).toBe('SZ-DEV-0001');
    expect(await h.page.getByTestId('cfg-terminalId').getAttribute('aria-invalid')).toBe('true');
    await h.screenshot('admin-03-config-refused');

    await h.page.getByTestId('cfg-terminalId').fill('SZ-DEV-0001');
    await h.page.getByTestId('cfg-session.idleWarningSeconds').fill('90');
    await h.page.getByTestId('cfg-centreName').fill('福田区莲花街道党群服务中心（测试）');
    await h.page.getByTestId('cfg-save').click();
    const saved = h.page.getByTestId('cfg-saved');
    await saved.waitFor();
    expect(await saved.textContent()).toContain('centreName');
    expect(h.terminal.config().centreName).toBe('福田区莲花街道党群服务中心（测试）');
    expect(h.terminal.config().session.idleWarningSeconds).toBe(90);
    // The secret never comes back to the screen.
    expect(await h.page.content()).not.toContain(h.terminal.config().terminalSecret);
    await h.page.getByTestId('cfg-rollback').click();
    await h.page.getByTestId('cfg-saved').waitFor();
    await expect.poll(() => h.terminal.config().centreName).toBe('福田区莲花街道党群服务中心');
  });

  it('exports a diagnostics bundle with no ID number or name in it', async () => {
    await h.page.getByTestId('tab-logs').click();
    await h.page.getByTestId('bundle-export').click();
    await h.page.locator('[data-testid="bundle-result"][data-result="ok"]').waitFor();
    const file = (await h.page.getByTestId('bundle-path').textContent()) ?? '';
    expect(file.startsWith(path.join(h.dataDir, 'bundles'))).toBe(true);
    await h.page.getByTestId('bundle-download').waitFor();
    const out = mkdtempSync(path.join(os.tmpdir(), 'easydo-e2e-bundle-'));
    execFileSync('tar', ['-xzf', file, '-C', out]);
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).map((f) => path.join(out, f)).filter((f) => statSync(f).isFile());
    const all = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(all).toContain('admin.testRead');
    expect(all).toContain('paperOutEvents');
    for (const s of personal) expect(all.includes(s), `bundle holds ${s.slice(0, 3)}…`).toBe(false);
    expect(all).not.toContain(h.terminal.config().terminalSecret);
    await h.page.getByTestId('audit-table').getByText('admin.bundle.export').first().waitFor();
  });

  it('takes the terminal out of service with a reason shown on the attract screen, and back on logout', async () => {
    await h.page.getByTestId('tab-service').click();
    await h.page.getByTestId('service-out').click();
    await h.page.locator('[data-testid="service-result"][data-result="failed"]').waitFor();
    await h.page.getByTestId('service-reason').fill('网络检修，请到窗口办理');
    await h.page.getByTestId('service-out').click();
    await h.page.locator('[data-testid="service-result"][data-result="ok"]').waitFor();
    await h.page.getByTestId('outbox-drain').click();
    await h.page.locator('[data-testid="drain-result"][data-result="ok"]').waitFor();
    await h.page.getByTestId('admin-exit').click();
    await h.page.getByTestId('admin-exit-confirm').click();
    // The test harness registers no exit hook: refused, and said so.
    await h.page.locator('[data-testid="exit-result"][data-result="failed"]').waitFor();

    await h.page.getByTestId('admin-logout').click();
    await h.page.getByTestId('attract').waitFor();
    const banner = h.page.getByTestId('out-of-service');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('网络检修，请到窗口办理');
    await h.screenshot('admin-04-out-of-service');
    // Put back in service by an admin; the banner goes.
    await openPinPad();
    await enterPin(DEV_ADMIN_PIN);
    await h.page.getByTestId('tab-service').click();
    await h.page.getByTestId('service-in').click();
    await h.page.locator('[data-testid="service-result"][data-result="ok"]').waitFor();
    await h.page.getByTestId('admin-logout').click();
    await h.page.getByTestId('attract').waitFor();
    await expect.poll(() => JSON.stringify(h.terminal.devices.serviceState())).toContain('"inService":true');
    await expect.poll(() => h.page.getByTestId('out-of-service').count()).toBe(0);
  });

  it('waits for a resident session to end before entering', async () => {
    await h.page.getByTestId('sim-place-res02').click();
    await h.page.getByTestId('card-panel').waitFor();
    await openPinPad();
    await enterPin(DEV_ADMIN_PIN);
    await h.page.locator('[role="alert"][data-reason="session-active"]').waitFor();
    expect(h.terminal.devices.serviceState().manual).toBeNull();
    await h.terminal.sessions.end('finished');
    await h.page.getByTestId('admin').waitFor();
    await h.page.getByTestId('admin-logout').click();
    await h.page.getByTestId('attract').waitFor();
  });

  it('locks the entry after five wrong PINs, even for the right one', async () => {
    await openPinPad();
    for (let i = 0; i < 4; i++) {
      await enterPin('000000');
      await h.page.locator('[role="alert"][data-reason="wrong-pin"]').waitFor();
    }
    await enterPin('000000');
    await h.page.locator('[role="alert"][data-reason="locked"]').waitFor();
    await enterPin(DEV_ADMIN_PIN);
    await expect.poll(() => readFileSync(path.join(h.dataDir, 'audit', 'audit.jsonl'), 'utf8')).toContain('admin.login.locked');
    expect(await h.page.getByTestId('admin').count()).toBe(0);
    expect(readFileSync(path.join(h.dataDir, 'audit', 'audit.jsonl'), 'utf8')).toContain('"lockedForSeconds":300');
    await h.screenshot('admin-05-locked');
  });
});
