// Maintenance diagnostics: test read (masked), test print (the drivers' sample receipt), test scan (one page),
// and device reset / port re-open. Each either returns a result to show or throws a Failure saying what failed.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { randomUUID } from 'node:crypto';
import { sampleReceipt } from '@easydo/device-drivers/printer/sample';
import { renderLayout } from '@easydo/device-drivers/printer/escpos/render';
import { getProfile } from '@easydo/device-drivers/printer/profiles';
import { SaneScanner } from '@easydo/device-drivers/scanner/sane-scanner';
import type { MaskedCard } from '@easydo/core/contract/schemas/card';
import type { DeviceSnapshot } from '@easydo/core/contract/schemas/device';
import { deviceReason } from '@easydo/core/contract/errors';
import { Failure } from '../errors/failure';
import { scrubText } from '../logging/redact';
import { toMaskedCard } from '../session/card-record';
import type { AdminContext } from './admin-context';
import { redactedDevice, scrubbedError } from './redacted-errors';

/** Waits for the next card and returns it masked. The read starts a resident session by itself (compose wires
 *  every read to one); a test read is not a resident, so that session is ended and wiped at once. */
export function testRead(ctx: Pick<AdminContext, 'idReader' | 'sessions'>, timeoutMs: number): Promise<{ card: MaskedCard; durationMs: number }> {
  const started = Date.now();
  // The reader reads a card once, when it is placed: one already lying there would never answer this wait.
  if (ctx.idReader.reader.snapshot().detail?.cardPresent === true) {
    return Promise.reject(new Failure('state', 'A card is already on the reader: lift it and place it again after starting the test read', 'card-already-on-reader', undefined, { device: 'idReader' }));
  }
  return new Promise((resolve, reject) => {
    const offStart = ctx.sessions.onStart(() => void ctx.sessions.end('cancelled'));
    const done = () => {
      clearTimeout(timer);
      offRead();
      // Leave the session guard a moment so the session compose starts for this read is caught too.
      setTimeout(offStart, 1000).unref();
    };
    const timer = setTimeout(() => {
      done();
      reject(new Failure('device', `No card was read within ${Math.round(timeoutMs / 1000)} s. Is the reader online and the card on it?`, 'timeout', undefined, { device: 'idReader' }));
    }, timeoutMs);
    const offRead = ctx.idReader.cards.onCardRead((card) => {
      done();
      resolve({ card: toMaskedCard(card), durationMs: Date.now() - started });
    });
  });
}

export async function testPrint(ctx: Pick<AdminContext, 'receiptPrinter' | 'config'>): Promise<{ jobId: string; virtualPng: string | null; virtualText: string[] | null }> {
  const { printer, virtual } = ctx.receiptPrinter;
  const profile = getProfile(ctx.config().devices.receiptPrinter.profile);
  const jobId = `test-${randomUUID().slice(0, 8)}`;
  const before = virtual?.jobs.length ?? 0;
  try {
    await printer.print(renderLayout(sampleReceipt(), profile), { jobId, sessionId: 'admin-diagnostics' });
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'printFailed';
    // The printer's own last error says it in words ("The printer is out of paper"); the code says it for machines.
    const why = scrubText(printer.snapshot().lastError?.message ?? (e as Error).message);
    throw new Failure('device', `Test print failed: ${why} (${code})`, deviceReason(code), undefined, { device: 'receiptPrinter' });
  }
  if (!virtual) return { jobId, virtualPng: null, virtualText: null };
  const jobs = await virtual.waitForJobs(before + 1);
  const job = jobs[jobs.length - 1]!;
  return { jobId, virtualPng: (await readFile(job.files.png)).toString('base64'), virtualText: job.lines };
}

export async function testScan(ctx: Pick<AdminContext, 'config'>): Promise<{ pages: number; format: string; image: string; device: string }> {
  const cfg = ctx.config().devices.scanner;
  if (cfg.source !== 'sane') throw new Failure('state', `The scanner source is "${cfg.source}": test scan needs a SANE scanner`, 'not-sane');
  // Low resolution: a test page should prove the path works, not fill the screen's memory.
  const backend = cfg.device.split(':')[0]!;
  // SANE's test device scans solid black by default; its colour pattern is a page worth looking at.
  const extraArgs = backend === 'test' ? ['--test-picture', 'Color pattern'] : [];
  const scanner = new SaneScanner({ id: 'scanner', device: cfg.device, resolution: 75, backends: [backend], timeoutMs: 60_000, extraArgs });
  await scanner.start();
  const snap = scanner.snapshot();
  if (snap.status !== 'online') throw new Failure('device', `Scanner not available: ${scrubbedError(snap.lastError?.message ?? null) ?? snap.status}`, deviceReason(snap.lastError?.code), undefined, { device: 'scanner' });
  try {
    const pages = await scanner.scan();
    const tone = await blankTone(pages[0]!.bytes);
    if (tone) throw new Failure('device', `Test scan returned an all-${tone} page`, 'scan-blank', undefined, { device: 'scanner', tone });
    return { pages: pages.length, format: pages[0]!.format, image: Buffer.from(pages[0]!.bytes).toString('base64'), device: cfg.device };
  } catch (e) {
    if (e instanceof Failure) throw e;
    throw new Failure('device', `Test scan failed: ${(e as Error).message}`, deviceReason((e as { code?: string }).code ?? 'scanFailed'), undefined, { device: 'scanner' });
  } finally {
    await scanner.stop();
  }
}

/** 'black' or 'white' when the page is one flat tone (a closed lid, a dead lamp, a page the wrong way up), else null. */
export async function blankTone(png: Uint8Array): Promise<'black' | 'white' | null> {
  const [grey] = (await sharp(png).greyscale().stats()).channels;
  if (!grey || grey.stdev > 4) return null;
  return grey.mean < 128 ? 'black' : 'white';
}

/** reset: stop and start the service (drivers reset the device when they open it); reopen: the same, for a port. */
export async function deviceAction(ctx: Pick<AdminContext, 'devices'>, deviceId: string, action: 'reset' | 'reopen'): Promise<{ snapshot: DeviceSnapshot; message: string }> {
  const managed = ctx.devices.get(deviceId);
  if (!managed) throw new Failure('validation', `No device ${deviceId}`, 'unknown-device');
  await managed.service.stop();
  await managed.service.start();
  const snapshot = redactedDevice(ctx.devices.list().find((d) => d.id === deviceId)!);
  const ok = snapshot.status === 'online' || snapshot.status === 'busy';
  const verb = action === 'reset' ? 'Reset' : 'Port re-opened';
  return { snapshot, message: ok ? `${verb}: ${deviceId} is ${snapshot.status}` : `${verb}, but ${deviceId} is ${snapshot.status}: ${snapshot.lastError?.message ?? ''}`.trim() };
}
