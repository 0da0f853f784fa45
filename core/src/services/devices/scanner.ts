// Builds the document scanner from config.devices.scanner: SANE through scanimage (flatbed or ADF), or a hot
// folder that a network scanner writes into. Either way the journey asks for "a batch" with scan(); a hot
// folder's pages wait in memory until then, and discard() drops them when a session ends so one resident's
// pages are never handed to the next.
import { SaneScanner } from '@easydo/device-drivers/scanner/sane-scanner';
import { HotFolderSource, type HotFolderPage } from '@easydo/device-drivers/scanner/hot-folder';
import { ScannerError } from '@easydo/device-drivers/scanner/errors';
import type { DeviceService } from '@easydo/device-drivers/device/model';
import type { TerminalConfig } from '../config/schema';
import { Failure } from '../ipc/failure';

export interface ScannerBundle {
  service: DeviceService;
  /** One flatbed page or an ADF batch (SANE); the pages that arrived (hot folder). Throws typed Failures. */
  scan(signal?: AbortSignal): Promise<Uint8Array[]>;
  /** Drops pages waiting in memory (hot folder). */
  discard(): void;
}

export interface ScannerOptions {
  /** Hot folder: how long scan() waits for the first page, then for the rest of a batch. */
  firstPageWaitMs?: number;
  batchSettleMs?: number;
  /** SANE extras (e.g. test-backend options in tests). */
  extraArgs?: string[];
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
    mode: 'Gray',
    // SANE's `test` device scans solid black unless asked for a picture: a grid looks like a page on screen.
    extraArgs: options.extraArgs ?? (backend === 'test' ? ['--test-picture=Grid'] : []),
  });
  return {
    service: scanner,
    async scan(signal) {
      try {
        const pages = await scanner.scan(signal ? { signal } : {});
        return pages.map((p) => p.bytes);
      } catch (err) {
        throw scannerFailure(err);
      }
    },
    discard: () => undefined,
  };
}

function folderBundle(config: TerminalConfig['devices']['scanner'], options: ScannerOptions): ScannerBundle {
  const source = new HotFolderSource({ id: 'scanner', dir: config.device });
  let waiting: HotFolderPage[] = [];
  let wake: (() => void) | null = null;
  source.onPage((page) => {
    waiting.push(page);
    wake?.();
  });
  const sleep = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wake = null;
        resolve();
      }
      wake = done;
      signal?.addEventListener('abort', done, { once: true });
    });
  return {
    service: source,
    async scan(signal) {
      if (waiting.length === 0) await sleep(options.firstPageWaitMs ?? 30_000, signal);
      if (waiting.length === 0) throw new Failure('device', 'No page arrived from the scanner', 'noPaper');
      // Let the rest of an ADF batch land; each new page restarts the wait.
      for (let n = -1; n !== waiting.length && !signal?.aborted; ) {
        n = waiting.length;
        await new Promise((r) => setTimeout(r, options.batchSettleMs ?? 1500));
      }
      const pages = waiting.map((p) => p.bytes);
      waiting = [];
      return pages;
    },
    discard() {
      for (const p of waiting) p.bytes.fill(0);
      waiting = [];
    },
  };
}

export function createScanner(config: TerminalConfig['devices']['scanner'], options: ScannerOptions = {}): ScannerBundle | null {
  if (config.source === 'none') return null;
  return config.source === 'sane' ? saneBundle(config, options) : folderBundle(config, options);
}
