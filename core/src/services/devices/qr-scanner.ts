// Builds the 2D scanner from config: serial (CDC-ACM / RS-232), USB HID POS, a keyboard wedge whose keys main
// takes out of the window, or (development only, through the development composition) the simulated imager
// on an in-process line. Absent config: no scanner, and 亮码办事 is not offered.
import { createQrScanner, type QrScannerService } from '@easydo/device-drivers/qrscan/scanner/service';
import { SerialScannerLink } from '@easydo/device-drivers/qrscan/transport/serial';
import { HidPosLink } from '@easydo/device-drivers/qrscan/transport/hid-pos';
import { KeyboardWedgeLink } from '@easydo/device-drivers/qrscan/transport/keyboard-wedge';
import { prefixOption } from '@easydo/device-drivers/qrscan/cli/options';
import { openNodeHidDevice, type HidReportDevice, type NodeHidSelector } from '@easydo/device-drivers/idcard/transport/hid';
import type { QrScannerConfig } from '../config/qr-scanner-config';
import type { CodeKind } from '@easydo/core/contract/schemas/identity-code';
import type { DevelopmentPartsLoader } from './development-parts';

/** Only with the simulated imager: hold a code (or junk) in front of it. */
export interface QrSimulatorControl {
  present(text: string): void;
  junk(kind: 'binary' | 'huge' | 'partial' | 'control'): Promise<void>;
  link: { unplug(): void; plug(): void; readonly plugged: boolean };
  /** A synthetic resident's dynamic code from the embedded sandbox's developer route (spoiled on request). */
  sandboxCode(sandbox: { url: string }, req: { residentId: string; codeKind: CodeKind; spoil?: 'expired' | 'used' | 'revoked' | undefined }): Promise<string>;
}

export interface QrScannerBundle {
  scanner: QrScannerService;
  simulator: QrSimulatorControl | null;
  /** With a keyboard wedge: main feeds the window's key presses here (and keeps the claimed ones from the page). */
  wedge: KeyboardWedgeLink | null;
}

export interface QrScannerOptions {
  development: DevelopmentPartsLoader;
  openHidDevice?: (selector: NodeHidSelector) => () => Promise<HidReportDevice>;
}

export async function createQrScannerBundle(config: QrScannerConfig | undefined, options: QrScannerOptions): Promise<QrScannerBundle | null> {
  if (!config) return null;
  if (config.transport === 'simulator') {
    const dev = await options.development('devices.qrScanner.transport');
    return dev.simulatedQrScanner(config);
  }
  if (config.transport === 'serial') {
    const prefix = prefixOption(config.prefix);
    const scanner = createQrScanner({
      id: 'qrScanner',
      link: new SerialScannerLink({ path: config.port, baudRate: config.baud }),
      suffix: config.suffix,
      ...(prefix ? { prefix } : {}),
      aimId: config.aimId,
      mode: config.mode,
      commandSet: config.commandSet,
      symbologies: config.symbologies,
    });
    return { scanner, simulator: null, wedge: null };
  }
  if (config.transport === 'hidPos') {
    const selector: NodeHidSelector = config.path ? { path: config.path } : { vendorId: config.vendorId, productId: config.productId };
    const link = new HidPosLink({ openDevice: (options.openHidDevice ?? openNodeHidDevice)(selector), description: `${config.vendorId.toString(16)}:${config.productId.toString(16)}` });
    return { scanner: createQrScanner({ id: 'qrScanner', link }), simulator: null, wedge: null };
  }
  const wedge = new KeyboardWedgeLink({ terminator: config.terminator });
  return { scanner: createQrScanner({ id: 'qrScanner', link: wedge }), simulator: null, wedge };
}
