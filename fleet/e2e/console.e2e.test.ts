// The fleet console in Chromium (playwright-core + Debian's chromium) against a private Mosquitto and 50 real
// fleet agents on simulated terminals: sign-in, worst-first order, an alert arriving live and acknowledged, a
// command's ack state going live, the English switch, and a street operator who cannot see another street.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORDS, STREET_A, STREET_B, startFleet, type Fleet } from '../test/console/fleet-harness';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const UI_DIR = fileURLToPath(new URL('../dist/ui', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/e2e/fleet', import.meta.url));

let fleet: Fleet;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (see .ci/run)`);
  // The web app under test is the one in the tree now.
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
  if (!existsSync(path.join(UI_DIR, 'index.html'))) throw new Error('fleet web app did not build');
  fleet = await startFleet(50, { uiDir: UI_DIR });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  if (fleet) expect(fleet.console.specViolations()).toEqual([]);
  await fleet?.close();
});

async function signedIn(username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(fleet.console.url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('operator').waitFor();
  return page;
}

describe('fleet console in Chromium, 50 agents on Mosquitto', () => {
  let city: Page;

  it('refuses a wrong password, then signs the city operator in and lists all 50 terminals', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(fleet.console.url);
    await page.getByLabel('用户名').fill('city');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent(), { timeout: 20_000 }).toContain('用户名或密码错误');
    await context.close();
    await fleet.console.store.clearSignInFailures('city');

    city = await signedIn('city', PASSWORDS.city);
    await expect.poll(() => city.getByTestId('terminal-row').count(), { timeout: 60_000 }).toBe(50);
    expect(await city.getByTestId('operator').textContent()).toContain('市级运维');
  });

  it('orders groups and their terminals worst first, the paper-out terminal at the top', async () => {
    const red = fleet.terminals[17]!;
    const yellow = fleet.terminals[32]!;
    red.sim.setPaper('out');
    yellow.sim.setPaper('nearEnd');
    const rows = city.getByTestId('terminal-row');
    const shown = () => rows.evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-terminal')!, colour: e.getAttribute('data-colour')! })));
    await expect
      .poll(async () => {
        const list = await shown();
        return { red: list.find((r) => r.id === red.id)?.colour, yellow: list.find((r) => r.id === yellow.id)?.colour };
      }, { timeout: 30_000 })
      .toEqual({ red: 'red', yellow: 'yellow' });
    // Worst first: groups (district/street/centre) ordered by their worst terminal, and inside each group red
    // before yellow before green, whatever else a loaded machine makes late; the paper-out terminal (out of
    // service and a critical alert) is the very first row.
    const rank = { red: 2, yellow: 1, green: 0 } as Record<string, number>;
    const groups = await city.getByTestId('group').evaluateAll((els) =>
      els.map((g) => [...g.querySelectorAll('[data-testid="terminal-row"]')].map((r) => r.getAttribute('data-colour')!)),
    );
    expect(groups.length).toBe(6);
    for (let i = 1; i < groups.length; i++) expect(rank[groups[i - 1]![0]!]!).toBeGreaterThanOrEqual(rank[groups[i]![0]!]!);
    for (const g of groups) for (let i = 1; i < g.length; i++) expect(rank[g[i - 1]!]!).toBeGreaterThanOrEqual(rank[g[i]!]!);
    expect((await shown())[0]!.id).toBe(red.id);
    await city.screenshot({ path: path.join(ARTIFACTS, 'worst-first.png'), fullPage: true });
  });

  it('shows a new alert live and records the acknowledgement', async () => {
    const t = fleet.terminals[8]!;
    t.sim.setReader(false);
    const item = city.locator(`[data-testid="alert"][data-terminal="${t.id}"]`).first();
    await item.waitFor({ timeout: 30_000 });
    expect(await item.textContent()).toContain('严重');
    await item.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => item.getByTestId('acked').textContent(), { timeout: 20_000 }).toContain('city');
    const stored = (await fleet.console.store.listAlerts({ district: null, street: null }, { activeOnly: false, limit: 500 })).find((a) => a.terminalId === t.id && a.clearedAt === null);
    expect(stored?.ackedBy).toBe('city');
  });

  it('opens a terminal page, sends a command and follows its ack state to done', async () => {
    const t = fleet.terminals[3]!;
    await city.locator(`[data-testid="terminal-row"][data-terminal="${t.id}"] button.link`).click();
    const page = city.getByTestId('terminal-page');
    await page.waitFor();
    expect(await city.getByTestId('version').textContent()).toBe('0.1.0');
    expect(await city.getByTestId('config-version').textContent()).toMatch(/^[a-f0-9]{16}$/);
    await city.getByTestId('command-drain').click();
    const row = city.locator('[data-testid="command-row"][data-name="drain"]').first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await row.textContent()).toContain('已完成');
    // A simulated terminal has no renderer: the live state says so rather than pretend.
    await city.getByTestId('command-reloadRenderer').click();
    const reload = city.locator('[data-testid="command-row"][data-name="reloadRenderer"]').first();
    await expect.poll(() => reload.getAttribute('data-status'), { timeout: 30_000 }).toBe('unsupported');
    await city.getByTestId('command-inService').click();
    await city.getByRole('button', { name: '返回列表' }).click();
  });

  it('switches to English and back', async () => {
    await city.getByTestId('language').click();
    await city.getByRole('heading', { name: /Terminals \(worst first\)/ }).waitFor();
    await city.getByTestId('language').click();
    await city.getByRole('heading', { name: /终端（最差优先）/ }).waitFor();
  });

  it('a street operator sees only the 25 terminals of its own street', async () => {
    const street = await signedIn('lianhua', PASSWORDS.streetA);
    await expect.poll(() => street.getByTestId('terminal-row').count(), { timeout: 60_000 }).toBe(25);
    const shown = await street.getByTestId('terminal-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-terminal')!));
    expect(shown.every((id) => fleet.byId(id).location.street === STREET_A.street)).toBe(true);
    const other = fleet.terminals.find((t) => t.location.street === STREET_B.street)!;
    expect(await street.content()).not.toContain(other.id);
    // The other street's alert does not reach this feed either.
    expect(await street.locator(`[data-testid="alert"][data-terminal="${fleet.terminals[17]!.id}"]`).count()).toBe(0);
    await street.context().close();
  });
});
