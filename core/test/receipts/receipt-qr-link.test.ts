// The receipt's QR as a phone meets it: the slip printed on the virtual printer (58 and 80 mm), its picture decoded
// with jsQR, gives an https link on the configured progress host that carries no password; the sandbox (the
// platform's stand-in) answers that very link with the application's progress, and refuses it with one character
// of the token changed. The kiosk reads the same picture back into a progress query (journey/progress.ts).
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILES } from '@easydo/device-drivers/printer/profiles';
import { tcpTransport } from '@easydo/device-drivers/printer/transport/tcp';
import { startVirtualPrinter } from '@easydo/device-drivers/printer/virtual/server';
import { startSandbox, type Sandbox } from '@easydo/backend-client/sandbox/server';
import { createBackendClient, type BackendClient } from '@easydo/backend-client/client';
import type { Journal } from '@easydo/backend-client/outbox/journal';
import type { SubmissionReceipt } from '@easydo/backend-client/types';
import { buildAcceptanceReceiptBytes } from '../../src/services/receipts/index';
import { ProgressService, parseReceiptQr } from '../../src/services/journey/progress';
import type { CatalogueService } from '../../src/services/catalogue/catalogue-service';
import { ACCEPTED, LINK_CONFIG, QUERY_LINK, RESIDENT } from './fixtures';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../../test-artifacts/receipts');
const TERMINAL = { id: 'SZ-FT-0001', secret: LINK_CONFIG.terminalSecret };

let sandbox: Sandbox;
let client: BackendClient;
let issued: SubmissionReceipt;
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const dir = mkdtempSync(path.join(ARTIFACTS, 'qr-link-'));
  sandbox = await startSandbox({ dbFile: path.join(dir, 'sandbox.db'), terminals: [TERMINAL] });
  client = createBackendClient({ baseUrl: sandbox.url, terminalId: TERMINAL.id, secret: TERMINAL.secret, timeoutMs: 5000 });
  ({ receipt: issued } = await client.submitApplication(
    {
      itemCode: 'QR00204001',
      applicant: { type: 'natural_person', idType: 'resident', idNumber: RESIDENT.idNumber, name: RESIDENT.name },
      channel: 'kiosk',
      form: { applicantName: RESIDENT.name, applicantIdNumber: RESIDENT.idNumber, contactPhone: '13800138001' },
      materials: [],
    },
    { idempotencyKey: 'receipt-qr-link-0001' },
  ));
});
afterAll(async () => sandbox?.close());

/** Prints the slip for the issued application and reads the QR off the printed picture, as a phone camera would. */
async function printedQr(profileName: keyof typeof PROFILES): Promise<string> {
  const profile = PROFILES[profileName];
  const printer = await startVirtualPrinter({ port: 0, outDir: mkdtempSync(path.join(ARTIFACTS, `qr-${profileName}-`)), dots: profile.dots, charset: profile.charset });
  try {
    const data = { ...ACCEPTED, outcome: { kind: 'accepted' as const, acceptanceNumber: issued.acceptanceNumber, queryPassword: issued.queryPassword } };
    await tcpTransport('127.0.0.1', printer.port).write(buildAcceptanceReceiptBytes(data, profile, { queryLink: QUERY_LINK }));
    const [job] = await printer.waitForJobs(1);
    const { data: rgba, info } = await sharp(job!.files.png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const found = jsQR(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length), info.width, info.height);
    if (!found) throw new Error(`no QR code found on the ${profileName} slip`);
    return found.data;
  } finally {
    await printer.close();
  }
}

/** The same link with the token's first character changed (same shape, wrong value). */
const forged = (link: string) => link.replace(/\?t=(.)/, (_m, c: string) => `?t=${c === 'A' ? 'B' : 'A'}`);
const onSandbox = (link: string, accept = 'text/html') => {
  const u = new URL(link);
  return fetch(`${sandbox.url}${u.pathname}${u.search}`, { headers: { accept } });
};

describe('the printed receipt QR', () => {
  for (const profile of ['58mm', '80mm'] as const) {
    it(`${profile}: decodes to the https progress link of the configured host, without the password`, async () => {
      const link = await printedQr(profile);
      const url = new URL(link);
      expect(url.protocol).toBe('https:');
      expect(url.host).toBe(LINK_CONFIG.progressHost);
      expect(url.pathname).toBe(`/progress/${issued.acceptanceNumber}`);
      expect([...url.searchParams.keys()]).toEqual(['t']);
      expect(url.searchParams.get('t')).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(link).not.toContain(issued.queryPassword);
      expect(link).not.toContain(RESIDENT.idNumber);
      expect(link).toBe(QUERY_LINK(issued.acceptanceNumber));
    });
  }

  it('the sandbox answers the decoded link with the right progress; a forged token is refused', async () => {
    const link = await printedQr('58mm');
    const expected = await client.queryApplication({ acceptanceNumber: issued.acceptanceNumber, queryPassword: issued.queryPassword });
    const page = await onSandbox(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<strong data-field="stage">${expected.stage}</strong>`);
    expect(html).toContain(`<span data-field="acceptanceNumber">${issued.acceptanceNumber}</span>`);
    expect(await (await onSandbox(link, 'application/json')).json()).toEqual(JSON.parse(JSON.stringify(expected)));

    const refused = await onSandbox(forged(link));
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain(expected.stage);
    expect(sandbox.specViolations()).toEqual([]);
  });

  it('the kiosk reads the printed QR back into a progress query; a forged one is a wrong try', async () => {
    const link = await printedQr('80mm');
    expect(parseReceiptQr(link)).toEqual({ kind: 'link', acceptanceNumber: issued.acceptanceNumber, progressToken: new URL(link).searchParams.get('t') });
    const progress = new ProgressService(client, {} as Journal, {} as CatalogueService);
    const view = await progress.byQr(link);
    expect(view.acceptanceNumber).toBe(issued.acceptanceNumber);
    const wrong = await progress.byQr(forged(link)).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ reason: 'query-wrong-password' });
  });
});
