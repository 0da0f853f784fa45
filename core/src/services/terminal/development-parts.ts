// The door to the development composition (dev-composition.ts: simulated reader, virtual printer, embedded
// sandbox). It is the only way to reach those modules, by dynamic import, and it stays shut in the production
// profile. The Electron build keeps the door out of the production bundle for real: kiosk/scripts/build-electron.mjs
// resolves this import to a separate file, out/dev-composition.cjs, which packaged builds do not ship
// (kiosk/test/app/production-bundle.test.ts checks main.cjs holds none of those modules).
import type { Sandbox, SandboxOptions } from '@easydo/backend-client/sandbox/server';
import type { VirtualPrinter, VirtualPrinterOptions } from '@easydo/device-drivers/printer/virtual/server';
import type { Profile } from '../config/production-policy';
import type { IdReaderBundle } from '../devices/id-reader';
import type { QrScannerBundle } from '../devices/qr-scanner';
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

/** Loads the development composition on first use, and only in the development profile. */
export function developmentPartsLoader(profile: Profile): DevelopmentPartsLoader {
  let loading: Promise<DevelopmentParts> | null = null;
  return async (field) => {
    if (profile !== 'development') throw new DevelopmentOnly(field);
    loading ??= import('./dev-composition').then((m) => m.developmentParts);
    return loading;
  };
}
