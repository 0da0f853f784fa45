// Status bytes for every state over loopback TCP, and the printer service's mapping into the device model.
import { afterEach, describe, expect, it } from 'vitest';
import { renderLayout } from '../../src/printer/escpos/render';
import { PROFILES } from '../../src/printer/profiles';
import { createPrinterService, type PrinterService } from '../../src/printer/service';
import { decodeRealtimeStatus, PRINTER_STATES } from '../../src/printer/status';
import { tcpTransport } from '../../src/printer/transport/tcp';
import { startVirtualPrinter, type VirtualPrinter } from '../../src/printer/virtual/server';
import { artifactDir } from './helpers';

let printer: VirtualPrinter | null = null;
let service: PrinterService | null = null;
afterEach(async () => {
  await service?.stop();
  await printer?.close();
  service = null;
  printer = null;
});

const EXPECTED = {
  ok: { dle: [0x12, 0x12, 0x12, 0x12], gsr: 0x00 },
  'near-end': { dle: [0x12, 0x12, 0x12, 0x1e], gsr: 0x03 },
  out: { dle: [0x1a, 0x32, 0x12, 0x72], gsr: 0x0c },
  'cover-open': { dle: [0x1a, 0x16, 0x12, 0x12], gsr: 0x00 },
  'cutter-error': { dle: [0x1a, 0x52, 0x1a, 0x12], gsr: 0x00 },
} as const;

const serviceFor = (port: number) =>
  createPrinterService({ id: 'receipt', transport: tcpTransport('127.0.0.1', port), profile: PROFILES['80mm'], pollIntervalMs: 60_000 });

describe('printer status', () => {
  it('the virtual printer answers DLE EOT 1–4 and GS r 1 by state, switchable at runtime', async () => {
    printer = await startVirtualPrinter({ port: 0, outDir: artifactDir('status') });
    const transport = tcpTransport('127.0.0.1', printer.port);
    for (const state of PRINTER_STATES) {
      printer.setState(state);
      const dle = await transport.query(Uint8Array.of(0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 3, 0x10, 4, 4), 4, 2000);
      expect([...dle], state).toEqual(EXPECTED[state].dle);
      const gsr = await transport.query(Uint8Array.of(0x1d, 0x72, 1), 1, 2000);
      expect(gsr[0], state).toBe(EXPECTED[state].gsr);
    }
    expect(printer.jobs).toHaveLength(0); // status-only connections are not jobs
  });

  it('decodes python-escpos masks: 0x12 ok, 0x1E near end, 0x72 out; rejects non-status bytes', () => {
    expect(decodeRealtimeStatus([0x12, 0x12, 0x12, 0x12]).paper).toBe('ok');
    expect(decodeRealtimeStatus([0x12, 0x12, 0x12, 0x1e]).paper).toBe('nearEnd');
    expect(decodeRealtimeStatus([0x1a, 0x32, 0x12, 0x72])).toMatchObject({ paper: 'out', online: false });
    expect(() => decodeRealtimeStatus([0x41, 0x12, 0x12, 0x12])).toThrow(/status byte/);
  });

  it('maps each state into the device status model', async () => {
    printer = await startVirtualPrinter({ port: 0, outDir: artifactDir('service') });
    service = serviceFor(printer.port);
    const seen: Record<string, unknown> = {};
    for (const state of PRINTER_STATES) {
      printer.setState(state);
      const s = await service.refreshStatus();
      seen[state] = { status: s.status, paper: s.detail.paper, cover: s.detail.cover, alerts: s.alerts.map((a) => a.code) };
    }
    expect(seen).toEqual({
      ok: { status: 'online', paper: 'ok', cover: 'closed', alerts: [] },
      'near-end': { status: 'online', paper: 'nearEnd', cover: 'closed', alerts: ['paperNearEnd'] },
      out: { status: 'userError', paper: 'out', cover: 'closed', alerts: [] },
      'cover-open': { status: 'userError', paper: 'ok', cover: 'open', alerts: [] },
      'cutter-error': { status: 'hardwareError', paper: 'ok', cover: 'closed', alerts: [] },
    });
    expect(service.snapshot().counters.paperOutEvents).toBe(1);
  });

  it('a paper-out printer makes canPrint() false and refuses jobs; refilled, it prints and counts', async () => {
    printer = await startVirtualPrinter({ port: 0, outDir: artifactDir('paper-out'), state: 'out' });
    service = serviceFor(printer.port);
    await service.start();
    expect(await service.canPrint()).toBe(false);
    expect(service.snapshot().lastError?.code).toBe('paperOut');
    const bytes = renderLayout([{ type: 'text', text: '测试' }], PROFILES['80mm']);
    await expect(service.print(bytes, { jobId: 'j1', sessionId: 's1' })).rejects.toMatchObject({ code: 'paperOut' });
    printer.setState('ok');
    expect(await service.canPrint()).toBe(true);
    await service.print(bytes, { jobId: 'j2', sessionId: 's1' });
    await printer.waitForJobs(1);
    expect(service.snapshot().counters.receiptsPrinted).toBe(1);
  });

  it('an unreachable printer is offline', async () => {
    printer = await startVirtualPrinter({ port: 0, outDir: artifactDir('offline') });
    const port = printer.port;
    await printer.close();
    printer = null;
    service = serviceFor(port);
    expect((await service.refreshStatus()).status).toBe('offline');
    expect(await service.canPrint()).toBe(false);
  });

  it('cancelSession drops everything of that session still queued; other sessions print', async () => {
    printer = await startVirtualPrinter({ port: 0, outDir: artifactDir('cancel') });
    service = serviceFor(printer.port);
    await service.start();
    const bytes = (t: string) => renderLayout([{ type: 'text', text: t }], PROFILES['80mm']);
    const first = service.print(bytes('甲-1'), { jobId: 'a1', sessionId: 'A' });
    const outcome = (p: Promise<void>) => p.then(() => 'printed', (e: { code?: string }) => e.code);
    const queued = [outcome(service.print(bytes('甲-2'), { jobId: 'a2', sessionId: 'A' })), outcome(service.print(bytes('甲-3'), { jobId: 'a3', sessionId: 'A' }))];
    const other = service.print(bytes('乙-1'), { jobId: 'b1', sessionId: 'B' });
    expect(await service.cancelSession('A')).toBe(2);
    await first;
    await other;
    expect(await Promise.all(queued)).toEqual(['cancelled', 'cancelled']);
    const jobs = await printer.waitForJobs(2);
    const texts = jobs.flatMap((j) => j.lines);
    expect(texts).toContain('甲-1');
    expect(texts).toContain('乙-1');
    expect(texts.join()).not.toMatch(/甲-[23]/);
  });
});
