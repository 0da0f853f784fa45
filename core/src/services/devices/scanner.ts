// Builds the document scanner from config.devices.scanner: SANE through scanimage (flatbed or ADF), or a hot
// folder that a network scanner writes into. Either way the journey asks for "a batch" with scan(). A hot folder
// hands a scan() only the pages that first appeared while that scan() was waiting (the driver shreds and counts
// the rest as `pagesDiscarded`), and discard() — called when a session ends — stops a scan in flight and wipes
// what it held, so one resident's pages are never handed to the next.
import { SaneScanner } from '@easydo/device-drivers/scanner/sane-scanner';
import { HotFolderSource, type HotFolderPage } from '@easydo/device-drivers/scanner/hot-folder';
import { ScannerError } from '@easydo/device-drivers/scanner/errors';
import type { DeviceService } from '@easydo/device-drivers/device/model';
import type { TerminalConfig } from '../config/schema';
import { Failure } from '../errors/failure';

export interface ScannerBundle {
  service: DeviceService;
  /** One flatbed page or an ADF batch (SANE); the pages that arrived while it waited (hot folder). Throws typed Failures. */
  scan(signal?: AbortSignal): Promise<Uint8Array[]>;
  /** The session ended: a scan in flight stops (typed `session-ended`) and its pages are wiped. */
  discard(): void;
}

export interface ScannerOptions {
  /** Hot folder: how long scan() waits for the first page, then for the rest of a batch. */
  firstPageWaitMs?: number;
  batchSettleMs?: number;
  /** SANE extras (e.g. test-backend options in tests). */
  extraArgs?: string[];
  /** SANE: no progress for this long → scannerHung (default: the driver's). */
  stallMs?: number;
}

const sessionEnded = () => new Failure('state', 'The session has ended', 'session-ended');

/** One AbortController per scan in flight, so discard() can stop it. */
function inFlight() {
  let current: AbortController | null = null;
  return {
    begin(outer?: AbortSignal): AbortController {
      const ac = new AbortController();
      outer?.addEventListener('abort', () => ac.abort(), { once: true });
      if (outer?.aborted) ac.abort();
      current = ac;
      return ac;
    },
    end(ac: AbortController): void {
      if (current === ac) current = null;
    },
    discard(): void {
      current?.abort(sessionEnded());
    },
  };
}

/** ScannerError (jammed, coverOpen, noPaper, …) → a typed device failure whose reason the screen can act on. */
export function scannerFailure(err: unknown): unknown {
  if (err instanceof ScannerError) return new Failure('device', err.message, err.code);
  return err;
}

function saneBundle(config: TerminalConfig['devices']['scanner'], options: ScannerOptions): ScannerBundle {
  // The backend name is the part of the device name before the first colon (`epson2:net:…`, `test`).
  const backend = config.device.split(':')[0]!.replace(/[^a-z0-9_]/g, '') || 'test';
  const scanner = new SaneScanner({
    device: config.device,
    backends: [backend],
    source: config.adf ? 'adf' : 'flatbed',
    resolution: config.resolution,
    ...(config.mode === 'device' ? {} : { mode: config.mode ?? ('Color' as const) }),
    // SANE's `test` device scans solid black unless asked for a picture: a grid looks like a page on screen.
    extraArgs: options.extraArgs ?? (backend === 'test' ? ['--test-picture=Grid'] : []),
    ...(options.stallMs ? { stallMs: options.stallMs } : {}),
  });
  const flight = inFlight();
  return {
    service: scanner,
    async scan(signal) {
      const ac = flight.begin(signal);
      try {
        const pages = await scanner.scan({ signal: ac.signal });
        if (ac.signal.reason instanceof Failure) throw ac.signal.reason;
        return pages.map((p) => p.bytes);
      } catch (err) {
        throw ac.signal.reason instanceof Failure ? ac.signal.reason : scannerFailure(err);
      } finally {
        flight.end(ac);
      }
    },
    discard: () => flight.discard(),
  };
}

function folderBundle(config: TerminalConfig['devices']['scanner'], options: ScannerOptions): ScannerBundle {
  const source = new HotFolderSource({
    id: 'scanner',
    dir: config.device,
    ...(config.rejectedRetentionHours ? { rejectedRetentionMs: config.rejectedRetentionHours * 3600_000 } : {}),
  });
  const flight = inFlight();
  // The pages of the scan() in flight; the driver emits only while its request is open.
  let batch: HotFolderPage[] | null = null;
  let wake: (() => void) | null = null;
  source.onPage((page) => {
    if (!batch) return void page.bytes.fill(0);
    batch.push(page);
    wake?.();
  });
  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wake = null;
        signal.removeEventListener('abort', done);
        resolve();
      }
      wake = done;
      signal.addEventListener('abort', done, { once: true });
    });
  return {
    service: source,
    async scan(signal) {
      const ac = flight.begin(signal);
      const pages: HotFolderPage[] = [];
      try {
        await source.beginRequest();
        batch = pages;
        if (pages.length === 0 && !ac.signal.aborted) await sleep(options.firstPageWaitMs ?? 30_000, ac.signal);
        // Let the rest of an ADF batch land; each new page restarts the wait.
        for (let n = -1; n !== pages.length && !ac.signal.aborted; ) {
          n = pages.length;
          await sleep(options.batchSettleMs ?? 1500, ac.signal);
        }
        if (ac.signal.reason instanceof Failure) throw ac.signal.reason;
        if (pages.length === 0) throw new Failure('device', 'No page arrived from the scanner', 'noPaper');
        return pages.map((p) => p.bytes);
      } catch (err) {
        for (const p of pages) p.bytes.fill(0);
        throw err;
      } finally {
        if (batch === pages) batch = null;
        source.endRequest();
        flight.end(ac);
      }
    },
    discard: () => flight.discard(),
  };
}

export function createScanner(config: TerminalConfig['devices']['scanner'], options: ScannerOptions = {}): ScannerBundle | null {
  if (config.source === 'none') return null;
  return config.source === 'sane' ? saneBundle(config, options) : folderBundle(config, options);
}
