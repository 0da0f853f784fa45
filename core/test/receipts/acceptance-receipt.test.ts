// The 受理回执 layout: every field present, identifiers masked, printed through the virtual printer.
import { afterEach, describe, expect, it } from 'vitest';
import { PROFILES } from '@easydo/device-drivers/printer/profiles';
import { tcpTransport } from '@easydo/device-drivers/printer/transport/tcp';
import { startVirtualPrinter, type VirtualPrinter } from '@easydo/device-drivers/printer/virtual/server';
import { displayWidth } from '@easydo/device-drivers/printer/escpos/width';
import { buildAcceptanceReceiptBytes, buildAcceptanceReceiptLayout } from '../../src/services/receipts/index';
import { ACCEPTED, OFFLINE, QUERY_LINK, RESIDENT } from './fixtures';
import path from 'node:path';

let printer: VirtualPrinter | null = null;
afterEach(async () => {
  await printer?.close();
  printer = null;
});

const outDir = (name: string) => path.resolve(import.meta.dirname, '../../../test-artifacts/receipts', `${name}-${process.pid}-${Date.now()}`);

describe('受理回执 (thermal)', () => {
  for (const profile of Object.values(PROFILES)) {
    it(`${profile.name}: prints every field, masked, within the paper width`, async () => {
      printer = await startVirtualPrinter({ port: 0, outDir: outDir(`accepted-${profile.name}`), dots: profile.dots, charset: profile.charset });
      await tcpTransport('127.0.0.1', printer.port).write(buildAcceptanceReceiptBytes(ACCEPTED, profile, { queryLink: QUERY_LINK }));
      const [job] = await printer.waitForJobs(1);
      const text = job!.lines.join('\n');
      const flat = text.replace(/\s+/g, '');
      for (const expected of ['受理回执', ACCEPTED.centre, ACCEPTED.itemName, ACCEPTED.itemCode, 'FT2025010200123', '836412', '卓*', '440304********2469', '2025-01-0209:30', 'FT-LH-KIOSK-03', '居民身份证', '户口簿本人页复印件', '原件核验', ACCEPTED.nextStep, ACCEPTED.timeLimit]) {
        expect(flat, expected).toContain(expected.replace(/\s+/g, ''));
      }
      expect(text).toContain(`[QR:${QUERY_LINK('FT2025010200123')}]`);
      expect(text).toMatch(/\[QR:https:\/\/progress\.sz\.example\.invalid\/progress\/FT2025010200123\?t=[A-Za-z0-9_-]{22}\]/);
      expect(text).not.toContain(RESIDENT.idNumber);
      expect(text).not.toContain(RESIDENT.name);
      for (const b of job!.blocks) if (b.type === 'line') expect(b.overflow, b.text).toBe(false);
      for (const l of job!.lines.filter((x) => !x.startsWith('[QR:'))) expect(displayWidth(l), l).toBeLessThanOrEqual(profile.columns);
    });
  }

  it('offline variant says 已提交，待受理 with the local tracking code and no password', () => {
    const layout = buildAcceptanceReceiptLayout(OFFLINE, { queryLink: QUERY_LINK });
    const json = JSON.stringify(layout);
    expect(json).toContain('已提交，待受理');
    expect(json).toContain('LOCAL-7F3K-92QD');
    expect(json).not.toContain('836412');
    expect(json).not.toContain('easydo://query');
    expect(layout).toContainEqual({ type: 'leftRight', left: '本地跟踪码', right: 'LOCAL-7F3K-92QD', bold: true });
  });

  it('the QR link is a replaceable function and reprints are marked', () => {
    const layout = buildAcceptanceReceiptLayout(ACCEPTED, { queryLink: (acceptanceNumber) => `https://example.invalid/q/${acceptanceNumber}`, reprint: true });
    expect(layout).toContainEqual({ type: 'qr', data: 'https://example.invalid/q/FT2025010200123' });
    expect(layout[0]).toMatchObject({ text: '（补打）' });
  });

  it('rejects bad data at the boundary', () => {
    expect(() => buildAcceptanceReceiptLayout({ ...ACCEPTED, submittedAt: 'yesterday' }, { queryLink: QUERY_LINK })).toThrow();
  });
});
