// The simulated imager on a serial path (one end of a socat pty pair), reopened when the path vanishes and
// comes back, so the scanner service on the other end sees a real serial device.
import { SerialScannerLink } from '../transport/serial';
import { ScannerSimulator, type ScannerSimulatorOptions } from './simulator';

export interface SerialScannerSimulator {
  readonly simulator: ScannerSimulator;
  readonly isOpen: boolean;
  close(): Promise<void>;
}

export async function runScannerSimulatorOnSerial(options: {
  path: string;
  baudRate?: number;
  simulator?: ScannerSimulator | ScannerSimulatorOptions;
  reconnectIntervalMs?: number;
}): Promise<SerialScannerSimulator> {
  const simulator = options.simulator instanceof ScannerSimulator ? options.simulator : new ScannerSimulator(options.simulator);
  const link = new SerialScannerLink({ path: options.path, ...(options.baudRate ? { baudRate: options.baudRate } : {}) });
  const interval = options.reconnectIntervalMs ?? 200;
  let closed = false;
  let detach: (() => void) | null = null;

  const keepOpen = async (): Promise<void> => {
    while (!closed) {
      try {
        await link.open();
        detach?.();
        detach = simulator.attach(link);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, interval));
      }
    }
  };
  link.onClose(() => {
    detach?.();
    detach = null;
    if (!closed) void keepOpen();
  });
  await keepOpen();
  return {
    simulator,
    get isOpen() {
      return link.isOpen;
    },
    async close() {
      closed = true;
      detach?.();
      await link.close();
    },
  };
}
