// What the development composition (terminal/dev-composition.ts) offers: the simulated reader and 2D scanner, the
// virtual printer, the embedded sandbox. Devices and the backend reach them only through a DevelopmentPartsLoader,
// the door the composition root opens (terminal/development-parts.ts), which stays shut in the production profile.
import type { Sandbox, SandboxOptions } from '@easydo/backend-client/sandbox/server';
import type { VirtualPrinter, VirtualPrinterOptions } from '@easydo/device-drivers/printer/virtual/server';
import type { IdReaderBundle } from './id-reader';
import type { QrScannerBundle } from './qr-scanner';
import type { QrScannerConfig } from '../config/qr-scanner-config';

export interface DevelopmentParts {
  simulatedReader(config: { cards?: string | undefined; pollIntervalMs: number }): Promise<IdReaderBundle>;
  virtualPrinter(options: VirtualPrinterOptions): Promise<VirtualPrinter>;
  sandbox(options: SandboxOptions): Promise<Sandbox>;
  simulatedQrScanner(config: Extract<QrScannerConfig, { transport: 'simulator' }>): Promise<QrScannerBundle>;
}

/** A configuration asked for a development part in the production profile. */
export class DevelopmentOnly extends Error {
  constructor(readonly field: string) {
    super(`${field}: simulators, the virtual printer and the embedded sandbox are not available in the production profile`);
    this.name = 'DevelopmentOnly';
  }
}

export type DevelopmentPartsLoader = (field: string) => Promise<DevelopmentParts>;
