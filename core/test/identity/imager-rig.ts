// A simulated 2D imager on one end of a socat pty pair, for tests above core (the kiosk E2E suite reaches the
// drivers only through core): the scanner driver opens the other end as a real serial port.
import { createPtyPair, type PtyPair } from '../../../device-drivers/test/idcard/pty-pair';
import { ScannerSimulator } from '@easydo/device-drivers/qrscan/simulator/simulator';
import { runScannerSimulatorOnSerial, type SerialScannerSimulator } from '@easydo/device-drivers/qrscan/simulator/serial';
import { fetchSandboxIdentityCode } from '@easydo/device-drivers/qrscan/simulator/sandbox-codes';

export interface ImagerRig {
  /** The port the terminal's scanner opens. */
  port: string;
  imager: ScannerSimulator;
  close(): Promise<void>;
}

export async function startImagerRig(): Promise<ImagerRig> {
  const pty: PtyPair = await createPtyPair();
  const imager = new ScannerSimulator({ suffix: 'cr', mode: 'continuous' });
  const served: SerialScannerSimulator = await runScannerSimulatorOnSerial({ path: pty.b, simulator: imager });
  return {
    port: pty.a,
    imager,
    async close() {
      await served.close();
      await pty.dispose();
    },
  };
}

/** A synthetic resident's dynamic code from the sandbox's developer route (optionally one it will refuse). */
export function sandboxCode(sandboxUrl: string, resident: string, spoil?: 'expired' | 'used' | 'revoked'): Promise<string> {
  return fetchSandboxIdentityCode(sandboxUrl, resident, 'ctid', spoil);
}
