// The developer panel (development profile, simulated devices): it takes the embedded sandbox backend down and
// brings it back, and says which it is, so a developer knows why submissions wait in the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

describe('developer panel: sandbox backend down', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const reachable = async () => {
    try {
      await fetch(`${h.terminal.backend.sandbox!.url}/v1/catalogue`);
      return true;
    } catch {
      return false;
    }
  };

  it('takes the backend down and back, showing its state', async () => {
    const panel = h.page.getByTestId('sim-backend');
    await h.page.locator('[data-testid="sim-backend"][data-backend="up"]').waitFor();
    expect(await panel.getByRole('status').textContent()).toBe('模拟后台：在线');
    expect(await reachable()).toBe(true);

    await h.page.getByTestId('sim-backend-down').click();
    await h.page.locator('[data-testid="sim-backend"][data-backend="down"]').waitFor();
    expect(await panel.getByRole('status').textContent()).toBe('模拟后台：已断开');
    expect(await reachable()).toBe(false);
    await h.screenshot('dev-panel-backend-down');

    await h.page.getByTestId('sim-backend-up').click();
    await h.page.locator('[data-testid="sim-backend"][data-backend="up"]').waitFor();
    expect(await reachable()).toBe(true);
  });
});
