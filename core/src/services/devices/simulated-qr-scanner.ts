// The simulated imager joined to the scanner service by the in-process line (development composition only).
import { createQrScanner } from '@easydo/device-drivers/qrscan/scanner/service';
import { createScannerMemoryLink } from '@easydo/device-drivers/qrscan/transport/memory-link';
import { ScannerSimulator } from '@easydo/device-drivers/qrscan/simulator/simulator';
import { prefixOption } from '@easydo/device-drivers/qrscan/cli/options';
import type { QrScannerConfig } from '../config/qr-scanner-config';
import type { QrScannerBundle } from './qr-scanner';

export async function simulatedQrScanner(config: Extract<QrScannerConfig, { transport: 'simulator' }>): Promise<QrScannerBundle> {
  const prefix = prefixOption(config.prefix);
  const link = createScannerMemoryLink('simulated 2D scanner');
  const simulator = new ScannerSimulator({ suffix: config.suffix, ...(prefix ? { prefix } : {}), mode: 'trigger' });
  simulator.attach(link.device);
  const scanner = createQrScanner({ id: 'qrScanner', link: link.host, suffix: config.suffix, ...(prefix ? { prefix } : {}), mode: 'trigger', commandSet: 'menu', symbologies: { qr: true } });
  return { scanner, simulator: { present: (text) => simulator.present(text), junk: (kind) => simulator.junk(kind), link }, wedge: null };
}
