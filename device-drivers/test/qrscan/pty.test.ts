// The scanner service and the simulated imager on the two ends of a real socat pty pair: menu commands
// answered, the serial trigger, a symbology switched off, every kind of junk refused with its reason and
// counted, and an unplug (socat killed) reported as noDevice and recovered when the port returns.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPtyPair, type PtyPair } from '../idcard/pty-pair';
import { createQrScanner, type QrScannerService } from '../../src/qrscan/scanner/service';
import { SerialScannerLink } from '../../src/qrscan/transport/serial';
import { ScannerSimulator } from '../../src/qrscan/simulator/simulator';
import { runScannerSimulatorOnSerial, type SerialScannerSimulator } from '../../src/qrscan/simulator/serial';
import type { DeviceSnapshot } from '../../src/device/model';

function until(service: QrScannerService, test: (s: DeviceSnapshot) => boolean, what: string): Promise<DeviceSnapshot> {
  return new Promise((resolve, reject) => {
    if (test(service.snapshot())) return resolve(service.snapshot());
    const timer = setTimeout(() => reject(new Error(`never ${what}: ${JSON.stringify(service.snapshot())}`)), 20_000);
    const off = service.onChange((s) => {
      if (!test(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}

function waitFor(test: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  return new Promise((resolve, reject) => {
    const poll = () => (test() ? resolve() : Date.now() > deadline ? reject(new Error('condition never held')) : setTimeout(poll, 20));
    poll();
  });
}

describe('2D scanner over a pty pair', () => {
  let pty: PtyPair;
  let served: SerialScannerSimulator;
  let sim: ScannerSimulator;
  let scanner: QrScannerService | null = null;
  const heard: string[] = [];

  beforeAll(async () => {
    pty = await createPtyPair();
    sim = new ScannerSimulator({ suffix: 'crlf', mode: 'continuous' });
    sim.commands.add((c) => heard.push(c));
    served = await runScannerSimulatorOnSerial({ path: pty.b, simulator: sim, reconnectIntervalMs: 100 });
  });
  afterEach(async () => {
    await scanner?.stop();
    scanner = null;
  });
  afterAll(async () => {
    await served.close();
    await pty.dispose();
  });

  it('trigger mode: the settings are applied, a code is read only while triggered, the trigger released', async () => {
    scanner = createQrScanner({ link: new SerialScannerLink({ path: pty.a }), suffix: 'crlf', mode: 'trigger', commandSet: 'menu', symbologies: { qr: true, pdf417: false } });
    await scanner.start();
    expect(scanner.snapshot()).toMatchObject({ status: 'online', detail: { commands: 'applied' }, capabilities: { symbologyCommands: true, trigger: true } });
    expect(heard).toEqual(expect.arrayContaining(['TRGMOD0', 'QRCENA1', 'PDFENA0']));
    expect(sim.readMode).toBe('trigger');
    expect(sim.isEnabled('pdf417')).toBe(false);

    sim.present('https://gd.example/ctid?c=Z9'); // held: nobody pulled the trigger
    const read = scanner.readCode({ timeoutMs: 10_000 });
    await expect(read).resolves.toMatchObject({ code: 'https://gd.example/ctid?c=Z9', bytes: 28 });
    await waitFor(() => heard.at(-1) === 'trigger off');
    expect(heard.slice(-2)).toEqual(['trigger on', 'trigger off']);
    expect(scanner.snapshot().counters.codesRead).toBe(1);
  });

  it('a symbology switched off is not read', async () => {
    scanner = createQrScanner({ link: new SerialScannerLink({ path: pty.a }), suffix: 'crlf', mode: 'continuous', commandSet: 'menu', symbologies: { pdf417: false } });
    await scanner.start();
    const read = scanner.readCode({ timeoutMs: 10_000 });
    sim.present('PDF-LABEL', 'pdf417');
    sim.present('收件编号 44030420261202', 'qr');
    await expect(read).resolves.toMatchObject({ code: '收件编号 44030420261202' });
  });

  it.each([
    ['binary', 'binaryJunk', 'rejectedBinary'],
    ['huge', 'tooLong', 'rejectedTooLong'],
    ['partial', 'partialFrame', 'rejectedPartial'],
    ['control', 'controlCharacters', 'rejectedControl'],
  ] as const)('junk %s is refused as %s, counted, and the next code still reads', async (kind, reason, counter) => {
    scanner = createQrScanner({ link: new SerialScannerLink({ path: pty.a }), suffix: 'crlf', partialTimeoutMs: 300 });
    await scanner.start();
    const refused: string[] = [];
    scanner.onEvent((e) => e.type === 'rejected' && refused.push(e.reason));
    const read = expect(scanner.readCode({ timeoutMs: 10_000 })).rejects.toMatchObject({ name: 'QrScanError', code: reason });
    await sim.junk(kind);
    await read;
    expect(refused).toEqual([reason]);
    expect(scanner.snapshot().counters).toMatchObject({ framesRejected: 1, [counter]: 1, codesRead: 0 });
    expect(JSON.stringify(scanner.snapshot())).not.toContain('progress.example');
    const next = scanner.readCode({ timeoutMs: 10_000 });
    sim.present('after-junk');
    await expect(next).resolves.toMatchObject({ code: 'after-junk' });
  });

  it('unplug: noDevice, a waiting read fails, and the scanner is back online when the port returns', async () => {
    scanner = createQrScanner({ link: new SerialScannerLink({ path: pty.a }), suffix: 'crlf', reconnectIntervalMs: 100 });
    await scanner.start();
    const waiting = expect(scanner.readCode({ timeoutMs: 20_000 })).rejects.toMatchObject({ code: 'noDevice' });
    await pty.stop();
    await waiting;
    await until(scanner, (s) => s.status === 'noDevice', 'noDevice');
    await pty.start();
    const back = await until(scanner, (s) => s.status === 'online', 'back online');
    expect(back.counters.reconnects).toBe(1);
    await waitFor(() => served.isOpen);
    const read = scanner.readCode({ timeoutMs: 10_000 });
    sim.present('after-replug');
    await expect(read).resolves.toMatchObject({ code: 'after-replug' });
  });

  it('a scanner that ignores commands still reads, and says its commands went unanswered', async () => {
    const deafPty = await createPtyPair();
    const deaf = new ScannerSimulator({ answersCommands: false });
    const deafServed = await runScannerSimulatorOnSerial({ path: deafPty.b, simulator: deaf });
    try {
      scanner = createQrScanner({ link: new SerialScannerLink({ path: deafPty.a }), commandSet: 'menu', commandTimeoutMs: 200, symbologies: { qr: true } });
      await scanner.start();
      expect(scanner.snapshot()).toMatchObject({ status: 'online', detail: { commands: 'unanswered' } });
      const read = scanner.readCode({ timeoutMs: 10_000 });
      deaf.present('still-reads');
      await expect(read).resolves.toMatchObject({ code: 'still-reads' });
    } finally {
      await scanner?.stop();
      scanner = null;
      await deafServed.close();
      await deafPty.dispose();
    }
  });
});
