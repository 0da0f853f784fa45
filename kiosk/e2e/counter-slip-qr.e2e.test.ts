// The counter's 2D scanner reads a resident's slip (issue 20 item 4), through the browser shell over a real pty:
// the simulated imager on one end of a socat pair, the terminal's scanner driver on the other. The clerk taps
// 扫描回执二维码 under 查找申请, the resident holds the slip's QR to the imager, and the application it names is
// listed for the clerk to continue or print again; a slip that is no receipt is refused in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startImagerRig, type ImagerRig } from '../../core/test/identity/imager-rig';
import { simulatorDefaults } from '@easydo/core/services/config/load';
import { progressLinkBuilder } from '@easydo/core/services/receipts/query-link';
import { startHarness, type Harness } from './harness';
import { signInClerk } from './counter-steps';

const RESIDENT = { idNumber: '440304199604122469', name: '卓岚' };

describe("counter: an application found by the slip's QR", () => {
  let h: Harness;
  let rig: ImagerRig;

  beforeAll(async () => {
    rig = await startImagerRig();
    const devices = simulatorDefaults().devices;
    h = await startHarness({
      mode: 'counter',
      config: { devices: { ...devices, qrScanner: { transport: 'serial', port: rig.port, baud: 9600, mode: 'trigger', commandSet: 'menu', symbologies: { qr: true }, suffix: 'cr', aimId: false } } },
    });
  });
  afterAll(async () => {
    await h?.close();
    await rig?.close();
  });

  /** Taps 扫描回执二维码 and holds `text` to the imager (it decodes once main triggers it). */
  async function scan(text: string): Promise<void> {
    await h.page.getByTestId('pickup-scan').click();
    await h.page.getByTestId('pickup-scan-waiting').waitFor();
    rig.imager.present(text);
  }

  it('lists the accepted application its progress link names, masked', async () => {
    const p = h.page;
    await signInClerk(p, 'C1001', 'counter-1001');
    const local = await h.terminal.applications.journal.enqueue(
      {
        itemCode: 'QR00204001', channel: 'kiosk',
        applicant: { type: 'natural_person', idType: 'resident', ...RESIDENT },
        form: { applicantName: RESIDENT.name, applicantIdNumber: RESIDENT.idNumber, contactPhone: '13800138001' },
      },
      [{ code: 'ID_CARD', pageCount: 1, trustLevel: 'B', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4 synthetic page') }],
    );
    await h.terminal.applications.outbox.drainNow();
    const number = (await h.terminal.applications.journal.get(local.localId)).acceptanceNumber!;

    await p.getByTestId('tab-pickup').click();
    await scan(progressLinkBuilder(h.terminal.config())(number));
    const item = p.getByTestId('pickup-item');
    await item.waitFor();
    expect(await item.count()).toBe(1);
    const text = (await item.textContent()) ?? '';
    expect(text).toContain(number);
    expect(text).not.toContain(RESIDENT.name);
    expect(text).not.toContain(RESIDENT.idNumber);
    await p.getByTestId('pickup-scan').waitFor(); // ready for the next slip
  });

  it('says in words when the code held up is no receipt', async () => {
    await scan('https://example.com/not-a-slip');
    const notice = h.page.getByTestId('pickup').getByRole('alert');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/回执/);
  });
});
