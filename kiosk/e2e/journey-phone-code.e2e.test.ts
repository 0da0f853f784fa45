// 亮码办事 through the browser shell, over a real pty: the simulated 2D imager on one end of a socat pair, the
// terminal's scanner driver on the other, the embedded sandbox verifying the dynamic codes. A resident starts,
// completes and is receipted by phone code alone; an expired and a reused code are refused with their reason;
// card plus code confirms the same person and refuses another's code; an item needing the physical card
// refuses a code session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxCode, startImagerRig, type ImagerRig } from '../../core/test/identity/imager-rig';
import { simulatorDefaults } from '@easydo/core/services/config/load';
import { startHarness, type Harness } from './harness';
import { assertNothingOf, recordSpeech, signAndSubmit, typeDigits, typeHanzi } from '../test/journey/e2e-steps';

const ITEM = 'QR00305001'; // 婚姻登记记录证明

describe('journey: identity by phone code (亮码办事)', () => {
  let h: Harness;
  let rig: ImagerRig;
  let receipt: { number: string; password: string } | null = null;

  beforeAll(async () => {
    rig = await startImagerRig();
    const devices = simulatorDefaults().devices;
    h = await startHarness({
      config: { devices: { ...devices, qrScanner: { transport: 'serial', port: rig.port, baud: 9600, mode: 'trigger', commandSet: 'menu', symbologies: { qr: true }, suffix: 'cr', aimId: false } } },
    });
  });
  afterAll(async () => {
    await h?.close();
    await rig?.close();
  });

  const code = (resident: string, spoil?: 'expired' | 'used') => sandboxCode(h.terminal.backend.sandbox!.url, resident, spoil);

  /** From the attract screen to the identity screen of the item, as a guest. */
  async function toIdentity(): Promise<void> {
    const p = h.page;
    await p.getByTestId('attract').waitFor();
    await p.getByTestId('browse').click();
    await p.getByTestId('catalogue').waitFor();
    await p.getByTestId('category-civil-affairs').click();
    await p.getByTestId(`item-${ITEM}`).click();
    await p.getByTestId('guide-apply').click();
    await p.getByTestId('identity').waitFor();
  }

  /** Taps the code kind and, once main waits on the scanner (the imager was triggered), shows the code. */
  async function show(text: string, start = 'phone-code-start-ctid'): Promise<void> {
    await h.page.getByTestId(start).click();
    await h.page.getByTestId('phone-code-scanning').waitFor();
    await h.page.getByTestId('imager-art').waitFor();
    rig.imager.present(text);
  }

  it('scanner configured over the pty: online, trigger mode and QR enabled by command', () => {
    const snap = h.terminal.devices.list().find((d) => d.kind === 'qrScanner');
    expect(snap).toMatchObject({ status: 'online', required: false, detail: { commands: 'applied' } });
    expect(rig.imager.readMode).toBe('trigger');
  });

  it('starts, completes and is receipted by phone code alone', async () => {
    const p = h.page;
    await toIdentity();
    const shown = await code('res01');
    await show(shown);
    await p.getByTestId('form').waitFor();
    expect(await p.getByTestId('field-applicantIdNumber').textContent()).toBe('440304********2469');
    if ((await p.getByTestId('prefilled-contactPhone').count()) === 0) {
      await p.getByTestId('field-contactPhone').click();
      await typeDigits(p, '13800138001');
    }
    await p.getByTestId('field-reason').click();
    await typeHanzi(p, 'zheng', '证');
    await p.locator('[data-testid="field-reason"]', { hasText: '证' }).waitFor();
    await p.getByTestId('form-next').click();
    await p.getByTestId('checklist').waitFor();
    for (const material of ['ID_CARD', 'HUKOU']) {
      const button = p.getByTestId(`use-cert-${material}`);
      if ((await button.count()) > 0) await button.click();
    }
    await p.locator('[data-testid="materials-next"]:not([disabled])').waitFor();
    await p.getByTestId('materials-next').click();
    await signAndSubmit(p);
    await p.getByTestId('receipt-printed').waitFor();
    const number = (await p.getByTestId('acceptance-number').textContent())!;
    expect(number).toMatch(/\S{6,}/);
    receipt = { number, password: (await p.getByTestId('query-password').textContent())! };
    await p.getByText('手机身份码').first().waitFor(); // the slip says how the identity was established
    const row = h.terminal.backend.sandbox!.db.prepare('SELECT id_number FROM applications WHERE acceptance_number = ?').get(number) as { id_number: string } | undefined;
    expect(row?.id_number).toBe('440304199604122469');
    await assertNothingOf(p, ['440304199604122469', '卓岚', shown]);
    await p.getByTestId('receipt-continue').click();
    await p.getByTestId('evaluation-skip').click();
    await p.getByTestId('finish').click();
    await p.getByTestId('attract').waitFor();
    expect(h.terminal.sessions.current()).toBeNull();
  });

  it('亮码办事 from the attract screen: the code first, then the catalogue and straight to the form', async () => {
    const p = h.page;
    await p.getByTestId('attract').waitFor();
    await p.getByTestId('show-code').click();
    await p.getByTestId('code-entry').waitFor();
    await show(await code('res02'));
    await p.getByTestId('catalogue').waitFor();
    await p.getByTestId('card-panel').waitFor();
    await p.getByTestId('category-civil-affairs').click();
    await p.getByTestId(`item-${ITEM}`).click();
    await p.getByTestId('guide-apply').click();
    await p.getByTestId('form').waitFor(); // identity is known: no place-your-card screen
    expect(await p.getByTestId('identity').count()).toBe(0);
    await p.getByTestId('cancel').click();
    await p.getByTestId('attract').waitFor();
  });

  it('the receipt QR through the same scanner answers the progress query; a phone code there is not a receipt', async () => {
    const p = h.page;
    expect(receipt).not.toBeNull();
    await p.getByTestId('query').click();
    await p.getByTestId('query-screen').waitFor();
    await p.getByTestId('scan-receipt-start').click();
    await p.getByTestId('scan-receipt-waiting').waitFor();
    rig.imager.present(await code('res05'));
    await p.locator('[data-testid="scan-receipt"] [role="alert"][data-reason="qr-unknown"]').waitFor();
    await p.getByTestId('scan-receipt-start').click();
    await p.getByTestId('scan-receipt-waiting').waitFor();
    rig.imager.present(`easydo://query?no=${encodeURIComponent(receipt!.number)}&pw=${receipt!.password}`);
    await p.getByTestId('query-result').waitFor();
    expect(await p.getByTestId('progress-stage').textContent()).toBeTruthy();
    await p.getByTestId('cancel').click();
    await p.getByTestId('attract').waitFor();
  });

  it('an expired code and a reused code are refused with their reason on screen', async () => {
    const p = h.page;
    await toIdentity();
    await show(await code('res02', 'expired'));
    await p.getByText('这个码已过期').waitFor();
    await show(await code('res02', 'used'), 'phone-code-start-ctid');
    await p.getByText('这个码已经使用过').waitFor();
    await show('AB\u0007junk');
    await p.getByText('没有读清这个码').waitFor();
    expect(h.terminal.sessions.current()?.card ?? null).toBeNull();
    await p.getByTestId('cancel').click();
    await p.getByTestId('attract').waitFor();
  });

  it('card plus code: another person\'s code is refused, the cardholder\'s opens the form', async () => {
    const p = h.page;
    h.terminal.config().identity.cardPlusCodeItems.push(ITEM);
    try {
      await p.getByTestId('sim-place-res01').click();
      await p.locator('[data-testid="card-id"]', { hasText: '440304********2469' }).waitFor();
      await p.getByTestId('category-civil-affairs').click();
      await p.getByTestId(`item-${ITEM}`).click();
      await p.getByTestId('guide-apply').click();
      await p.getByTestId('phone-code-confirm').waitFor();
      await p.getByText('“证 + 码”双重核验').first().waitFor();
      await show(await code('res03'));
      await p.getByText('不是同一个人').waitFor();
      await show(await code('res01'));
      await p.getByTestId('form').waitFor();
    } finally {
      h.terminal.config().identity.cardPlusCodeItems.length = 0;
    }
    await p.getByTestId('cancel').click();
    await p.getByTestId('sim-remove').click();
    await p.getByTestId('attract').waitFor();
  });

  it('speaks the scan instruction at the volume the resident chose', async () => {
    const p = h.page;
    await toIdentity();
    const spoken = await recordSpeech(p);
    await p.getByTestId('voice').click();
    await p.getByTestId('volume-high').click();
    await p.getByTestId('phone-code-start-ctid').click();
    await p.getByTestId('phone-code-scanning').waitFor();
    // 'high' is gain 1; the screen's own speaker used to say it at the default (0.7).
    expect(await spoken()).toContainEqual({ text: expect.stringContaining('请把手机'), volume: 1 });
    await p.getByTestId('cancel').click();
    await p.getByTestId('attract').waitFor();
  });

  it('an item needing the physical card refuses a session by code with the reason', async () => {
    const p = h.page;
    h.terminal.config().identity.physicalCardItems.push(ITEM);
    try {
      await toIdentity();
      await show(await code('res04'));
      await p.getByText('需要核验实体身份证').waitFor();
      await p.getByTestId('guide-apply').waitFor();
    } finally {
      h.terminal.config().identity.physicalCardItems.length = 0;
      await h.terminal.sessions.end('cancelled');
    }
  });
});
