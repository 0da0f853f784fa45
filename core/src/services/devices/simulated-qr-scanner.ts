// The simulated imager joined to the scanner service by the in-process line (development composition only), and
// the development panel's "show a code": a synthetic resident's dynamic code asked of the embedded sandbox over
// HTTP (so nothing of the sandbox is imported), which only this bundle can reach.
import { createQrScanner } from '@easydo/device-drivers/qrscan/scanner/service';
import { createScannerMemoryLink } from '@easydo/device-drivers/qrscan/transport/memory-link';
import { ScannerSimulator } from '@easydo/device-drivers/qrscan/simulator/simulator';
import { prefixOption } from '@easydo/device-drivers/qrscan/cli/options';
import { fetchSandboxIdentityCode } from '@easydo/device-drivers/qrscan/simulator/sandbox-codes';
import type { QrScannerConfig } from '../config/qr-scanner-config';
import type { QrScannerBundle } from './qr-scanner';

export async function simulatedQrScanner(config: Extract<QrScannerConfig, { transport: 'simulator' }>): Promise<QrScannerBundle> {
  const prefix = prefixOption(config.prefix);
  const link = createScannerMemoryLink('simulated 2D scanner');
  const simulator = new ScannerSimulator({ suffix: config.suffix, ...(prefix ? { prefix } : {}), mode: 'trigger' });
  simulator.attach(link.device);
  const scanner = createQrScanner({ id: 'qrScanner', link: link.host, suffix: config.suffix, ...(prefix ? { prefix } : {}), mode: 'trigger', commandSet: 'menu', symbologies: { qr: true } });
  const sandboxCode = (sandbox: { url: string }, req: { residentId: string; codeKind: string; spoil?: 'expired' | 'used' | 'revoked' | undefined }) =>
    fetchSandboxIdentityCode(sandbox.url, req.residentId, req.codeKind, req.spoil);
  return { scanner, simulator: { present: (text) => simulator.present(text), junk: (kind) => simulator.junk(kind), link, sandboxCode }, wedge: null };
}
